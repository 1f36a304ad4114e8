// Calendar days in a community's time zone. Formatting a date per event is slow, so the
// current day's [start, end) in UTC is cached and most events need two comparisons.
export class DayKeyer {
  private readonly fmt: Intl.DateTimeFormat;
  private start = 0;
  private end = -1;
  private key = "";

  constructor(readonly timeZone: string) {
    this.fmt = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });
  }

  dayOf(ms: number): string {
    if (ms >= this.start && ms < this.end) return this.key;
    const key = this.fmt.format(ms);
    // Find the day's bounds by probing hour steps (DST-safe enough: days are 23–25 h).
    let s = ms - (ms % 3_600_000);
    while (this.fmt.format(s - 1) === key) s -= 3_600_000;
    while (this.fmt.format(s) !== key) s += 60_000;
    while (this.fmt.format(s - 1) === key) s -= 60_000;
    let e = ms - (ms % 3_600_000) + 3_600_000;
    while (this.fmt.format(e) === key) e += 3_600_000;
    while (this.fmt.format(e - 60_000) !== key) e -= 60_000;
    this.start = s;
    this.end = e;
    this.key = key;
    return key;
  }
}
