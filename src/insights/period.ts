// Periods of local days in a community's time zone. A period is a pair of calendar days
// (inclusive); the store turns them into instants with the community's time zone
// (`day::timestamp AT TIME ZONE tz`), so these helpers need no time zone themselves, except
// to know which day "now" is.
import { DayKeyer } from "../util/day.js";

export interface DayRange {
  /** First local day, YYYY-MM-DD. */
  from: string;
  /** Last local day, YYYY-MM-DD, inclusive. */
  to: string;
}

export interface Period extends DayRange {
  /** The period before, for month-over-month figures and retention's cohort (the previous
   * calendar month for a month, the previous ISO week for a week). Default: as many days just before. */
  previous?: DayRange;
}

export class PeriodError extends Error {}

const DAY_RE = /^\d{4}-\d{2}-\d{2}$/;
const MONTH_RE = /^(\d{4})-(0[1-9]|1[0-2])$/;
const WEEK_RE = /^(\d{4})-W(0[1-9]|[1-4]\d|5[0-3])$/;

const utc = (day: string) => Date.parse(`${day}T00:00:00Z`);
const fmt = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export function isDay(s: string): boolean {
  return DAY_RE.test(s) && fmt(utc(s)) === s;
}

export function addDays(day: string, n: number): string {
  return fmt(utc(day) + n * 86_400_000);
}

/** Days from `from` to `to`, both included. */
export function dayCount(r: DayRange): number {
  return Math.round((utc(r.to) - utc(r.from)) / 86_400_000) + 1;
}

export function checkRange(r: DayRange): void {
  if (!isDay(r.from) || !isDay(r.to)) throw new PeriodError(`days must be YYYY-MM-DD (got ${r.from} .. ${r.to})`);
  if (r.to < r.from) throw new PeriodError(`the period ends (${r.to}) before it starts (${r.from})`);
}

/** The period before: `p.previous`, or as many days just before. */
export function previousOf(p: Period): DayRange {
  if (p.previous) return p.previous;
  const n = dayCount(p);
  return { from: addDays(p.from, -n), to: addDays(p.from, -1) };
}

/** "2026-10" → 2026-10-01 .. 2026-10-31, previous: September. */
export function monthRange(month: string): Period {
  const m = MONTH_RE.exec(month);
  if (!m) throw new PeriodError(`month must be YYYY-MM, e.g. 2026-10 (got "${month}")`);
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const bounds = (yy: number, mm: number): DayRange => ({ from: fmt(Date.UTC(yy, mm - 1, 1)), to: fmt(Date.UTC(yy, mm, 0)) });
  return { ...bounds(y, mo), previous: mo === 1 ? bounds(y - 1, 12) : bounds(y, mo - 1) };
}

/** "2026-W47" → Monday .. Sunday of ISO week 47, previous: week 46. */
export function isoWeekRange(week: string): Period {
  const m = WEEK_RE.exec(week);
  if (!m) throw new PeriodError(`week must be YYYY-Www, e.g. 2026-W47 (got "${week}")`);
  const y = Number(m[1]);
  const w = Number(m[2]);
  // ISO week 1 holds January 4th; its Monday starts the year's weeks.
  const jan4 = Date.UTC(y, 0, 4);
  const monday1 = jan4 - ((new Date(jan4).getUTCDay() + 6) % 7) * 86_400_000;
  const from = fmt(monday1 + (w - 1) * 7 * 86_400_000);
  if (isoWeekOf(from) !== week) throw new PeriodError(`${y} has no ISO week ${w}`);
  return { from, to: addDays(from, 6), previous: { from: addDays(from, -7), to: addDays(from, -1) } };
}

/** The ISO week ("2026-W47") a local day belongs to. */
export function isoWeekOf(day: string): string {
  const t = utc(day);
  const dow = (new Date(t).getUTCDay() + 6) % 7; // Monday 0
  const thursday = new Date(t + (3 - dow) * 86_400_000);
  const y = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(y, 0, 1)) / (7 * 86_400_000)) + 1;
  return `${y}-W${String(week).padStart(2, "0")}`;
}

/** The local day of an instant in a time zone. */
export function localDay(ms: number, timeZone: string): string {
  return new DayKeyer(timeZone).dayOf(ms);
}

/** The last complete calendar month before `now` in the time zone ("2026-10" on any day of November). */
export function lastCompleteMonth(now: number, timeZone: string): string {
  const [y, m] = localDay(now, timeZone).split("-").map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, "0")}`;
}

/** The last complete ISO week before `now` in the time zone. */
export function lastCompleteIsoWeek(now: number, timeZone: string): string {
  return isoWeekOf(addDays(localDay(now, timeZone), -7));
}
