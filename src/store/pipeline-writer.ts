// The pipeline's persistence on Prisma: a community is loaded once, then each batch of
// writes goes to the database in ONE transaction of a few set-based statements
// (json_to_recordset), whatever the number of rows. Same SQL on PGlite and PostgreSQL.
import type { CaseChange, CaseView, CaseWrite, LoadedCommunity, Persistence, ReviewView, StrikeView, WriteBatch } from "../core/persistence.js";
import { emptyBatch } from "../core/persistence.js";
import type { OutboxEntry } from "../core/outbox/store.js";
import { describeAction, type Action, type ActionOutcome } from "../core/actions.js";
import type { DecisionRecord } from "../core/pipeline.js";
import type { CommunitySettings } from "../config/settings-schema.js";
import { newMember, type MemberState } from "../core/community-state.js";
import type { PrismaClient } from "./index.js";
import { PrismaCommandStore } from "./command-store.js";
import { PrismaTestimonials } from "./testimonials.js";
import { writeInsights } from "./insights-writer.js";
import { PrismaLinks } from "./links.js";

type Tx = Pick<PrismaClient, "$executeRawUnsafe" | "$queryRawUnsafe">;

/** Advisory lock class for case numbering (the second key is the community id). */
const CASE_LOCK = 7_341;
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
const caseStatus = { actioned: "resolved", not_actioned: "not_actioned", pending_review: "open" } as const;

export class PrismaPersistence implements Persistence {
  private readonly commands: PrismaCommandStore;
  readonly testimonials: PrismaTestimonials;
  readonly links: PrismaLinks;
  /** `publicUrl`: the base of tracked short links (PUBLIC_URL), read when a link is made. */
  constructor(private readonly prisma: PrismaClient, options: { publicUrl?: () => string } = {}) {
    this.commands = new PrismaCommandStore(prisma);
    this.testimonials = new PrismaTestimonials(prisma);
    this.links = new PrismaLinks(prisma, options.publicUrl);
  }

  // Moderator commands' reads and changes (command-store.ts).
  getCase(community: string, number: number): Promise<CaseView | null> {
    return this.commands.getCase(community, number);
  }
  memberCases(community: string, member: string, limit: number): Promise<CaseView[]> {
    return this.commands.memberCases(community, member, limit);
  }
  memberStrikes(community: string, member: string): Promise<StrikeView[]> {
    return this.commands.memberStrikes(community, member);
  }
  updateCase(community: string, number: number, change: CaseChange): Promise<boolean> {
    return this.commands.updateCase(community, number, change);
  }
  clearStrikes(community: string, member: string, caseNumber?: number): Promise<number> {
    return this.commands.clearStrikes(community, member, caseNumber);
  }
  pendingReviews(community: string, limit: number): Promise<ReviewView[]> {
    return this.commands.pendingReviews(community, limit);
  }
  getReview(community: string, id: string): Promise<ReviewView | null> {
    return this.commands.getReview(community, id);
  }
  decideReview(community: string, id: string, decision: "approved" | "rejected", by: string, at: number): Promise<boolean> {
    return this.commands.decideReview(community, id, decision, by, at);
  }

  async loadCommunity(key: string, platform: string, settings: CommunitySettings): Promise<LoadedCommunity> {
    const row = await this.prisma.community.upsert({
      where: { key },
      create: { key, platform, settings: settings as object, timezone: settings.timezone },
      update: { settings: settings as object, timezone: settings.timezone },
      select: { id: true },
    });
    const [members, strikes, last, open] = await Promise.all([
      this.prisma.member.findMany({ where: { communityId: row.id } }),
      this.prisma.strike.findMany({
        // Decay is judged against the event clock (replay runs in the past), so all uncleared strikes load.
        where: { member: { communityId: row.id }, cleared: false },
        select: { points: true, at: true, member: { select: { platformId: true } }, case: { select: { number: true } } },
      }),
      this.prisma.case.aggregate({ where: { communityId: row.id }, _max: { number: true } }),
      // The newest unanswered questions (the open-question memory's bound), for answers after a restart.
      this.prisma.question.findMany({ where: { communityId: row.id, answeredAt: null }, orderBy: { askedAt: "desc" }, take: 5000, select: { messageId: true, askerId: true, channel: true, thread: true, askedAt: true } }),
    ]);
    const byId = new Map<string, MemberState>();
    for (const m of members) {
      const s = newMember(m.platformId);
      if (m.name) s.name = m.name;
      s.roles = m.roles;
      s.joinedAt = m.joinedAt?.getTime() ?? null;
      s.leftAt = m.leftAt?.getTime() ?? null;
      s.messageCount = m.messageCount;
      s.lastActiveAt = m.lastActiveAt?.getTime() ?? null;
      s.nudgedAt = m.nudgedAt?.getTime() ?? null;
      s.moderation.recent = cooldownsFrom(m.cooldowns);
      byId.set(m.platformId, s);
    }
    for (const st of strikes) {
      byId.get(st.member.platformId)?.moderation.strikes.push({ points: st.points, at: st.at.getTime(), ...(st.case ? { caseNumber: st.case.number } : {}) });
    }
    const openQuestions = open.reverse().map((q) => ({ id: q.messageId, asker: q.askerId, place: q.thread ?? q.channel, at: q.askedAt.getTime() }));
    return { dbId: String(row.id), nextCaseNumber: (last._max.number ?? 0) + 1, members: [...byId.values()], openQuestions };
  }

