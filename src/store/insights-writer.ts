// The insights rollups in the pipeline's write batch (pipeline-writer.ts runs this inside the
// batch's transaction, after members are written): questions asked, their first replies and
// membership spans, each kind in one set-based statement whatever the number of rows.
import type { WriteBatch } from "../core/persistence.js";
import type { PrismaClient } from "./index.js";

type Tx = Pick<PrismaClient, "$executeRawUnsafe">;

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

async function run(tx: Tx, sql: string, rows: unknown[]): Promise<void> {
  if (rows.length) await tx.$executeRawUnsafe(sql, JSON.stringify(rows));
}

export async function writeInsights(tx: Tx, b: WriteBatch): Promise<void> {
  // A question answered in the batch that asked it is written once, answer included (replays and
  // busy channels: most answers come within minutes); only older questions need an UPDATE.
  const asked = new Map(b.questions.map((q) => [`${q.community}\u0000${q.message}`, { c: Number(q.community), m: q.message, ch: q.channel, th: q.thread, a: q.asker, tx: q.text, at: iso(q.at), aat: null as string | null, by: null as string | null, am: null as string | null }]));
  const later: { c: number; q: string; m: string; by: string; at: string | null }[] = [];
  for (const a of b.answers) {
    const q = asked.get(`${a.community}\u0000${a.question}`);
    if (q && q.aat === null) Object.assign(q, { aat: iso(a.at), by: a.by, am: a.message });
    else if (!q) later.push({ c: Number(a.community), q: a.question, m: a.message, by: a.by, at: iso(a.at) });
  }
  await run(tx, `
    INSERT INTO questions (community_id, message_id, channel, thread, asker_id, text, asked_at, answered_at, answered_by, answer_message_id)
    SELECT x.c, x.m, x.ch, x.th, x.a, x.tx, x.at, x.aat, x.by, x.am
    FROM json_to_recordset($1::json) AS x(c int, m text, ch text, th text, a text, tx text, at timestamptz, aat timestamptz, by text, am text)
    ON CONFLICT (community_id, message_id) DO NOTHING`, [...asked.values()]);
  // Only the first reply counts: a question already answered (an earlier run) keeps its answer.
  await run(tx, `
    UPDATE questions q SET answered_at = x.at, answered_by = x.by, answer_message_id = x.m
    FROM json_to_recordset($1::json) AS x(c int, q text, m text, by text, at timestamptz)
    WHERE q.community_id = x.c AND q.message_id = x.q AND q.answered_at IS NULL`, later);
  // Leaves of stays begun in an earlier batch close the member's open span; then the new spans.
  await run(tx, `
    UPDATE membership_spans s SET left_at = x.l
    FROM json_to_recordset($1::json) AS x(c int, p text, l timestamptz)
    JOIN members m ON m.community_id = x.c AND m.platform_id = x.p
    WHERE s.member_id = m.id AND s.left_at IS NULL`,
    b.spans.filter((s) => s.joinedAt === null).map((s) => ({ c: Number(s.community), p: s.member, l: iso(s.leftAt) })));
  await run(tx, `
    INSERT INTO membership_spans (community_id, member_id, joined_at, left_at, first_seen)
    SELECT x.c, m.id, x.j, x.l, x.f
    FROM json_to_recordset($1::json) AS x(c int, p text, j timestamptz, l timestamptz, f boolean)
    JOIN members m ON m.community_id = x.c AND m.platform_id = x.p`,
    b.spans.filter((s) => s.joinedAt !== null).map((s) => ({ c: Number(s.community), p: s.member, j: iso(s.joinedAt), l: iso(s.leftAt), f: s.firstSeen })));
}
