// Rate windows shared through Redis: two stores on one Redis stand for two Steward instances.
// Runs against a real Redis (TEST_REDIS_URL or REDIS_URL, default redis://127.0.0.1:6379; .ci/run starts one);
// skipped, saying why, when none answers. The outage test runs its own redis-server on a free port.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import net from "node:net";
import { randomBytes } from "node:crypto";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { Redis } from "ioredis";
import { RedisRateStore, RedisUnavailableError } from "../../src/store/redis-rates.js";
import { HitQueue, decodeHits, type DecodedHit } from "../../src/store/rate-hits-wire.js";
import { rateCondition } from "../../src/guidelines/conditions/links/rate.js";
import { compile, fakeContext, message } from "../guidelines/links/fake-context.js";
import { PassThrough } from "node:stream";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { runCli } from "../../src/cli/main.js";
import { FakeDiscord, IDS, exampleSeed } from "../fake-discord/index.js";

const url = process.env.TEST_REDIS_URL ?? process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
const unreachable = await reachable(url);
if (unreachable) console.warn(`test/store/redis-rates: skipped, no Redis at ${process.env.TEST_REDIS_URL ? "TEST_REDIS_URL" : "REDIS_URL"} (${new URL(url).host}): ${unreachable}`);
const hasServer = spawnSync("redis-server", ["--version"]).status === 0;

/** null when a Redis answers PING at the URL, else why not. */
async function reachable(u: string): Promise<string | null> {
  const r = new Redis(u, { lazyConnect: true, retryStrategy: () => null, connectTimeout: 1_000, maxRetriesPerRequest: 0 });
  let cause: Error | undefined;
  r.on("error", (err: Error) => (cause = err));
  try {
    await r.connect();
    await r.ping();
    return null;
  } catch (err) {
    return (cause ?? (err as Error)).message;
  } finally {
    r.disconnect();
  }
}

const open: RedisRateStore[] = [];
const streams: string[] = [];
const servers: ChildProcess[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
});
afterAll(async () => {
  for (const p of servers) p.kill("SIGKILL");
  if (unreachable || streams.length === 0) return;
  const r = new Redis(url);
  await r.del(...streams);
  r.disconnect();
});

function newStream(): string {
  const s = `steward:test:rates:${randomBytes(6).toString("hex")}`;
  streams.push(s);
  return s;
}

async function store(stream: string, opts: Parameters<typeof RedisRateStore.open>[1] = {}, at = url): Promise<RedisRateStore> {
  const s = await RedisRateStore.open(at, { stream, ...opts });
  open.push(s);
  return s;
}

/** Waits until `f` holds (replication is asynchronous), at most `ms`. */
async function until(f: () => boolean, ms = 3_000): Promise<void> {
  const end = Date.now() + ms;
  while (!f()) {
    if (Date.now() > end) throw new Error("timed out waiting for replication");
    await new Promise((r) => setTimeout(r, 10));
  }
}

function collectingLogger() {
  const lines: { level: string; msg: string; obj: object }[] = [];
  return {
    lines,
    warn: (obj: object, msg: string) => void lines.push({ level: "warn", msg, obj }),
    info: (obj: object, msg: string) => void lines.push({ level: "info", msg, obj }),
  };
}

/** Waits until `to` has applied every hit `from` recorded so far: a marker hit sent after them arrives after them. */
async function synced(from: RedisRateStore, to: RedisRateStore): Promise<void> {
  const marker = `marker:${randomBytes(4).toString("hex")}`;
  from.hit(marker, Date.now(), 60_000);
  await until(() => to.peek(marker, Date.now(), 60_000) === 1);
}