  async openCase(w: CaseWrite, entries: (n: number) => OutboxEntry[]): Promise<{ number: number; existing: boolean }> {
    const community = Number(w.community);
    return this.prisma.$transaction(async (tx) => {
      // One numbering at a time per community, across instances (released at commit).
      await tx.$queryRawUnsafe(`SELECT 1 AS locked FROM (SELECT pg_advisory_xact_lock(${CASE_LOCK}, $1::int)) AS l`, community);
      const [found] = await tx.$queryRawUnsafe<{ number: number }[]>(
        `SELECT number FROM cases WHERE community_id = $1 AND message_id = $2 AND rule = $3 AND kind = 'automatic' ORDER BY number LIMIT 1`,
        community, w.message, w.rule,
      );
      if (found) return { number: found.number, existing: true };
      const number = await nextNumber(tx, community);
      // The case names its member: the row exists before the write-behind batch brings the rest.
      await tx.$executeRawUnsafe(`INSERT INTO members (community_id, platform_id) VALUES ($1, $2) ON CONFLICT (community_id, platform_id) DO NOTHING`, community, w.member);
      await writeCases(tx, { ...emptyBatch(), cases: [{ ...w, number }] });
      const rows = entries(number).map((e) => ({ c: community, k: e.key, n: e.caseNumber, kind: e.action.kind, a: e.action, at: iso(e.at) }));
      await run(tx, `
        INSERT INTO outbox (community_id, key, case_number, kind, action, at)
        SELECT x.c, x.k, x.n, x.kind, x.a, x.at FROM json_to_recordset($1::json) AS x(c int, k text, n int, kind text, a jsonb, at timestamptz)
        ON CONFLICT (community_id, key) DO NOTHING`, rows);
      return { number, existing: false };
    }, { timeout: 30_000, maxWait: 30_000 });
  }

  async reconcileCases(): Promise<number> {
    // Cases whose outbox entries settled after the case was last written: a crash came between the
    // actions and the write of their outcomes. Their rows are rebuilt from the outbox, in order.
    const stale = await this.prisma.$queryRawUnsafe<{ c: number; n: number }[]>(`
      SELECT DISTINCT k.community_id AS c, k.number AS n FROM cases k
      JOIN outbox o ON o.community_id = k.community_id AND o.case_number = k.number
      WHERE o.settled_at > k.updated_at`);
    if (stale.length === 0) return 0;
    const entries = await this.prisma.$queryRawUnsafe<{ c: number; n: number; action: Action; outcome: ActionOutcome | null }[]>(`
      SELECT o.community_id AS c, o.case_number AS n, o.action, o.outcome FROM outbox o
      JOIN json_to_recordset($1::json) AS x(c int, n int) ON x.c = o.community_id AND x.n = o.case_number
      ORDER BY o.id`, JSON.stringify(stale));
    const cases = new Map<string, { community: string; number: number; actions: DecisionRecord["outcomes"] }>();
    for (const e of entries) {
      const k = `${e.c}:${e.n}`;
      const r = cases.get(k) ?? { community: String(e.c), number: e.n, actions: [] };
      r.actions.push({ action: describeAction(e.action), status: e.outcome?.status ?? "pending", ...(e.outcome?.detail ? { detail: e.outcome.detail } : {}) });
      cases.set(k, r);
    }
    await writeCaseActions(this.prisma, { ...emptyBatch(), caseActions: [...cases.values()] });
    return cases.size;
  }

