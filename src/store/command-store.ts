// What moderator commands read and change in the store: cases, strikes and the review queue.
// Community arguments are store ids (the pipeline's CommunityState.dbId) as strings.
import type { CaseChange, CaseStatus, CaseView, CommandStore, ReviewView, StrikeView } from "../core/persistence.js";
import type { PrismaClient } from "./index.js";

const fromDbStatus: Record<string, CaseStatus> = { resolved: "actioned", open: "pending_review", not_actioned: "not_actioned", reverted: "reverted" };
const toDbStatus: Record<CaseStatus, string> = { actioned: "resolved", pending_review: "open", not_actioned: "not_actioned", reverted: "reverted" };

const caseInclude = { member: { select: { platformId: true } }, strikes: { where: { cleared: false }, select: { points: true } } } as const;

interface CaseRow {
  number: number;
  kind: "automatic" | "manual";
  guideline: string | null;
  rule: string | null;
  actor: string | null;
  channel: string | null;
  messageId: string | null;
  reason: string;
  explanation: string | null;
  status: string;
  actions: unknown;
  evidence: unknown;
  notes: unknown;
  createdAt: Date;
  member: { platformId: string } | null;
  strikes: { points: number }[];
}

function caseView(r: CaseRow): CaseView {
  const notes = Array.isArray(r.notes) ? (r.notes as { by: string; text: string; at: string }[]) : [];
  return {
    number: r.number,
    kind: r.kind,
    guideline: r.guideline,
    rule: r.rule,
    actor: r.actor,
    member: r.member?.platformId ?? null,
    channel: r.channel,
    message: r.messageId,
    reason: r.reason,
    explanation: r.explanation,
    status: fromDbStatus[r.status] ?? "actioned",
    actions: r.actions,
    evidence: r.evidence,
    notes: notes.map((n) => ({ by: n.by, text: n.text, at: Date.parse(n.at) })),
    strikes: r.strikes.reduce((sum, s) => sum + s.points, 0),
    at: r.createdAt.getTime(),
  };
}

interface ReviewRow {
  id: number;
  kind: "held_message" | "pending_member";
  status: "pending" | "approved" | "rejected";
  payload: unknown;
  createdAt: Date;
  decidedBy: string | null;
}

function reviewView(r: ReviewRow): ReviewView {
  const payload = r.payload && typeof r.payload === "object" ? (r.payload as Record<string, unknown>) : {};
  return {
    id: String(r.id),
    kind: r.kind === "held_message" ? "message" : "member",
    status: r.status,
    member: typeof payload.member === "string" ? payload.member : null,
    caseNumber: typeof payload.case === "number" ? payload.case : null,
    payload,
    at: r.createdAt.getTime(),
    decidedBy: r.decidedBy,
  };
}

/** A review id as typed by a moderator: the store's integer id. */
function reviewId(id: string): number | null {
  return /^\d{1,9}$/.test(id) ? Number(id) : null;
}

export class PrismaCommandStore implements CommandStore {
  constructor(private readonly prisma: PrismaClient) {}

  async getCase(community: string, number: number): Promise<CaseView | null> {
    const row = await this.prisma.case.findUnique({ where: { communityId_number: { communityId: Number(community), number } }, include: caseInclude });
    return row ? caseView(row as CaseRow) : null;
  }

  async memberCases(community: string, member: string, limit: number): Promise<CaseView[]> {
    const rows = await this.prisma.case.findMany({
      where: { communityId: Number(community), member: { platformId: member } },
      include: caseInclude,
      orderBy: { number: "desc" },
      take: limit,
    });
    return rows.map((r) => caseView(r as CaseRow));
  }

  async memberStrikes(community: string, member: string): Promise<StrikeView[]> {
    const rows = await this.prisma.strike.findMany({
      where: { member: { communityId: Number(community), platformId: member } },
      select: { points: true, at: true, expiresAt: true, cleared: true, case: { select: { number: true } } },
      orderBy: { at: "desc" },
    });
    return rows.map((s) => ({ points: s.points, at: s.at.getTime(), expiresAt: s.expiresAt?.getTime() ?? null, caseNumber: s.case?.number ?? null, cleared: s.cleared }));
  }

  async updateCase(community: string, number: number, change: CaseChange): Promise<boolean> {
    const note = change.note ? [{ by: change.note.by, text: change.note.text, at: new Date(change.note.at).toISOString() }] : [];
    const n = await this.prisma.$executeRawUnsafe(
      `UPDATE cases SET notes = notes || $3::jsonb, reason = COALESCE($4, reason), status = COALESCE($5::case_status, status), updated_at = now()
       WHERE community_id = $1 AND number = $2`,
      Number(community),
      number,
      JSON.stringify(note),
      change.reason ?? null,
      change.status ? toDbStatus[change.status] : null,
    );
    return n > 0;
  }

  async clearStrikes(community: string, member: string, caseNumber?: number): Promise<number> {
    const rows = await this.prisma.$queryRawUnsafe<{ points: number }[]>(
      `UPDATE strikes s SET cleared = true FROM members m
       WHERE s.member_id = m.id AND m.community_id = $1 AND m.platform_id = $2 AND NOT s.cleared
         AND ($3::int IS NULL OR s.case_id = (SELECT id FROM cases WHERE community_id = $1 AND number = $3))
       RETURNING s.points`,
      Number(community),
      member,
      caseNumber ?? null,
    );
    return rows.reduce((sum, r) => sum + Number(r.points), 0);
  }

  async pendingReviews(community: string, limit: number): Promise<ReviewView[]> {
    const rows = await this.prisma.reviewItem.findMany({ where: { communityId: Number(community), status: "pending" }, orderBy: { id: "asc" }, take: limit });
    return rows.map(reviewView);
  }

  async getReview(community: string, id: string): Promise<ReviewView | null> {
    const n = reviewId(id);
    if (n === null) return null;
    const row = await this.prisma.reviewItem.findFirst({ where: { id: n, communityId: Number(community) } });
    return row ? reviewView(row) : null;
  }

  async decideReview(community: string, id: string, decision: "approved" | "rejected", by: string, at: number): Promise<boolean> {
    const n = reviewId(id);
    if (n === null) return false;
    const r = await this.prisma.reviewItem.updateMany({
      where: { id: n, communityId: Number(community), status: "pending" },
      data: { status: decision, decidedBy: by, decidedAt: new Date(at) },
    });
    return r.count > 0;
  }
}