describe("the hits' wire format", () => {
  it("gives back every hit as sent: keys, times, windows, weights, and values with their type", () => {
    const q = new HitQueue();
    const t = 1_767_225_600_000;
    q.push("rule\u0001c1\u0001member-1", t, 10_000, 1, undefined);
    q.push("rule\u0001c1\u0001member-1", t + 7, 10_000, 3, undefined);
    q.push("dups\u0001c1\u0001general", t + 8.25, 600_000, 1, 4_398_046_511_104 + 37);
    q.push("dups\u0001c1\u0001general", t + 9, 600_000, 1, "\ud800x\u0025"); // a lone surrogate, as duplicateText() can make
    q.push("dups\u0001c1\u0001general", t + 9, 600_000, 1, "37");
    const got: DecodedHit[] = [];
    expect(decodeHits(q.encode(0, q.length), (h) => got.push({ ...h }))).toBe(true);
    expect(got).toEqual([
      { key: "rule\u0001c1\u0001member-1", at: t, windowMs: 10_000, weight: 1, value: undefined },
      { key: "rule\u0001c1\u0001member-1", at: t + 7, windowMs: 10_000, weight: 3, value: undefined },
      { key: "dups\u0001c1\u0001general", at: t + 8.25, windowMs: 600_000, weight: 1, value: 4_398_046_511_104 + 37 },
      { key: "dups\u0001c1\u0001general", at: t + 9, windowMs: 600_000, weight: 1, value: "\ud800x\u0025" },
      { key: "dups\u0001c1\u0001general", at: t + 9, windowMs: 600_000, weight: 1, value: "37" },
    ]);
    expect(decodeHits("not json", () => undefined)).toBe(false);
    expect(decodeHits(JSON.stringify([["old", 1, 2, 3]]), () => undefined)).toBe(false);
  });
});

