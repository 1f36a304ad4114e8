// Exactly-once under crashes: the same event log is replayed twice against a fake platform that
// records every call — once straight through, once with the Steward process killed (SIGKILL) at
// random moments and restarted each time. At the end both runs hold the same cases (each once,
// numbered without gaps) and made the same platform effects, each exactly once; the calls a kill
// cut off before they were recorded are repeated at most once and recognised by the platform.
// Needs PostgreSQL (TEST_DATABASE_URL; CI sets it): a killed process must leave a database that
// recovers, as PostgreSQL does. Size: STEWARD_CRASH_EVENTS (default 6,000; the closing note's run used 100,000).
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateEvents } from "../../bench/generate-events.js";
import { Recorder } from "./crash/recorder.js";

const dbUrl = process.env.TEST_DATABASE_URL;
const EVENTS = Number(process.env.STEWARD_CRASH_EVENTS ?? 6000);
const KILLS = Number(process.env.STEWARD_CRASH_KILLS ?? 5);
if (!dbUrl) console.warn("crash test skipped: it needs PostgreSQL; set TEST_DATABASE_URL (e.g. postgresql://postgres@127.0.0.1:5432/test)");

interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
  killed: boolean;
}

/** Runs one Steward process; with `killAfterMs`, kills it with SIGKILL once it has handled some lines and that time has passed. */
function runChild(file: string, url: string, platformUrl: string, killAfterMs?: number): Promise<Exit> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", "test/reliability/crash/child.ts", file, url, platformUrl], { stdio: ["ignore", "pipe", "pipe"] });
    let stderr = "";
    let killed = false;
    let timer: NodeJS.Timeout | undefined;
    child.stderr.on("data", (d: Buffer) => {
      stderr += d.toString();
      // The clock starts once events flow (start-up takes a variable while).
      if (killAfterMs !== undefined && !timer && /replay: [\d,]+ lines/.test(stderr)) {
        timer = setTimeout(() => {
          killed = child.kill("SIGKILL");
        }, killAfterMs);
      }
    });
    child.stdout.resume();
    child.on("exit", (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stderr, killed: killed && signal === "SIGKILL" });
    });
  });
}

interface CaseRow {
  community: string;
  number: number;
  guideline: string | null;
  rule: string | null;
  message_id: string | null;
  actions: { status: string }[];
}

describe.skipIf(!dbUrl)("crash safety: SIGKILL at random moments, then restart", () => {
  const recorder = new Recorder();
  const dir = mkdtempSync(path.join(os.tmpdir(), "steward-crash-"));
  const file = path.join(dir, "events.jsonl");
  const schemas: string[] = [];
  const admin = new pg.Client({ connectionString: dbUrl });
  const fresh = () => {
    const schema = `steward_crash_${randomBytes(4).toString("hex")}`;
    schemas.push(schema);
    const u = new URL(dbUrl!);
    u.searchParams.set("schema", schema);
    return { schema, url: u.toString() };
  };
  const cases = async (schema: string) =>
    (await admin.query<CaseRow>(`SELECT c.key AS community, k.number, k.guideline, k.rule, k.message_id, k.actions FROM "${schema}".cases k JOIN "${schema}".communities c ON c.id = k.community_id ORDER BY c.key, k.number`)).rows;
  const pendingOutbox = async (schema: string) => Number((await admin.query(`SELECT count(*) AS n FROM "${schema}".outbox WHERE status = 'pending'`)).rows[0].n);

  beforeAll(async () => {
    await admin.connect();
    await recorder.start();
    await generateEvents(file, EVENTS, { seed: 7, members: 300, communities: 3 });
  });
  afterAll(async () => {
    await recorder.close();
    for (const s of schemas) await admin.query(`DROP SCHEMA IF EXISTS "${s}" CASCADE`);
    await admin.end();
    rmSync(dir, { recursive: true, force: true });
  });

  it(`every case exists once and every platform effect happens exactly once (${EVENTS.toLocaleString("en")} events, ${KILLS} kills)`, async () => {
    const started = Date.now();
    // The reference: straight through.
    const ref = fresh();
    const straight = await runChild(file, ref.url, `${recorder.url}/reference`);
    expect(straight.code, straight.stderr).toBe(0);
    const refSeconds = (Date.now() - started) / 1000;

    // The same log, killed at random moments and restarted until it finishes.
    const crash = fresh();
    let kills = 0;
    let starts = 0;
    for (;;) {
      starts++;
      const killAfter = kills < KILLS ? 200 + Math.random() * Math.max(400, (refSeconds * 1000) / (KILLS + 1)) : undefined;
      const exit = await runChild(file, crash.url, `${recorder.url}/crashed`, killAfter);
      if (exit.killed) {
        kills++;
        continue;
      }
      expect(exit.code, exit.stderr).toBe(0);
      break;
    }

    const want = await cases(ref.schema);
    const got = await cases(crash.schema);
    expect(want.length).toBeGreaterThan(EVENTS / 100);
    // The same cases, each once: same numbers, rules and messages; every action settled.
    expect(got.map(({ actions: _a, ...c }) => c)).toEqual(want.map(({ actions: _a, ...c }) => c));
    for (const c of got) expect(c.actions.every((a) => a.status === "done"), `case ${c.community}#${c.number}: ${JSON.stringify(c.actions)}`).toBe(true);
    // Numbered without gaps in each community.
    const byCommunity = new Map<string, number[]>();
    for (const c of got) byCommunity.set(c.community, [...(byCommunity.get(c.community) ?? []), c.number]);
    for (const numbers of byCommunity.values()) expect(numbers).toEqual(numbers.map((_, i) => i + 1));
    expect(await pendingOutbox(crash.schema)).toBe(0);

    // The same platform effects, each exactly once.
    const reference = recorder.run("reference");
    const crashed = recorder.run("crashed");
    expect([...crashed.effects.keys()].sort()).toEqual([...reference.effects.keys()].sort());
    for (const [key, action] of reference.effects) expect(crashed.effects.get(key)).toEqual(action);
    const perKey = new Map<string, number>();
    for (const [key] of crashed.calls) perKey.set(key, (perKey.get(key) ?? 0) + 1);
    const repeatedKeys = [...perKey.values()].filter((n) => n > 1).length;
    // Only a call in flight when a process was killed can come again (once per kill at most a few).
    expect(Math.max(...perKey.values())).toBeLessThanOrEqual(2);
    expect(reference.repeats).toBe(0);

    console.log(
      `crash test: ${EVENTS.toLocaleString("en")} events, ${want.length} cases, ${reference.effects.size} effects; ${kills} kills over ${starts} starts; ` +
        `${crashed.calls.length} calls in the crashed run, ${repeatedKeys} key(s) called twice (cut off by a kill, recognised as repeats); ` +
        `injected ${reference.injected.rateLimited + crashed.injected.rateLimited} 429s and ${reference.injected.serverErrors + crashed.injected.serverErrors} 500s, all retried; ` +
        `reference run ${refSeconds.toFixed(1)} s, whole test ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
  }, 600_000);
});