  async nextCaseNumber(community: string): Promise<number> {
    return nextNumber(this.prisma, Number(community));
  }

  async write(b: WriteBatch): Promise<void> {
    await this.prisma.$transaction(async (tx) => {
      await writeMembers(tx, b);
      await writeCases(tx, b);
      await writeCaseActions(tx, b);
      await writeCaseAppends(tx, b);
      await writeStrikes(tx, b);
      await writeActionLogs(tx, b);
      await writeReviews(tx, b);
      await writeDays(tx, b);
      await writeSuggestions(tx, b);
      await writeInsights(tx, b);
      if (b.checkpoint) await writeCheckpoint(tx, b.checkpoint);
    }, { timeout: 60_000, maxWait: 30_000 });
  }
}

async function run(tx: Tx, sql: string, rows: unknown[]): Promise<void> {
  if (rows.length) await tx.$executeRawUnsafe(sql, JSON.stringify(rows));
}

function writeMembers(tx: Tx, b: WriteBatch) {
  const rows = b.members.map(({ community, member: m }) => ({
    c: Number(community), p: m.id, n: m.name ?? null, r: m.roles, j: iso(m.joinedAt), l: iso(m.leftAt), mc: m.messageCount, la: iso(m.lastActiveAt), nu: iso(m.nudgedAt),
    cd: cooldownsOf(m),
  }));
  return run(tx, `
    INSERT INTO members (community_id, platform_id, name, roles, joined_at, left_at, message_count, last_active_at, nudged_at, cooldowns)
    SELECT x.c, x.p, x.n, ARRAY(SELECT json_array_elements_text(x.r)), x.j, x.l, x.mc, x.la, x.nu, x.cd
    FROM json_to_recordset($1::json) AS x(c int, p text, n text, r json, j timestamptz, l timestamptz, mc int, la timestamptz, nu timestamptz, cd jsonb)
    ON CONFLICT (community_id, platform_id) DO UPDATE SET
      name = COALESCE(EXCLUDED.name, members.name), roles = EXCLUDED.roles, joined_at = EXCLUDED.joined_at,
      left_at = EXCLUDED.left_at, message_count = EXCLUDED.message_count, last_active_at = EXCLUDED.last_active_at,
      nudged_at = EXCLUDED.nudged_at, cooldowns = EXCLUDED.cooldowns`, rows);
}

/** A member's cooldowns ("guideline/rule" → [case, at]), kept so a restart never punishes one act twice. */
function cooldownsOf(m: MemberState): Record<string, [number, number]> {
  const out: Record<string, [number, number]> = {};
  for (const [rule, r] of m.moderation.recent) out[rule] = [r.caseNumber, r.at];
  return out;
}

function cooldownsFrom(json: unknown): MemberState["moderation"]["recent"] {
  const recent: MemberState["moderation"]["recent"] = new Map();
  if (json && typeof json === "object") {
    for (const [rule, v] of Object.entries(json as Record<string, unknown>)) {
      if (Array.isArray(v) && typeof v[0] === "number" && typeof v[1] === "number") recent.set(rule, { caseNumber: v[0], at: v[1] });
    }
  }
  return recent;
}

/** Outcomes known after the case was written (outbox mode) replace its pending rows. */
function writeCaseActions(tx: Tx, b: WriteBatch) {
  const rows = b.caseActions.map((a) => ({ c: Number(a.community), num: a.number, act: a.actions }));
  return run(tx, `
    UPDATE cases SET actions = x.act, updated_at = now()
    FROM json_to_recordset($1::json) AS x(c int, num int, act jsonb)
    WHERE cases.community_id = x.c AND cases.number = x.num`, rows);
}

/** The community's next case number: one past the highest written. */
async function nextNumber(tx: Tx, community: number): Promise<number> {
  const [r] = await tx.$queryRawUnsafe<{ n: number }[]>(`SELECT COALESCE(MAX(number), 0)::int + 1 AS n FROM cases WHERE community_id = $1`, community);
  return r!.n;
}

