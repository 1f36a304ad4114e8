// Rate windows shared through Redis (src/store/redis-rates.ts) against the in-memory store, in
// one process, on the Redis at REDIS_URL (default redis://127.0.0.1:6379):
//   npx tsx bench/redis-rates.ts [--messages 40000] [--hits 400000] [--lag 2000] [--json]
// 1. cost per message: the default guidelines judging generated messages with each store (CPU time
//    of the process, best of 3 rounds; the Redis store's batching and sending included, since the
//    event loop turns every 200 messages; Redis's own CPU is another process and not counted). Each
//    store runs in a child process of its own, twice, alternating: in one process the engine's call
//    sites would see both store classes, which a real instance never does;
// 2. cost per raw hit (store.hit alone), the same way;
// 3. replication: a second store (another "instance", same process) applying the first's hits:
//    lag from hit to applied (p50/p99/max) at a steady rate and in a burst, and how fast it applies.
// Stops by itself; uses streams of its own, deleted at the end.
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { fileURLToPath } from "node:url";
import { performance } from "node:perf_hooks";
import { Redis } from "ioredis";
import type { GuidelineSet } from "../src/guidelines/api.js";
import { MessageInput, defaultCommunity, establishedMember } from "../src/guidelines/input.js";
import { loadGuidelines } from "../src/guidelines/loader/index.js";
import { MemoryRateStore } from "../src/guidelines/rates.js";
import type { MemberFacts, RateStore } from "../src/guidelines/types.js";
import { RedisRateStore } from "../src/store/redis-rates.js";
import { bundledPath } from "../src/util/paths.js";
import { generatedTexts } from "./engine/corpus.js";

const argv = process.argv.slice(2);
const num = (name: string, d: number) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? Number(argv[i + 1]) : d;
};
const url = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
const MESSAGES = num("messages", 40_000);
const HITS = num("hits", 400_000);
const LAG_SAMPLES = num("lag", 2_000);
const TURN = 200;
const streams: string[] = [];
const stream = () => {
  const s = `steward:bench:rates:${randomBytes(4).toString("hex")}`;
  streams.push(s);
  return s;
};
const turn = () => new Promise<void>((r) => setImmediate(r));
const now = () => performance.timeOrigin + performance.now();
const cpu = () => {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1e3; // ms
};

/** Judges `texts` as 500 members, 100 ms apart; CPU ms. */
async function judge(set: GuidelineSet, rates: RateStore, texts: readonly string[], start: number): Promise<number> {
  const base = establishedMember(start);
  const members: MemberFacts[] = Array.from({ length: 500 }, (_, i) => ({ ...base, id: `member-${i}`, messageCount: 100 }));
  const community = defaultCommunity();
  const c0 = cpu();
  for (let i = 0; i < texts.length; i++) {
    const message = { id: `m${i}`, community: community.id, channel: "general", at: start + i * 100, text: texts[i]!, attachments: 0, mentions: 0, mentionsEveryone: false };
    set.evaluate(new MessageInput(message, members[i % 500]!, community, rates));
    if (i % TURN === TURN - 1) await turn();
  }
  if (rates instanceof RedisRateStore) await rates.flush();
  return cpu() - c0;
}

/** HITS plain hits over 2,000 keys, 1 ms apart; CPU ms. */
async function hits(rates: RateStore, start: number): Promise<number> {
  const keys = Array.from({ length: 2_000 }, (_, i) => `rule\u0001community\u0001member-${i}`);
  const c0 = cpu();
  for (let i = 0; i < HITS; i++) {
    rates.hit(keys[i % 2_000]!, start + i, 60_000);
    if (i % TURN === TURN - 1) await turn();
  }
  if (rates instanceof RedisRateStore) await rates.flush();
  return cpu() - c0;
}

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;

/** Child process: best of 3 rounds of judging and of raw hits with one kind of store; prints {judge, hit} CPU ms. */
async function child(kind: string): Promise<void> {
  const set = await loadGuidelines(bundledPath("rules"));
  const texts = generatedTexts(MESSAGES);
  const open = async (): Promise<RateStore> => (kind === "redis" ? RedisRateStore.open(url, { stream: stream() }) : new MemoryRateStore());
  const close = async (r: RateStore) => (r instanceof RedisRateStore ? r.close() : undefined);
  let judgeMs = Infinity;
  let hitMs = Infinity;
  let start = Date.now() - 3_600_000;
  for (let round = 0; round < 3; round++) {
    const r1 = await open();
    judgeMs = Math.min(judgeMs, await judge(set, r1, texts, start));
    await close(r1);
    const r2 = await open();
    hitMs = Math.min(hitMs, await hits(r2, start));
    await close(r2);
    start += 10_000_000;
  }
  await cleanup();
  console.log(JSON.stringify({ judgeMs, hitMs, rules: set.ruleCount }));
}

function inChild(kind: string): { judgeMs: number; hitMs: number; rules: number } {
  const r = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), ...argv, "--child", kind], { encoding: "utf8", timeout: 600_000 });
  const line = r.stdout.trim().split("\n").pop() ?? "";
  if (r.status !== 0 || !line.startsWith("{")) throw new Error(`bench child (${kind}) failed: ${r.stderr}`);
  return JSON.parse(line);
}

async function cleanup(): Promise<void> {
  if (streams.length === 0) return;
  const r = new Redis(url);
  await r.del(...streams);
  r.disconnect();
}

