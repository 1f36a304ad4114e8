// Daily activity per community, counted in memory as events arrive and drained into the
// store's rollups at each flush (never computed by scanning messages later).
import type { DayDelta } from "./persistence.js";
import { DayKeyer } from "../util/day.js";

export class ActivityTracker {
  private readonly keyers = new Map<string, DayKeyer>();
  private days = new Map<string, DayDelta>();
  pending = 0;

  constructor(private readonly timezoneOf: (community: string) => string) {}

  join(community: string, at: number): void {
    this.day(community, at).joins++;
  }

  leave(community: string, at: number): void {
    this.day(community, at).leaves++;
  }

  message(community: string, member: string, channel: string, at: number): void {
    const d = this.day(community, at);
    d.messages++;
    const m = d.members.get(member);
    if (m) m[0]++;
    else {
      d.members.set(member, [1, 0]);
      this.pending++;
    }
    d.channels.set(channel, (d.channels.get(channel) ?? 0) + 1);
  }

  reaction(community: string, member: string, at: number): void {
    const d = this.day(community, at);
    d.reactions++;
    const m = d.members.get(member);
    if (m) m[1]++;
    else {
      d.members.set(member, [0, 1]);
      this.pending++;
    }
  }

  question(community: string, at: number): void {
    this.day(community, at).questions++;
  }

  /** Counted on the day the question was asked (answered / questions per day stays a ratio). */
  answered(community: string, askedAt: number): void {
    this.day(community, askedAt).answered++;
  }

  /** Hands over the counts gathered since the last drain, keyed to store ids. */
  drain(dbIdOf: (community: string) => string): DayDelta[] {
    const out = [...this.days.values()].map((d) => ({ ...d, community: dbIdOf(d.community) }));
    this.days = new Map();
    this.pending = 0;
    return out;
  }

  private day(community: string, at: number): DayDelta {
    let keyer = this.keyers.get(community);
    if (!keyer) this.keyers.set(community, (keyer = new DayKeyer(this.timezoneOf(community))));
    const day = keyer.dayOf(at);
    const k = `${community}\u0000${day}`;
    let d = this.days.get(k);
    if (!d) {
      d = { community, day, joins: 0, leaves: 0, messages: 0, reactions: 0, questions: 0, answered: 0, members: new Map(), channels: new Map() };
      this.days.set(k, d);
      this.pending++;
    }
    return d;
  }
}
