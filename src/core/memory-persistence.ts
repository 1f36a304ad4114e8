// Persistence in memory: for backtests and evaluations, which must not touch the community's
// real store, and for tests. Case numbers start at 1 per community; cases, strikes and review
// items are kept so moderator commands can read them (members, action logs and rollups are not).
import type {
  CaseChange,
  CaseView,
  LoadedCommunity,
  Persistence,
  ReviewView,
  StrikeView,
  WriteBatch,
} from "./persistence.js";
import { MemoryTestimonials } from "../testimonials/record.js";
import { MemoryLinks } from "../insights/links.js";

interface Kept {
  cases: Map<number, CaseView>;
  strikes: (StrikeView & { member: string })[];
  reviews: Map<string, ReviewView>;
}

export class MemoryPersistence implements Persistence {
  writes = 0;
  cases = 0;
  readonly testimonials = new MemoryTestimonials();
  readonly links = new MemoryLinks();
  private readonly kept = new Map<string, Kept>();
  private nextReview = 1;

  async loadCommunity(key: string): Promise<LoadedCommunity> {
    const k = this.of(key);
    return { dbId: key, nextCaseNumber: Math.max(0, ...k.cases.keys()) + 1, members: [] };
  }

  async write(batch: WriteBatch): Promise<void> {
    this.writes++;
    this.cases += batch.cases.length;
    for (const { community, testimonial } of batch.suggestions) this.testimonials.suggest(community, [testimonial]);
    for (const c of batch.cases) {
      this.of(c.community).cases.set(c.number, {
        number: c.number,
        kind: c.kind,
        guideline: c.guideline,
        rule: c.rule,
        actor: c.actor,
        member: c.member,
        channel: c.channel,
        message: c.message,
        reason: c.reason,
        explanation: c.explanation,
        status: c.status,
        actions: c.actions,
        evidence: c.evidence,
        notes: [],
        strikes: 0,
        at: c.at,
      });
    }
    for (const a of batch.caseActions) {
      const c = this.of(a.community).cases.get(a.number);
      if (c) c.actions = a.actions;
    }
    for (const a of batch.caseAppends) {
      const c = this.of(a.community).cases.get(a.number);
      if (c && Array.isArray(c.actions)) c.actions = [...c.actions, ...(Array.isArray(a.actions) ? a.actions : [a.actions])];
    }
    for (const s of batch.strikes) {
      const k = this.of(s.community);
      k.strikes.push({ member: s.member, points: s.points, at: s.at, expiresAt: s.expiresAt, caseNumber: s.caseNumber, cleared: false });
      const c = k.cases.get(s.caseNumber);
      if (c) c.strikes += s.points;
    }
    for (const r of batch.reviews) {
      const id = String(this.nextReview++);
      this.of(r.community).reviews.set(id, {
        id,
        kind: r.kind,
        status: r.status ?? "pending",
        member: r.member,
        caseNumber: r.caseNumber,
        payload: { ...(r.payload as object) },
        at: r.at,
        decidedBy: r.decidedBy ?? null,
      });
    }
  }

  async getCase(community: string, number: number): Promise<CaseView | null> {
    const c = this.of(community).cases.get(number);
    return c ? structuredClone(c) : null;
  }

  async memberCases(community: string, member: string, limit: number): Promise<CaseView[]> {
    return [...this.of(community).cases.values()]
      .filter((c) => c.member === member)
      .sort((a, b) => b.number - a.number)
      .slice(0, limit)
      .map((c) => structuredClone(c));
  }

  async memberStrikes(community: string, member: string): Promise<StrikeView[]> {
    return this.of(community)
      .strikes.filter((s) => s.member === member)
      .sort((a, b) => b.at - a.at)
      .map(({ member: _, ...s }) => ({ ...s }));
  }

  async updateCase(community: string, number: number, change: CaseChange): Promise<boolean> {
    const c = this.of(community).cases.get(number);
    if (!c) return false;
    if (change.reason !== undefined) c.reason = change.reason;
    if (change.note) c.notes.push({ ...change.note });
    if (change.status) c.status = change.status;
    return true;
  }

  async clearStrikes(community: string, member: string, caseNumber?: number): Promise<number> {
    const k = this.of(community);
    let points = 0;
    for (const s of k.strikes) {
      if (s.member !== member || s.cleared || (caseNumber !== undefined && s.caseNumber !== caseNumber)) continue;
      s.cleared = true;
      points += s.points;
      const c = s.caseNumber === null ? undefined : k.cases.get(s.caseNumber);
      if (c) c.strikes -= s.points;
    }
    return points;
  }

  async pendingReviews(community: string, limit: number): Promise<ReviewView[]> {
    return [...this.of(community).reviews.values()].filter((r) => r.status === "pending").slice(0, limit).map((r) => structuredClone(r));
  }

  async getReview(community: string, id: string): Promise<ReviewView | null> {
    const r = this.of(community).reviews.get(id);
    return r ? structuredClone(r) : null;
  }

  async decideReview(community: string, id: string, decision: "approved" | "rejected", by: string): Promise<boolean> {
    const r = this.of(community).reviews.get(id);
    if (!r || r.status !== "pending") return false;
    r.status = decision;
    r.decidedBy = by;
    return true;
  }

  private of(community: string): Kept {
    let k = this.kept.get(community);
    if (!k) this.kept.set(community, (k = { cases: new Map(), strikes: [], reviews: new Map() }));
    return k;
  }
}