function writeCheckpoint(tx: Tx, c: { source: string; line: number }) {
  return tx.$executeRawUnsafe(
    `INSERT INTO replay_checkpoints (source, line, updated_at) VALUES ($1, $2, now())
     ON CONFLICT (source) DO UPDATE SET line = EXCLUDED.line, updated_at = now()`,
    c.source, c.line,
  );
}

function writeCases(tx: Tx, b: WriteBatch) {
  const rows = b.cases.map((c) => ({
    c: Number(c.community), num: c.number, g: c.guideline, r: c.rule, k: c.kind, a: c.actor, mp: c.member, ch: c.channel, msg: c.message,
    reason: c.reason, ev: c.evidence, st: caseStatus[c.status], act: c.actions, ex: c.explanation, at: iso(c.at),
  }));
  return run(tx, `
    INSERT INTO cases (community_id, number, guideline, rule, kind, actor, member_id, channel, message_id, reason, evidence, status, actions, explanation, created_at, updated_at)
    SELECT x.c, x.num, x.g, x.r, x.k::case_kind, x.a, m.id, x.ch, x.msg, x.reason, x.ev, x.st::case_status, x.act, x.ex, x.at, x.at
    FROM json_to_recordset($1::json) AS x(c int, num int, g text, r text, k text, a text, mp text, ch text, msg text, reason text, ev jsonb, st text, act jsonb, ex text, at timestamptz)
    LEFT JOIN members m ON m.community_id = x.c AND m.platform_id = x.mp`, rows);
}

function writeCaseAppends(tx: Tx, b: WriteBatch) {
  // One row per case, so several repeats in one batch all land (UPDATE … FROM applies one match).
  const grouped = new Map<string, { c: number; num: number; ev: unknown[]; act: unknown[] }>();
  for (const a of b.caseAppends) {
    const k = `${a.community}:${a.number}`;
    const g = grouped.get(k) ?? { c: Number(a.community), num: a.number, ev: [], act: [] };
    g.ev.push(a.evidence);
    g.act.push(...(Array.isArray(a.actions) ? a.actions : [a.actions]));
    grouped.set(k, g);
  }
  return run(tx, `
    UPDATE cases SET
      evidence = jsonb_set(COALESCE(cases.evidence, '{}'::jsonb), '{repeats}', COALESCE(cases.evidence->'repeats', '[]'::jsonb) || x.ev),
      actions = cases.actions || x.act,
      updated_at = now()
    FROM json_to_recordset($1::json) AS x(c int, num int, ev jsonb, act jsonb)
    WHERE cases.community_id = x.c AND cases.number = x.num`, [...grouped.values()]);
}

function writeStrikes(tx: Tx, b: WriteBatch) {
  const rows = b.strikes.map((s) => ({ c: Number(s.community), mp: s.member, num: s.caseNumber, pts: s.points, at: iso(s.at), ex: iso(s.expiresAt) }));
  return run(tx, `
    INSERT INTO strikes (member_id, case_id, points, at, expires_at)
    SELECT m.id, k.id, x.pts, x.at, x.ex
    FROM json_to_recordset($1::json) AS x(c int, mp text, num int, pts int, at timestamptz, ex timestamptz)
    JOIN members m ON m.community_id = x.c AND m.platform_id = x.mp
    LEFT JOIN cases k ON k.community_id = x.c AND k.number = x.num`, rows);
}

function writeActionLogs(tx: Tx, b: WriteBatch) {
  const rows = b.actionLogs.map((a) => ({
    c: Number(a.community), num: a.caseNumber, k: a.kind, p: a.payload, st: a.outcome.status, d: "detail" in a.outcome ? (a.outcome.detail ?? null) : null, at: iso(a.at),
  }));
  return run(tx, `
    INSERT INTO action_logs (community_id, case_id, kind, payload, status, detail, at)
    SELECT x.c, k.id, x.k, x.p, x.st::action_status, x.d, x.at
    FROM json_to_recordset($1::json) AS x(c int, num int, k text, p jsonb, st text, d text, at timestamptz)
    LEFT JOIN cases k ON k.community_id = x.c AND k.number = x.num`, rows);
}

