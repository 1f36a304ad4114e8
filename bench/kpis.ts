// KPI benchmark (issue 7):
//  1. a month's KPIs for a community of 50,000 members and 5,000,000 messages in the embedded
//     store (PGlite in a temporary folder). The rollup rows those messages would have produced are
//     generated directly with SQL (generate_series), not by replaying 5M events: 12 months
//     (2025-12-01 … 2026-11-30, Asia/Dhaka): 5,000 regulars posting every other day and 450 random
//     members a day (≈ 2,950 active a day, ≈ 17,000 a month, ≈ 5.0M messages, ≈ 1.08M member-day
//     rows), a question for 1 message in 20 (80 % answered), 1 member in 7 gone again, 30 cases a
//     day (a tenth held), 2 testimonials a day. Goal: < 1 s.
//  2. the rollups' cost per event: the same generated events through the pipeline on the embedded
//     store with the insights rollups off and on (alternating, same process, best of 3 each), as a
//     ratio of CPU time per event (wall time too; on a shared machine CPU time is the steadier one).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { generateEvents } from "./generate-events.js";
import { readEventLog } from "../src/platforms/replay/reader.js";
import { Pipeline } from "../src/core/pipeline.js";
import { ReplayAdapter } from "../src/platforms/replay/adapter.js";
import { GuidelineLibrary, defaultRulesDir } from "../src/guidelines/library.js";
import { SettingsProvider } from "../src/config/settings.js";
import { openStore, type PrismaClient } from "../src/store/index.js";
import { PrismaPersistence } from "../src/store/pipeline-writer.js";
import { silentLogger } from "../src/log.js";
import { computeKpis, monthRange } from "../src/insights/index.js";

export interface KpiBenchResult {
  members: number;
  messages: number;
  memberDayRows: number;
  questions: number;
  generateSeconds: number;
  /** First computeKpis call (cold caches), then the best of five. */
  firstMs: number;
  bestMs: number;
  activeMembers: number;
}

const MEMBERS = 50_000;