async function main(): Promise<void> {
  const out: Record<string, unknown> = { redis: new URL(url).host, messages: MESSAGES };

  // 1 and 2: each store in its own process, twice, alternating; the best of each.
  const best = { judgeMem: Infinity, judgeRedis: Infinity, hitMem: Infinity, hitRedis: Infinity };
  for (let pair = 0; pair < 2; pair++) {
    const m = inChild("memory");
    const r = inChild("redis");
    out.rules = m.rules;
    best.judgeMem = Math.min(best.judgeMem, m.judgeMs);
    best.hitMem = Math.min(best.hitMem, m.hitMs);
    best.judgeRedis = Math.min(best.judgeRedis, r.judgeMs);
    best.hitRedis = Math.min(best.hitRedis, r.hitMs);
  }
  const perMsg = (ms: number) => (ms * 1e3) / MESSAGES;
  const perHit = (ms: number) => (ms * 1e6) / HITS;
  out.judge = { memoryMicros: round(perMsg(best.judgeMem), 2), redisMicros: round(perMsg(best.judgeRedis), 2), ratio: round(best.judgeRedis / best.judgeMem, 2) };
  out.hit = { memoryNanos: round(perHit(best.hitMem), 0), redisNanos: round(perHit(best.hitRedis), 0), ratio: round(best.hitRedis / best.hitMem, 2) };

  // 3: replication lag between two instances on one stream.
  const s = stream();
  const lags: number[] = [];
  const b = await RedisRateStore.open(url, { stream: s, onRemote: (key, at) => key.startsWith("lag") && lags.push(now() - at) });
  const a = await RedisRateStore.open(url, { stream: s });
  for (let i = 0; i < LAG_SAMPLES; i++) {
    a.hit(`lag:member-${i % 100}`, now(), 60_000);
    await new Promise((r) => setTimeout(r, 1)); // ~ 1,000 hits/s from A, one per turn
  }
  await until(() => lags.length >= LAG_SAMPLES);
  const steady = [...lags].sort((x, y) => x - y);
  // A burst: 50,000 hits in 250 turns of 200 (the rate of a raid), lag of each, and how long B takes to apply them.
  lags.length = 0;
  const BURST = 50_000;
  const t0 = performance.now();
  const c0 = cpu();
  for (let i = 0; i < BURST; i++) {
    a.hit(`lag:burst-${i % 1_000}`, now(), 60_000);
    if (i % TURN === TURN - 1) await turn();
  }
  await until(() => lags.length >= BURST);
  const burstMs = performance.now() - t0;
  const burstCpu = cpu() - c0;
  const burst = [...lags].sort((x, y) => x - y);
  out.lag = {
    steady: { samples: steady.length, p50Ms: round(quantile(steady, 0.5), 2), p99Ms: round(quantile(steady, 0.99), 2), maxMs: round(steady[steady.length - 1]!, 2) },
    burst: { hits: BURST, p50Ms: round(quantile(burst, 0.5), 1), p99Ms: round(quantile(burst, 0.99), 1), maxMs: round(burst[burst.length - 1]!, 1), allAppliedMs: round(burstMs, 0), cpuMsBothStores: round(burstCpu, 0) },
  };
  await a.close();
  await b.close();
  await cleanup();

  if (argv.includes("--json")) console.log(JSON.stringify(out, null, 2));
  else console.log(format(out));
}

function format(o: Record<string, any>): string {
  return [
    `shared rate windows bench: Redis at ${o.redis}, ${o.rules} default rules, ${o.messages.toLocaleString("en-US")} generated messages, each store in its own process (CPU time, best of 6 rounds)`,
    "",
    `  judging, MemoryRateStore   ${o.judge.memoryMicros.toFixed(2).padStart(8)} µs/message`,
    `  judging, RedisRateStore    ${o.judge.redisMicros.toFixed(2).padStart(8)} µs/message   ×${o.judge.ratio}`,
    `  hit(), MemoryRateStore     ${String(o.hit.memoryNanos).padStart(8)} ns/hit`,
    `  hit(), RedisRateStore      ${String(o.hit.redisNanos).padStart(8)} ns/hit       ×${o.hit.ratio}  (batching and sending included)`,
    "",
    `  replication lag, ~1,000 hits/s: p50 ${o.lag.steady.p50Ms} ms, p99 ${o.lag.steady.p99Ms} ms, max ${o.lag.steady.maxMs} ms (${o.lag.steady.samples} hits)`,
    `  replication lag, burst of ${o.lag.burst.hits.toLocaleString("en-US")} hits: p50 ${o.lag.burst.p50Ms} ms, p99 ${o.lag.burst.p99Ms} ms, max ${o.lag.burst.maxMs} ms; all applied after ${o.lag.burst.allAppliedMs} ms (${o.lag.burst.cpuMsBothStores} ms CPU for sender and receiver together)`,
  ].join("\n");
}

async function until(f: () => boolean, ms = 60_000): Promise<void> {
  const end = Date.now() + ms;
  while (!f()) {
    if (Date.now() > end) throw new Error("replication did not complete in time");
    await new Promise((r) => setTimeout(r, 5));
  }
}

const round = (n: number, d: number) => Math.round(n * 10 ** d) / 10 ** d;

const childAt = argv.indexOf("--child");
if (childAt >= 0) await child(argv[childAt + 1]!);
else await main();