describe.skipIf(unreachable !== null)("RedisRateStore on a real Redis", () => {
  it("a flood split across two instances is counted whole once replicated", async () => {
    const stream = newStream();
    const a = await store(stream);
    const b = await store(stream);
    // The same rule compiled on both instances (same rule id, same keys), as two processes would.
    const rule = { count: "messages", per: "member", max: 5, within: "1m" };
    const onA = compile(rateCondition, rule, fakeContext(process.cwd(), "flood"));
    const onB = compile(rateCondition, rule, fakeContext(process.cwd(), "flood"));
    const t = Date.now();
    const member = { id: "spammer" };
    // Three messages reach instance A, three reach B: neither alone sees more than 5.
    for (let i = 0; i < 3; i++) {
      expect(onA.test(message(`buy now ${i}`, { at: t + i * 10, rates: a, member }))).toBeNull();
      expect(onB.test(message(`buy now ${i}`, { at: t + i * 10 + 5, rates: b, member }))).toBeNull();
    }
    await synced(a, b);
    expect(onB.test(message("buy now 7", { at: t + 100, rates: b, member }))?.[0]?.detail).toBe("7 messages in 1m (max 5)");
    await synced(b, a);
    expect(onA.test(message("buy now 8", { at: t + 110, rates: a, member }))?.[0]?.detail).toBe("8 messages in 1m (max 5)");
  });

  it("duplicates are compared across instances", async () => {
    const stream = newStream();
    const a = await store(stream);
    const b = await store(stream);
    const t = Date.now();
    const rule = { count: "duplicates", per: "channel", max: 2, within: "5m" };
    const onA = compile(rateCondition, rule, fakeContext(process.cwd(), "dups"));
    const onB = compile(rateCondition, rule, fakeContext(process.cwd(), "dups"));
    expect(onA.test(message("Free crypto at example.io", { at: t, rates: a, member: { id: "u1" } }))).toBeNull();
    expect(onB.test(message("free  CRYPTO at example.io", { at: t + 1, rates: b, member: { id: "u2" } }))).toBeNull();
    await synced(b, a);
    const third = onA.test(message("Free crypto at example.io", { at: t + 2, rates: a, member: { id: "u3" } }));
    expect(third?.[0]?.detail).toBe("3 identical messages in 5m in this channel (max 2)");
  });

  it("each instance's window holds the other's hits once", async () => {
    const stream = newStream();
    const a = await store(stream);
    const b = await store(stream);
    const t = Date.now();
    for (let i = 0; i < 10; i++) (i % 2 === 0 ? a : b).hit("flood", t + i, 60_000, 1 + (i % 3));
    for (let i = 0; i < 6; i++) (i % 2 === 0 ? b : a).hitValue("texts", i < 4 ? "spam" : "ham", t + i, 60_000);
    await synced(a, b);
    await synced(b, a);
    for (const s of [a, b]) {
      expect(s.peek("flood", t + 20, 60_000)).toBe(19); // weights 1,2,3,1,2,3,1,2,3,1
      expect(s.peek("texts", t + 20, 60_000, "spam")).toBe(4);
      expect(s.peek("texts", t + 20, 60_000, "ham")).toBe(2);
    }
  });

  it("a restarted instance rebuilds its windows from the stream", async () => {
    const stream = newStream();
    const a = await store(stream);
    const t = Date.now();
    for (let i = 0; i < 4; i++) a.hit("member:42", t + i, 60_000, 2);
    a.hitValue("dups:general", "same text", t, 60_000);
    a.hitValue("dups:general", "same text", t + 1, 60_000);
    a.hit("short-window", t - 5_000, 1_000); // closed long before the restart
    await open.splice(open.indexOf(a), 1)[0]!.close();
    const again = await store(stream);
    expect(again.hit("member:42", t + 10, 60_000, 2)).toBe(10);
    expect(again.hitValue("dups:general", "same text", t + 10, 60_000)).toBe(3);
    expect(again.hit("short-window", t + 10, 1_000)).toBe(1);
  });

  it("a replayed hit is not counted twice, locally or after a restart", async () => {
    const stream = newStream();
    const a = await store(stream);
    const t = Date.now();
    expect(a.hit("member:7", t, 60_000)).toBe(1);
    expect(a.hit("member:7", t + 5, 60_000)).toBe(2);
    expect(a.hit("member:7", t, 60_000)).toBe(2); // the first message judged again
    expect(a.hitValue("dup:7", "hello", t, 60_000)).toBe(1);
    expect(a.hitValue("dup:7", "hello", t, 60_000)).toBe(1);
    await open.splice(open.indexOf(a), 1)[0]!.close();
    // After a crash the platform replays the last messages: the rebuilt windows already hold them.
    const again = await store(stream);
    expect(again.hit("member:7", t + 5, 60_000)).toBe(2);
    expect(again.hit("member:7", t + 6, 60_000)).toBe(3);
    // And another instance that saw them through the stream counts a replay once too.
    const b = await store(stream);
    await until(() => b.peek("member:7", t + 6, 60_000) === 3);
    expect(b.hit("member:7", t + 6, 60_000)).toBe(3);
  });

  it("the stream keeps the longest window seen plus a minute, not more", async () => {
    const stream = newStream();
    const r = new Redis(url);
    // Another instance's entry from two hours ago, with a 10-minute window: nobody needs it any more.
    const old = Date.now() - 2 * 3_600_000;
    await r.xadd(stream, `${old}-0`, "i", "gone:1:x", "h", JSON.stringify({ b: old, k: ["k"], p: [0, 0, 600_000, 1], v: [] }));
    const a = await store(stream, { trimEveryMs: 50 });
    expect(a.peek("k", Date.now(), 600_000)).toBe(0); // not rebuilt: its window had closed
    a.hit("k", Date.now(), 600_000);
    await a.flush();
    await new Promise((resolve) => setTimeout(resolve, 300)); // a few trims
    const ids = (await r.xrange(stream, "-", "+")).map(([id]) => id);
    r.disconnect();
    expect(ids).toHaveLength(1);
    expect(Number(ids[0]!.split("-")[0])).toBeGreaterThan(old);
  });

  it("a write Redis refuses is kept, warned about, and sent once Redis takes it again", async () => {
    const stream = newStream();
    const logA = collectingLogger();
    const a = await store(stream, { logger: logA, trimEveryMs: 50 });
    const b = await store(stream);
    const r = new Redis(url);
    // Someone overwrites the stream's key with a string: XADD and XREAD fail with WRONGTYPE.
    await r.del(stream);
    await r.set(stream, "not a stream");
    const t = Date.now();
    expect(a.hit("k", t, 60_000)).toBe(1);
    await until(() => logA.lines.some((l) => l.level === "warn" && /Redis refused the rate hits/.test(l.msg)));
    expect(a.connected).toBe(false);
    expect(a.hit("k", t + 1, 60_000)).toBe(2);
    await r.del(stream);
    r.disconnect();
    await until(() => b.peek("k", t + 2, 60_000) === 2);
    await until(() => a.connected && b.connected);
    expect(logA.lines.some((l) => l.level === "info" && /Redis is back/.test(l.msg))).toBe(true);
  });

  it("Redis down at start: a clear error naming REDIS_URL, without the password", async () => {
    const port = await freePort();
    const err = await RedisRateStore.open(`redis://steward:s3cret-pw@127.0.0.1:${port}`, { stream: newStream(), connectTimeoutMs: 1_000 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RedisUnavailableError);
    const msg = (err as Error).message;
    expect(msg).toContain("REDIS_URL");
    expect(msg).toContain(`127.0.0.1:${port}`);
    expect(msg).toContain("ECONNREFUSED");
    expect(msg).not.toContain("s3cret-pw");
  });

  it.skipIf(!hasServer)("Redis lost later: works from memory, warns, and catches up when it is back", async () => {
    const port = await freePort();
    const own = `redis://127.0.0.1:${port}`;
    let server = await startRedis(port);
    const stream = newStream();
    const logA = collectingLogger();
    const a = await store(stream, { logger: logA }, own);
    const b = await store(stream, {}, own);
    const t = Date.now();
    a.hit("k", t, 60_000);
    await until(() => b.peek("k", t + 1, 60_000) === 1);

    server.kill("SIGKILL");
    await until(() => !a.connected);
    expect(logA.lines.some((l) => l.level === "warn" && /Redis connection lost/.test(l.msg))).toBe(true);
    // Judging goes on from the mirror.
    expect(a.hit("k", t + 2, 60_000)).toBe(2);
    expect(a.hit("k", t + 3, 60_000)).toBe(3);

    // Back (empty: nothing persisted): A sends what it queued, B reads it.
    server = await startRedis(port);
    await until(() => a.connected && b.connected, 10_000);
    expect(logA.lines.some((l) => l.level === "info" && /Redis is back/.test(l.msg))).toBe(true);
    await until(() => b.peek("k", t + 4, 60_000) === 3, 5_000);
  });

  describe("steward start with REDIS_URL", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "steward-redis-start-"));
    const fake = new FakeDiscord(exampleSeed());
    afterAll(async () => {
      await fake.stop();
      rmSync(dir, { recursive: true, force: true });
    });

    async function cli(args: string[], env: NodeJS.ProcessEnv) {
      const err = new PassThrough();
      let e = "";
      err.on("data", (c) => (e += String(c)));
      const code = await runCli(args, { out: new PassThrough(), err, env: { LOG_LEVEL: "silent", PORT: "0", ...env }, version: "0" });
      return { code, err: e };
    }

    it("refuses to start when Redis cannot be reached, naming REDIS_URL without its password", async () => {
      const port = await freePort();
      const r = await cli(["start", "--data-dir", path.join(dir, "a")], { DISCORD_TOKEN: "x", DISCORD_API_URL: "http://127.0.0.1:9/api", REDIS_URL: `redis://:hunter2-pw@127.0.0.1:${port}` });
      expect(r.code).toBe(69);
      expect(r.err.trim()).toBe(`steward: Redis at REDIS_URL (redis://:***@127.0.0.1:${port}) cannot be reached: connect ECONNREFUSED 127.0.0.1:${port}`);
    });

    it("replicates the pipeline's rate hits to the stream and stops cleanly", async () => {
      await fake.start();
      const redis = new Redis(url);
      const since = (await redis.xrevrange("steward:rates", "+", "-", "COUNT", 1))[0]?.[0] ?? "0-0";
      const running = cli(["start", "--data-dir", path.join(dir, "b")], { DISCORD_TOKEN: "fake-token.steward.test", DISCORD_API_URL: fake.apiUrl, REDIS_URL: url });
      const deadline = Date.now() + 15_000;
      while (fake.readySessions === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      expect(fake.readySessions).toBeGreaterThan(0);
      fake.messageCreate({ id: "1100000000000888001", guildId: IDS.guild, channelId: IDS.general, authorId: IDS.alice, content: "hello from one instance" });
      const mine = `${os.hostname()}:${process.pid}:`;
      const ours = async () => (await redis.xrange("steward:rates", `(${since}`, "+")).filter(([, f]) => f[1]!.startsWith(mine));
      let sent: string[] = [];
      for (let i = 0; i < 100 && !sent.some((h) => h.includes(IDS.alice)); i++) {
        sent = (await ours()).map(([, f]) => f[3]!);
        await new Promise((r) => setTimeout(r, 100));
      }
      expect(sent.some((h) => h.includes(IDS.alice))).toBe(true);
      process.emit("SIGINT");
      expect((await running).code).toBe(0);
      // The machine's stream should not keep this test's hits.
      const ids = (await ours()).map(([id]) => id);
      if (ids.length > 0) await redis.xdel("steward:rates", ...ids);
      redis.disconnect();
    });
  });

  async function startRedis(port: number): Promise<ChildProcess> {
    const p = spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], { stdio: "ignore" });
    servers.push(p);
    const u = `redis://127.0.0.1:${port}`;
    const end = Date.now() + 5_000;
    while ((await reachable(u)) !== null) {
      if (Date.now() > end) throw new Error(`redis-server on port ${port} did not start`);
      await new Promise((r) => setTimeout(r, 50));
    }
    return p;
  }
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, "127.0.0.1", () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
    srv.on("error", reject);
  });
}