/** Fills the store with a year of rollups for one community; returns the counts. */
export async function generateRollups(prisma: PrismaClient): Promise<{ messages: number; memberDayRows: number; questions: number }> {
  const sql = (s: string) => prisma.$executeRawUnsafe(s);
  await sql(`INSERT INTO communities (key, platform, timezone) VALUES ('big', 'discord', 'Asia/Dhaka')`);
  // Members joined over the 14 months before the end; every 7th left 30–120 days after joining.
  await sql(`
    INSERT INTO members (community_id, platform_id, name, joined_at, left_at)
    SELECT 1, 'u' || i, 'Member ' || i,
           timestamptz '2025-10-01 00:00+00' + (i * 37 % 425) * interval '1 day' + (i % 86400) * interval '1 second',
           CASE WHEN i % 7 = 0 THEN timestamptz '2025-10-01 00:00+00' + (i * 37 % 425 + 30 + i % 90) * interval '1 day' END
    FROM generate_series(1, ${MEMBERS}) AS i`);
  await sql(`INSERT INTO membership_spans (community_id, member_id, joined_at, left_at) SELECT community_id, id, joined_at, left_at FROM members`);
  // Regulars (every 10th member) post on every other day, 1–9 messages (2,500 a day); 450 draws a
  // day among all members post 1–5 (≈ 12,000 distinct of them a month). ≈ 13,850 messages a day.
  await sql(`
    INSERT INTO member_daily_activity (community_id, day, member_id, messages, reactions)
    SELECT 1, date '2025-12-01' + d, r * 10, 1 + (r * 7 + d * 13) % 9, (r + d) % 3
    FROM generate_series(0, 364) AS d, generate_series(1, ${MEMBERS / 10}) AS r WHERE (r + d) % 2 = 0`);
  await sql(`
    INSERT INTO member_daily_activity (community_id, day, member_id, messages, reactions)
    SELECT 1, date '2025-12-01' + d, 1 + (d * 4513 + k * 97) % ${MEMBERS}, 1 + (k + d) % 5, k % 2
    FROM generate_series(0, 364) AS d, generate_series(1, 450) AS k
    ON CONFLICT DO NOTHING`);
  await sql(`
    INSERT INTO daily_activity (community_id, day, messages, reactions, active_members)
    SELECT 1, day, sum(messages), sum(reactions), count(*) FROM member_daily_activity GROUP BY day`);
  for (const [col, at] of [["joins", "joined_at"], ["leaves", "left_at"]] as const) {
    await sql(`
      UPDATE daily_activity d SET ${col} = x.n
      FROM (SELECT (${at} AT TIME ZONE 'Asia/Dhaka')::date AS day, count(*) AS n FROM members WHERE ${at} IS NOT NULL GROUP BY 1) x
      WHERE d.community_id = 1 AND d.day = x.day`);
  }
  await sql(`
    INSERT INTO channel_daily_activity (community_id, day, channel, messages)
    SELECT 1, day, 'ch' || c, messages / 20 FROM daily_activity, generate_series(1, 20) AS c`);
  // One question per 20 messages, asked through the day; 80 % answered after 1–600 minutes.
  await sql(`
    INSERT INTO questions (community_id, message_id, channel, asker_id, text, asked_at, answered_at, answered_by)
    SELECT 1, 'q' || q, 'ch' || (q % 20), 'u' || (q % ${MEMBERS} + 1), 'how do I …?', at,
           CASE WHEN q % 5 <> 0 THEN at + (1 + q % 600) * interval '1 minute' END, CASE WHEN q % 5 <> 0 THEN 'u' || ((q + 1) % ${MEMBERS} + 1) END
    FROM (SELECT q, timestamptz '2025-11-30 18:00+00' + (q::float8 / (SELECT sum(messages) / 20 FROM daily_activity)) * interval '365 days' AS at
          FROM generate_series(1, (SELECT (sum(messages) / 20)::int FROM daily_activity)) AS q) x`);
  // 30 cases a day, every tenth held and decided 5–300 minutes later, with their action logs; 2 testimonials a day.
  await sql(`
    INSERT INTO cases (community_id, number, guideline, rule, kind, reason, status, created_at, updated_at)
    SELECT 1, n, (ARRAY['respect', 'no-link-spam', 'no-spam', 'manual'])[1 + n % 4], 'r', (CASE WHEN n % 4 = 3 THEN 'manual' ELSE 'automatic' END)::case_kind,
           '', 'resolved', timestamptz '2025-11-30 18:00+00' + n * interval '48 minutes', timestamptz '2025-11-30 18:00+00' + n * interval '48 minutes'
    FROM generate_series(1, 30 * 365) AS n`);
  await sql(`
    INSERT INTO action_logs (community_id, case_id, kind, payload, status, at)
    SELECT 1, id, k, '{}', 'done', created_at FROM cases, unnest(ARRAY['deleteMessage', 'warn']) AS k`);
  await sql(`
    INSERT INTO review_items (community_id, kind, status, payload, created_at, decided_at, decided_by)
    SELECT 1, 'held_message', 'approved', '{}', created_at, created_at + (5 + number % 295) * interval '1 minute', 'mod' FROM cases WHERE number % 10 = 0`);
  await sql(`
    INSERT INTO testimonials (community_id, message_id, channel, author_id, text, state, created_at, requested_at, consent_choice, consent_at)
    SELECT 1, 't' || n, 'ch1', 'u' || n, 'love it', 'consented_named', at, at, 'named', at + interval '1 day'
    FROM (SELECT n, timestamptz '2025-11-30 18:00+00' + n * interval '12 hours' AS at FROM generate_series(1, 730) AS n) x`);
  await sql(`ANALYZE`);
  const [c] = await prisma.$queryRawUnsafe<{ messages: number; rows: number; questions: number }[]>(`
    SELECT (SELECT sum(messages) FROM daily_activity)::int AS messages, (SELECT count(*) FROM member_daily_activity)::int AS rows,
           (SELECT count(*) FROM questions)::int AS questions`);
  return { messages: c!.messages, memberDayRows: c!.rows, questions: c!.questions };
}

