// The raid guard: more than `joins` members joining within `within` puts a community in raid
// mode — newcomers go to review, welcomes pause, moderators are alerted once with the list —
// until `calm` passes without such a burst, or a moderator ends it. One guard per community,
// in memory: a restart mid-raid starts calm (the next burst trips it again within seconds).

export interface RaidSettings {
  joins: number;
  within: number;
  calm: number;
}

export type RaidJoin =
  /** Normal join. */
  | { raid: false }
  /** This join tripped the guard: `members` are the joins of the burst, this one included. */
  | { raid: true; started: true; members: string[] }
  /** Raid mode was on already. */
  | { raid: true; started: false };

export interface RaidEnded {
  startedAt: number;
  endedAt: number;
  /** Members who joined during the raid (the burst included), in order. */
  members: string[];
  by: "calm" | "moderator";
}

export class RaidGuard {
  private times: number[] = [];
  private ids: string[] = [];
  private activeSince: number | null = null;
  private lastBurstAt = 0;
  private during: string[] = [];

  constructor(private readonly settings: RaidSettings) {}

  get active(): boolean {
    return this.activeSince !== null;
  }

  /** Records a join at `at` (ms); joins must come in time order. */
  join(member: string, at: number): RaidJoin {
    this.times.push(at);
    this.ids.push(member);
    const from = at - this.settings.within;
    let drop = 0;
    while (drop < this.times.length && this.times[drop]! <= from) drop++;
    if (drop) {
      this.times.splice(0, drop);
      this.ids.splice(0, drop);
    }
    const burst = this.times.length >= this.settings.joins;
    if (this.activeSince !== null) {
      if (burst) this.lastBurstAt = at;
      this.during.push(member);
      return { raid: true, started: false };
    }
    if (!burst) return { raid: false };
    this.activeSince = at;
    this.lastBurstAt = at;
    this.during = [...this.ids];
    return { raid: true, started: true, members: [...this.ids] };
  }

  /** Ends raid mode when `calm` has passed since the last burst; call on joins and on a timer. */
  check(at: number): RaidEnded | null {
    if (this.activeSince === null || at - this.lastBurstAt < this.settings.calm) return null;
    return this.end(at, "calm");
  }

  /** A moderator starts raid mode by command. */
  start(at: number): boolean {
    if (this.activeSince !== null) return false;
    this.activeSince = at;
    this.lastBurstAt = at;
    this.during = [];
    return true;
  }

  /** A moderator ends raid mode by command (null when it was off). */
  stop(at: number): RaidEnded | null {
    return this.activeSince === null ? null : this.end(at, "moderator");
  }

  private end(at: number, by: RaidEnded["by"]): RaidEnded {
    const ended: RaidEnded = { startedAt: this.activeSince!, endedAt: at, members: this.during, by };
    this.activeSince = null;
    this.during = [];
    this.times = [];
    this.ids = [];
    return ended;
  }
}
