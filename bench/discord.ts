// Discord latency benchmark: MESSAGE_CREATE dispatches from the fake Discord (test/fake-discord) through the real
// discord.js client, the DiscordAdapter and the pipeline (in-memory store, bundled rules), timed until the matching
// `DELETE /channels/:c/messages/:id` reaches the fake's REST server. Loopback only; prints p50/p99/max.
//
// The fake lives under test/, which tsconfig.json does not compile (and the Docker build does not copy), so it is
// imported at run time by a computed specifier and this file runs from source through tsx:
//   node_modules/.bin/tsx bench/discord.ts [--messages 1000] [--interval 25]   (npm run bench -- --only=discord runs it so)
//
// Pacing: discord.js keeps Discord's global limit of 50 REST requests per second on the client side
// (@discordjs/rest `globalRequestsPerSecond`), so back-to-back messages (one DELETE each) stall about a second after
// every 50th request. By default a message starts every 25 ms (40/s, under the limit) so the figure is the pipeline's
// latency; `--interval 0` sends them back to back and shows the limiter.
import { performance } from "node:perf_hooks";
import { setTimeout as sleep } from "node:timers/promises";
import { pathToFileURL } from "node:url";
import { DiscordAdapter, DiscordSettingsProvider } from "../src/platforms/discord/index.js";
import { Pipeline, type DecisionRecord } from "../src/core/pipeline.js";
import { GuidelineLibrary, defaultRulesDir } from "../src/guidelines/library.js";
import { openMemoryStore } from "../src/store/index.js";
import { PrismaPersistence } from "../src/store/pipeline-writer.js";
import { silentLogger } from "../src/log.js";

/** The parts of test/fake-discord this bench uses (typed here: bench/ may not reference test/ at compile time). */
interface FakeCall {
  method: string;
  path: string;
}
interface FakeDiscordLike {
  readonly token: string;
  readonly apiUrl: string;
  readonly calls: FakeCall[];
  start(): Promise<unknown>;
  stop(): Promise<void>;
  messageCreate(args: { guildId: string; channelId: string; authorId: string; content: string; id: string }): unknown;
  waitForCall(predicate: (call: FakeCall) => boolean, timeoutMs?: number, since?: number): Promise<FakeCall>;
}
interface FakeDiscordModule {
  FakeDiscord: new (options: unknown) => FakeDiscordLike;
  exampleSeed(): unknown;
  IDS: { guild: string; general: string; alice: string };
}

export interface DiscordBenchResult {
  messages: number;
  /** Time from one dispatch to the next (0: back to back). */
  intervalMs: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  meanMs: number;
  /** Messages whose DELETE took 10 ms or more. */
  over10Ms: number;
}

/** A member's messages that each break a deleting rule: an insult (delete + warn) and a scam link (delete, timeout, alert). */
const TEXTS = ["you are an idiot", "claim free nitro at https://dlscord-gift.xyz/nitro"] as const;
const WARMUP = 50;

const FAKE_DISCORD = "../test/fake-discord/index.js"; // a variable, so tsc leaves it alone

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export async function runDiscordBench(n = 1000, intervalMs = 25): Promise<DiscordBenchResult> {
  const { FakeDiscord, exampleSeed, IDS } = (await import(FAKE_DISCORD)) as FakeDiscordModule;
  const fake = new FakeDiscord(exampleSeed());
  await fake.start();
  const store = await openMemoryStore();
  const library = await GuidelineLibrary.load(defaultRulesDir());
  const settings = new DiscordSettingsProvider();
  const adapter = new DiscordAdapter({ token: fake.token, apiUrl: fake.apiUrl, logger: silentLogger });
  const decided = new Map<string, (d: DecisionRecord) => void>();
  const pipeline = new Pipeline({
    adapter,
    persistence: new PrismaPersistence(store.prisma),
    settings,
    library: library,
    logger: silentLogger,
    onDecision: (d) => decided.get(d.message)?.(d),
  });
  let nextId = 1300000000000000000n;

  /** One message from alice; resolves with ms from just before the dispatch to the arrival of its DELETE. */
  async function one(i: number): Promise<number> {
    const id = String(nextId++);
    const path = `/channels/${IDS.general}/messages/${id}`;
    let arrived = 0;
    const decision = new Promise<DecisionRecord>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`discord bench: no decision on message ${id}`)), 5_000);
      decided.set(id, (d) => {
        clearTimeout(timer);
        decided.delete(id);
        resolve(d);
      });
    });
    decision.catch(() => {});
    const since = fake.calls.length;
    const deleted = fake.waitForCall(
      (c) => {
        if (c.method !== "DELETE" || c.path !== path) return false;
        arrived ||= performance.now(); // runs synchronously as the fake records the request
        return true;
      },
      5_000,
      since,
    );
    const t0 = performance.now();
    fake.messageCreate({ guildId: IDS.guild, channelId: IDS.general, authorId: IDS.alice, content: TEXTS[i % TEXTS.length]!, id });
    await deleted;
    const d = await decision; // the message's other actions (warn, timeout, alert…) finish before the next one
    if (!d.actions.includes("delete")) throw new Error(`discord bench: message ${i} was not deleted (${d.status})`);
    return arrived - t0;
  }

  try {
    await adapter.start((e) => pipeline.handle(e));
    /** Sends a message, then waits out the rest of its interval. */
    const paced = async (i: number) => {
      const start = performance.now();
      const ms = await one(i);
      const left = intervalMs - (performance.now() - start);
      if (left > 0) await sleep(left);
      return ms;
    };
    for (let i = 0; i < WARMUP; i++) await paced(i);
    await sleep(1_000); // the warm-up's extra requests (DMs, timeouts, mod-log posts) leave the global window
    const times: number[] = [];
    for (let i = 0; i < n; i++) times.push(await paced(i));
    const sorted = [...times].sort((a, b) => a - b);
    const round = (x: number) => Math.round(x * 100) / 100;
    return {
      messages: n,
      intervalMs,
      p50Ms: round(percentile(sorted, 50)),
      p99Ms: round(percentile(sorted, 99)),
      maxMs: round(sorted[sorted.length - 1] ?? NaN),
      meanMs: round(times.reduce((a, b) => a + b, 0) / Math.max(1, n)),
      over10Ms: times.filter((t) => t >= 10).length,
    };
  } finally {
    await adapter.stop();
    await pipeline.flush();
    await store.close();
    await fake.stop();
  }
}

export function formatDiscordBench(r: DiscordBenchResult): string {
  return `discord (fake gateway → pipeline → REST, loopback): ${r.messages.toLocaleString("en")} messages (${r.intervalMs > 0 ? `one every ${r.intervalMs} ms` : "back to back"}), p50 ${r.p50Ms.toFixed(2)} ms, p99 ${r.p99Ms.toFixed(2)} ms, max ${r.maxMs.toFixed(2)} ms, ${r.over10Ms} at ≥ 10 ms (goal p99 < 10 ms)`;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const i = process.argv.indexOf("--messages");
  const n = i > 0 ? Number(process.argv[i + 1]) : 1000;
  const j = process.argv.indexOf("--interval");
  const interval = j > 0 ? Number(process.argv[j + 1]) : 25;
  runDiscordBench(n, interval).then(
    (r) => {
      console.log(formatDiscordBench(r));
      process.exit(0);
    },
    (e) => {
      console.error(e);
      process.exit(1);
    },
  );
}
