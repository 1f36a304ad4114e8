// Discord load benchmark (issue 9): MESSAGE_CREATE dispatches from the fake Discord at a steady
// rate (default 1,000 a second for 60 s) through the real discord.js client, the adapter and the
// pipeline (in-memory store, bundled rules). Each second: dispatched, handled, the backlog between
// them and RSS. Healthy: the backlog stays flat (no queue growing behind the gateway) and so does
// memory after warm-up.
//   node --expose-gc --import tsx bench/discord-load.ts [--rate 1000] [--seconds 60]   (npm run bench -- --only=discord-load)
// (--expose-gc adds the heap after a full collection every 10 s: what is kept, not garbage yet to collect)
// The fake runs in a child process (bench/discord-load-fake.ts), so RSS is Steward's own.
// With DATABASE_URL (a PostgreSQL to create a throwaway schema in) the store is PostgreSQL, as a
// server this busy would run; without it, the embedded PGlite, whose writes share the one thread.
import { setTimeout as sleep } from "node:timers/promises";
import { fileURLToPath, pathToFileURL } from "node:url";
import { fork } from "node:child_process";
import type { FromFake, ToFake } from "./discord-load-fake.js";
import { DiscordAdapter, DiscordSettingsProvider } from "../src/platforms/discord/index.js";
import { Pipeline } from "../src/core/pipeline.js";
import { GuidelineLibrary, defaultRulesDir } from "../src/guidelines/library.js";
import { openMemoryStore, openStore } from "../src/store/index.js";
import pg from "pg";
import { PrismaPersistence } from "../src/store/pipeline-writer.js";
import { PrismaOutbox } from "../src/store/outbox.js";
import { silentLogger } from "../src/log.js";

export interface LoadSample {
  second: number;
  dispatched: number;
  handled: number;
  backlog: number;
  /** Actions stored and not done, and cases waiting for theirs. */
  outbox: number;
  rssMb: number;
  /** Heap in use right after a full garbage collection, every 10 s (when run with --expose-gc). */
  heapAfterGcMb?: number;
}

export async function runDiscordLoad(rate = 1000, seconds = 60): Promise<LoadSample[]> {
  // The fake runs in its own process: it keeps every message, which is not Steward's memory.
  const fake = fork(fileURLToPath(new URL("./discord-load-fake.ts", import.meta.url)), [], { execArgv: ["--import", "tsx"], stdio: ["ignore", "inherit", "inherit", "ipc"] });
  let dispatched = 0;
  const ready = new Promise<{ token: string; apiUrl: string }>((resolve, reject) => {
    fake.on("message", (m: FromFake) => {
      if ("ready" in m) resolve(m.ready);
      else dispatched = m.dispatched;
    });
    fake.once("exit", (code) => reject(new Error(`the fake Discord exited (${code})`)));
  });
  const { token, apiUrl } = await ready;
  const url = process.env.DATABASE_URL;
  const schema = `steward_load_${process.pid}`;
  const store = url ? await openStore({ databaseUrl: withSchema(url, schema) }) : await openMemoryStore();
  const library = await GuidelineLibrary.load(defaultRulesDir());
  const settings = new DiscordSettingsProvider();
  await library.prepare(settings.all());
  const adapter = new DiscordAdapter({ token, apiUrl, logger: silentLogger });
  // As `steward start` runs it: actions through the outbox, behind the event stream.
  const pipeline = new Pipeline({ adapter, persistence: new PrismaPersistence(store.prisma), settings, library, logger: silentLogger, outbox: { store: new PrismaOutbox(store.prisma) } });
  const samples: LoadSample[] = [];
  try {
    let handled = 0; // messages through the pipeline (other events, such as member updates, not counted)
    await adapter.start(async (e) => {
      await pipeline.handle(e);
      if (e.type === "message.created") handled++;
    });
    const started = performance.now();
    fake.send({ go: { rate, seconds } } satisfies ToFake);
    for (let second = 1; second <= seconds; second++) {
      await sleep(started + second * 1000 - performance.now());
      const sample: LoadSample = { second, dispatched, handled, backlog: dispatched - handled, outbox: pipeline.outboxDepth(), rssMb: Math.round(process.memoryUsage.rss() / 2 ** 20) };
      // What is really kept, as opposed to garbage not collected yet: the heap after a full collection.
      const gc = (globalThis as { gc?: () => void }).gc;
      if (gc && second % 10 === 0) {
        gc();
        sample.heapAfterGcMb = Math.round(process.memoryUsage().heapUsed / 2 ** 20);
      }
      samples.push(sample);
    }
    return samples;
  } finally {
    await pipeline.drain();
    await adapter.stop();
    await pipeline.flush();
    await store.close();
    fake.send({ stop: true } satisfies ToFake);
    if (url) await dropSchema(url, schema);
  }
}

function withSchema(url: string, schema: string): string {
  const u = new URL(url);
  u.searchParams.set("schema", schema);
  return u.toString();
}

async function dropSchema(url: string, schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  await client.end();
}

export function storeName(): string {
  return process.env.DATABASE_URL ? "PostgreSQL" : "embedded PGlite";
}

export function formatDiscordLoad(rate: number, s: LoadSample[]): string {
  const last = s.at(-1)!;
  const half = s.slice(Math.floor(s.length / 2));
  const maxBacklog = Math.max(...s.map((x) => x.backlog));
  const maxOutbox = Math.max(...s.map((x) => x.outbox));
  const rss = s.map((x) => x.rssMb);
  const lines = s.filter((x) => x.second % 10 === 0).map((x) => `  ${String(x.second).padStart(3)} s: ${x.dispatched.toLocaleString("en")} sent, ${x.handled.toLocaleString("en")} handled, backlog ${x.backlog}, outbox ${x.outbox}, RSS ${x.rssMb} MB${x.heapAfterGcMb !== undefined ? `, heap after GC ${x.heapAfterGcMb} MB` : ""}`);
  const growing = half.at(-1)!.backlog > half[0]!.backlog + rate; // more than a second's worth added in the second half
  return [
    `discord load (fake gateway → discord.js → pipeline, one process, ${storeName()} store): ${rate.toLocaleString("en")} messages/s for ${last.second} s`,
    ...lines,
    `  backlog max ${maxBacklog}, at the end ${last.backlog} (${growing ? "GROWING" : "flat"}); outbox depth max ${maxOutbox}, at the end ${last.outbox}; RSS ${Math.min(...rss)}–${Math.max(...rss)} MB, second half ${Math.min(...half.map((x) => x.rssMb))}–${Math.max(...half.map((x) => x.rssMb))} MB`,
  ].join("\n");
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const arg = (name: string, fallback: number) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? Number(process.argv[i + 1]) : fallback;
  };
  const rate = arg("rate", 1000);
  runDiscordLoad(rate, arg("seconds", 60)).then(
    (s) => {
      console.log(formatDiscordLoad(rate, s));
      process.exit(0);
    },
    (e) => {
      console.error(e);
      process.exit(1);
    },
  );
}
