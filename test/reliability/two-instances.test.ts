// Scale-out: two Steward processes (Slack HTTP replicas behind a load balancer) on one
// PostgreSQL, receiving one workspace's events alternately. Every offending message gets exactly
// one case, the case numbers are unique and without gaps, every scam message is deleted once,
// and the weekly digest, due in both processes, is posted once. Runs the built binary (npm test
// builds it) against the fake Slack; needs PostgreSQL (TEST_DATABASE_URL, set in CI).
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FakeSlack, deliverEvent, exampleWorkspace } from "../fake-slack/index.js";

const dbUrl = process.env.TEST_DATABASE_URL;
const bin = path.resolve("bin/steward.js");
const built = existsSync(path.resolve("dist/src/cli/slack.js"));
if (!dbUrl) console.warn("two-instance test skipped: it needs PostgreSQL; set TEST_DATABASE_URL");
if (!built) console.warn("two-instance test skipped: dist/ is not built (npm test builds it)");

const TEAM = "T0STEWARD";
const SECRET = "two-instances-signing-secret";
const MEMBERS = 24;

function run(args: string[], env: NodeJS.ProcessEnv): { child: ChildProcess; exited: Promise<number | null>; err: () => string } {
  const child = spawn(process.execPath, [bin, ...args], { env: { ...process.env, LOG_LEVEL: "warn", ...env }, stdio: ["ignore", "pipe", "pipe"] });
  let err = "";
  child.stderr!.on("data", (c) => (err += String(c)));
  child.stdout!.resume();
  return { child, exited: new Promise((resolve) => child.on("exit", (code) => resolve(code))), err: () => err };
}

describe.skipIf(!dbUrl || !built)("two instances on one PostgreSQL", () => {
  const seed = exampleWorkspace();
  // Members enough that no one repeats an offence within a rule's cooldown.
  const members = Array.from({ length: MEMBERS }, (_, i) => `UMEM${String(i).padStart(5, "0")}`);
  seed.users.push(...members.map((id) => ({ id, name: id.toLowerCase() })));
  seed.channels.find((c) => c.id === "CHELP0001")!.members.push(...members);
  const fake = new FakeSlack(seed);
  const dir = mkdtempSync(path.join(os.tmpdir(), "steward-two-"));
  const schema = `steward_two_${randomBytes(4).toString("hex")}`;
  const url = (() => {
    const u = new URL(dbUrl ?? "postgresql://x@127.0.0.1/x");
    u.searchParams.set("schema", schema);
    return u.toString();
  })();
  const admin = new pg.Client({ connectionString: dbUrl });

  beforeAll(async () => {
    await fake.start();
    await admin.connect();
  });
  afterAll(async () => {
    await fake.stop();
    await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await admin.end();
    rmSync(dir, { recursive: true, force: true });
  });

  it("numbers cases once and without gaps, acts once, and posts one digest", async () => {
    // An existing deployment: the database migrated and the workspace known, with a digest due every second.
    const migrated = run(["migrate"], { DATABASE_URL: url });
    expect(await migrated.exited, migrated.err()).toBe(0);
    await admin.query(`INSERT INTO "${schema}".communities (key, platform, timezone) VALUES ($1, 'slack', 'UTC')`, [TEAM]);
    writeFileSync(
      path.join(dir, `${TEAM}.yaml`),
      `community: ${TEAM}\nname: Acme\ntimezone: UTC\nchannels: { modLog: mod-log, digest: mod-log }\ninsights:\n  digest: { schedule: "* * * * * *" }\n`,
    );
    // Each instance takes a free port (PORT=0) and says which in its "connected" log line: no port race with other tests.
    const env = { SLACK_BOT_TOKEN: "xoxb-fake-bot", SLACK_USER_TOKEN: "xoxp-fake-admin", SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: fake.apiUrl, DATABASE_URL: url, PORT: "0", LOG_LEVEL: "info" };
    const instances = [1, 2].map(() => run(["start", "--platform", "slack", "--communities", dir], env));
    try {
      const ports: number[] = [];
      for (const i of instances) {
        const deadline = Date.now() + 45_000;
        let port: number | undefined;
        while (!(port = Number(/"port":(\d+)[^\n]*connected to Slack/.exec(i.err())?.[1]) || undefined)) {
          if (Date.now() > deadline) throw new Error(`an instance did not come up: ${i.err()}`);
          await new Promise((r) => setTimeout(r, 200));
        }
        expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
        ports.push(port);
      }
      // The load balancer: offending messages go to the two instances in turn, two at a time.
      const since = fake.calls.length;
      const posted = members.map((m, i) => fake.post("CHELP0001", m, `claim free nitro at https://dlscord-gift.xyz/n${i}`));
      for (let i = 0; i < posted.length; i += 2) {
        await Promise.all(
          [0, 1].map(async (k) => {
            const m = posted[i + k]!;
            const r = await deliverEvent(`http://127.0.0.1:${ports[k]}/slack/events`, SECRET, TEAM, { type: "message", channel: "CHELP0001", channel_type: "channel", user: m.user, text: m.text, ts: m.ts });
            expect(r.status).toBe(200);
          }),
        );
      }
      const deadline = Date.now() + 30_000;
      const deletedTs = () => fake.callsTo("chat.delete", since).map((c) => String(c.args.ts));
      while (new Set(deletedTs()).size < MEMBERS && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
      // Let the write-behind flush (every 5 s) bring the outcomes.
      await new Promise((r) => setTimeout(r, 6000));
      const digests = fake.callsTo("chat.postMessage").filter((c) => c.args.channel === "CMODLOG01" && /digest/i.test(String(c.args.text ?? JSON.stringify(c.args.blocks ?? ""))));

      const cases = (await admin.query<{ number: number; message_id: string }>(`SELECT number, message_id FROM "${schema}".cases ORDER BY number`)).rows;
      expect(cases.map((c) => c.number)).toEqual(Array.from({ length: MEMBERS }, (_, i) => i + 1));
      expect(new Set(cases.map((c) => c.message_id))).toEqual(new Set(posted.map((m) => m.ts)));
      expect(deletedTs().sort()).toEqual(posted.map((m) => m.ts).sort());
      const runs = (await admin.query(`SELECT job, period, done_at FROM "${schema}".scheduled_runs WHERE job = 'digest'`)).rows;
      expect(runs).toHaveLength(1);
      expect(runs[0].done_at).not.toBeNull();
      // Posted once: as a message, or with its chart as a file (the text as the file's comment).
      const uploads = fake.callsTo("files.completeUploadExternal").filter((c) => c.args.channel_id === "CMODLOG01");
      expect(digests.length + uploads.length).toBeGreaterThanOrEqual(1);
      expect(digests.length).toBeLessThanOrEqual(1);
      expect(uploads.length).toBeLessThanOrEqual(1);
      console.log(`two instances: ${cases.length} cases numbered 1..${cases.length} across both, ${deletedTs().length} deletes, ${runs.length} digest run`);
    } finally {
      for (const i of instances) i.child.kill("SIGTERM");
    }
    for (const i of instances) expect(await i.exited, i.err()).toBe(0);
  }, 120_000);
});