export async function runKpiBench(): Promise<KpiBenchResult> {
  const dir = mkdtempSync(path.join(tmpdir(), "steward-kpi-bench-"));
  try {
    const store = await openStore({ dataDir: dir });
    try {
      const t0 = performance.now();
      const counts = await generateRollups(store.prisma);
      const generateSeconds = (performance.now() - t0) / 1000;
      const period = { community: "big", ...monthRange("2026-10") };
      let t = performance.now();
      const k = await computeKpis(store.prisma, period);
      const firstMs = performance.now() - t;
      let bestMs = Infinity;
      for (let i = 0; i < 5; i++) {
        t = performance.now();
        await computeKpis(store.prisma, period);
        bestMs = Math.min(bestMs, performance.now() - t);
      }
      return { members: MEMBERS, ...counts, generateSeconds, firstMs, bestMs, activeMembers: k.activeMembers };
    } finally {
      await store.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export interface RollupCostResult {
  events: number;
  /** Best events/s (wall clock) of the runs without and with the insights rollups. */
  withoutPerSecond: number;
  withPerSecond: number;
  /** Best CPU microseconds per event (process user + system: the embedded database runs in this process too). */
  withoutCpuUs: number;
  withCpuUs: number;
  /** with / without CPU time per event (1.03 = 3 % more), steadier than wall time on a shared machine. */
  ratio: number;
  /** The same from wall time. */
  wallRatio: number;
}

/** Events through the pipeline on a fresh embedded store, with or without the insights rollups. */
async function pipelineRun(file: string, library: GuidelineLibrary, insights: boolean): Promise<{ perSecond: number; cpuUs: number }> {
  const dir = mkdtempSync(path.join(tmpdir(), "steward-kpi-cost-"));
  const store = await openStore({ dataDir: dir });
  try {
    const pipeline = new Pipeline({ adapter: new ReplayAdapter(), persistence: new PrismaPersistence(store.prisma), settings: new SettingsProvider(), library, logger: silentLogger, insights });
    const t = performance.now();
    const cpu = process.cpuUsage();
    for await (const item of readEventLog(file)) if ("event" in item) await pipeline.handle(item.event);
    await pipeline.flush();
    const used = process.cpuUsage(cpu);
    const n = pipeline.stats.events;
    return { perSecond: n / ((performance.now() - t) / 1000), cpuUs: (used.user + used.system) / n };
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function runRollupCostBench(events = 100_000, rounds = 3): Promise<RollupCostResult> {
  const dir = mkdtempSync(path.join(tmpdir(), "steward-kpi-events-"));
  try {
    const file = path.join(dir, "events.jsonl");
    await generateEvents(file, events);
    const library = await GuidelineLibrary.load(defaultRulesDir());
    const best = { off: { perSecond: 0, cpuUs: Infinity }, on: { perSecond: 0, cpuUs: Infinity } };
    // Alternating, best of each, so warm-up and a neighbour's load hit both alike.
    for (let r = 0; r < rounds; r++) {
      for (const key of ["off", "on"] as const) {
        const x = await pipelineRun(file, library, key === "on");
        best[key] = { perSecond: Math.max(best[key].perSecond, x.perSecond), cpuUs: Math.min(best[key].cpuUs, x.cpuUs) };
      }
    }
    return {
      events,
      withoutPerSecond: Math.round(best.off.perSecond),
      withPerSecond: Math.round(best.on.perSecond),
      withoutCpuUs: Math.round(best.off.cpuUs),
      withCpuUs: Math.round(best.on.cpuUs),
      ratio: best.on.cpuUs / best.off.cpuUs,
      wallRatio: best.off.perSecond / best.on.perSecond,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
