// Membership spans (one stay: join → leave) gathered between flushes. A span opened and closed
// within one batch is written whole; a leave whose span is already in the store closes it there.
// Members Steward never saw join get a span from their first message or reaction (firstSeen).
import type { MemberState } from "../core/community-state.js";

export interface SpanWrite {
  community: string;
  member: string;
  /** null: close the member's open span already in the store at leftAt. */
  joinedAt: number | null;
  leftAt: number | null;
  firstSeen: boolean;
}

/** Whether the member is in the community now, as far as Steward has seen. */
export function isPresent(m: MemberState): boolean {
  return m.leftAt === null && (m.joinedAt !== null || m.lastActiveAt !== null || m.messageCount > 0);
}

/** Never seen before this event (no join, no leave, no activity): present before Steward. */
export function neverSeen(m: MemberState): boolean {
  return m.joinedAt === null && m.leftAt === null && m.lastActiveAt === null && m.messageCount === 0;
}

export class MembershipRecorder {
  private spans: SpanWrite[] = [];
  /** community \0 member → the span opened in this batch and still open. */
  private open = new Map<string, SpanWrite>();

  get pending(): number {
    return this.spans.length;
  }

  /** Call before the pipeline updates the member's state for the join. */
  join(community: string, m: MemberState, at: number): void {
    if (isPresent(m)) return; // a repeated join: the stay goes on
    this.start(community, m.id, at, false);
  }

  firstSeen(community: string, m: MemberState, at: number): void {
    this.start(community, m.id, at, true);
  }

  /** Call before the pipeline sets leftAt. A leave of a member never seen present opens nothing. */
  leave(community: string, m: MemberState, at: number): void {
    if (!isPresent(m)) return;
    const k = `${community}\u0000${m.id}`;
    const s = this.open.get(k);
    if (s) {
      s.leftAt = at;
      this.open.delete(k);
    } else this.spans.push({ community, member: m.id, joinedAt: null, leftAt: at, firstSeen: false });
  }

  drain(dbIdOf: (community: string) => string): SpanWrite[] {
    const out = this.spans.map((s) => ({ ...s, community: dbIdOf(s.community) }));
    this.spans = [];
    this.open = new Map();
    return out;
  }

  private start(community: string, member: string, at: number, firstSeen: boolean): void {
    const s: SpanWrite = { community, member, joinedAt: at, leftAt: null, firstSeen };
    this.spans.push(s);
    this.open.set(`${community}\u0000${member}`, s);
  }
}