function writeReviews(tx: Tx, b: WriteBatch) {
  const rows = b.reviews.map((r) => ({
    c: Number(r.community), k: r.kind === "message" ? "held_message" : "pending_member", p: { ...(r.payload as object), member: r.member, case: r.caseNumber }, at: iso(r.at),
    s: r.status ?? "pending", by: r.decidedBy ?? null, da: r.status && r.status !== "pending" ? iso(r.at) : null,
  }));
  return run(tx, `
    INSERT INTO review_items (community_id, kind, payload, created_at, status, decided_by, decided_at)
    SELECT x.c, x.k::review_kind, x.p, x.at, x.s::review_status, x.by, x.da
    FROM json_to_recordset($1::json) AS x(c int, k text, p jsonb, at timestamptz, s text, by text, da timestamptz)`, rows);
}

async function writeDays(tx: Tx, b: WriteBatch) {
  const days = b.days.map((d) => ({ c: Number(d.community), d: d.day, j: d.joins, l: d.leaves, m: d.messages, r: d.reactions, q: d.questions, a: d.answered }));
  await run(tx, `
    INSERT INTO daily_activity (community_id, day, joins, leaves, messages, reactions, questions, answered)
    SELECT x.c, x.d::date, x.j, x.l, x.m, x.r, x.q, x.a FROM json_to_recordset($1::json) AS x(c int, d text, j int, l int, m int, r int, q int, a int)
    ON CONFLICT (community_id, day) DO UPDATE SET
      joins = daily_activity.joins + EXCLUDED.joins, leaves = daily_activity.leaves + EXCLUDED.leaves,
      messages = daily_activity.messages + EXCLUDED.messages, reactions = daily_activity.reactions + EXCLUDED.reactions,
      questions = daily_activity.questions + EXCLUDED.questions, answered = daily_activity.answered + EXCLUDED.answered`, days);
  // Distinct active members only for days that gained per-member rows.
  const activeDays = b.days.filter((d) => d.members.size > 0).map((d) => ({ c: Number(d.community), d: d.day }));
  const members = b.days.flatMap((d) => [...d.members].map(([p, [m, r]]) => ({ c: Number(d.community), d: d.day, p, m, r })));
  await run(tx, `
    INSERT INTO member_daily_activity (community_id, day, member_id, messages, reactions)
    SELECT x.c, x.d::date, mm.id, x.m, x.r
    FROM json_to_recordset($1::json) AS x(c int, d text, p text, m int, r int)
    JOIN members mm ON mm.community_id = x.c AND mm.platform_id = x.p
    ON CONFLICT (community_id, day, member_id) DO UPDATE SET
      messages = member_daily_activity.messages + EXCLUDED.messages, reactions = member_daily_activity.reactions + EXCLUDED.reactions`, members);
  const channels = b.days.flatMap((d) => [...d.channels].map(([ch, m]) => ({ c: Number(d.community), d: d.day, ch, m })));
  await run(tx, `
    INSERT INTO channel_daily_activity (community_id, day, channel, messages)
    SELECT x.c, x.d::date, x.ch, x.m FROM json_to_recordset($1::json) AS x(c int, d text, ch text, m int)
    ON CONFLICT (community_id, day, channel) DO UPDATE SET messages = channel_daily_activity.messages + EXCLUDED.messages`, channels);
  // Distinct active members per touched day, from the per-member rows (exact across restarts).
  await run(tx, `
    UPDATE daily_activity d SET active_members = (
      SELECT count(*) FROM member_daily_activity m WHERE m.community_id = d.community_id AND m.day = d.day)
    FROM json_to_recordset($1::json) AS x(c int, d text)
    WHERE d.community_id = x.c AND d.day = x.d::date`, activeDays);
}

function writeSuggestions(tx: Tx, b: WriteBatch) {
  const rows = b.suggestions.map(({ community, testimonial: t }) => ({
    c: Number(community), m: t.message, ch: t.channel, a: t.author, an: t.authorName, tx: t.text, st: t.state, sg: t.signals, at: iso(t.createdAt),
  }));
  return run(tx, `
    INSERT INTO testimonials (community_id, message_id, channel, author_id, author_name, text, state, signals, created_at)
    SELECT x.c, x.m, x.ch, x.a, x.an, x.tx, x.st::testimonial_state, ARRAY(SELECT json_array_elements_text(x.sg)), x.at
    FROM json_to_recordset($1::json) AS x(c int, m text, ch text, a text, an text, tx text, st text, sg json, at timestamptz)
    ON CONFLICT (community_id, message_id) DO NOTHING`, rows);
}
