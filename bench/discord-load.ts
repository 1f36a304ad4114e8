// Discord load benchmark (issue 9): MESSAGE_CREATE dispatches from the fake Discord at a steady
// rate (default 1,000 a second for 60 s) through the real discord.js client, the adapter and the
// pipeline (in-memory store, bundled rules). Each second: dispatched, handled, the backlog between
// them and RSS. Healthy: the backlog stays flat (no queue growing behind the gateway) and so does
// memory after warm-up.
//   node_modules/.bin/tsx bench/discord-load.ts [--rate 1000] [--seconds 60]   (npm run bench -- --only=discord-load)
// The fake and the client share this process and its event loop, so the figure is a floor.
// With DATABASE_URL (a PostgreSQL to create a throwaway schema in) the store is PostgreSQL, as a
// server this busy would run; without it, the embedded PGlite, whose writes share the one thread.
import { setTimeout as sleep } from "node:timers/promises";
import { pathToFileURL } from "node:url";
import { DiscordAdapter, DiscordSettingsProvider } from "../src/platforms/discord/index.js";
import { Pipeline } from "../src/core/pipeline.js";
import { GuidelineLibrary, defaultRulesDir } from "../src/guidelines/library.js";
import { openMemoryStore, openStore } from "../src/store/index.js";
import pg from "pg";
import { PrismaPersistence } from "../src/store/pipeline-writer.js";
import { PrismaOutbox } from "../src/store/outbox.js";
import { silentLogger } from "../src/log.js";

interface FakeDiscordLike {
  readonly token: string;
  readonly apiUrl: string;
  start(): Promise<unknown>;
  stop(): Promise<void>;
  messageCreate(args: { guildId: string; channelId: string; authorId: string; content: string }): unknown;
}
interface Seed {
  guilds: { members: { user: { id: string; username: string }; roles: string[] }[]; channels: { id: string; name: string; type: number; position: number }[] }[];
  heartbeatIntervalMs?: number;
}
interface FakeDiscordModule {
  FakeDiscord: new (options: unknown) => FakeDiscordLike;
  exampleSeed(): Seed;
  IDS: { guild: string; roleMember: string };
}

const FAKE_DISCORD = "../test/fake-discord/index.js"; // a variable, so tsc leaves it alone
// Enough members and channels that 1,000 messages a second is a busy server, not a flood: each
// member posts once every 5 s (the default message-flood rule fires above 8 in 10 s) and every
// text is different (no duplicate-flood).
const MEMBERS = 5000;
const CHANNELS = 10;
/** A community's chatter: mostly ordinary messages, one in fifty breaking a guideline. */
const CLEAN = ["when will my order arrive?", "thanks for the quick reply :)", "the jute bag is beautiful", "delivery charge koto dhaka te?", "অর্ডার কবে পাবো?", "does the blue one come in XL?"];
const BAD = ["you are an idiot", "DM me for cheap followers"];

export interface LoadSample {
  second: number;
  dispatched: number;
  handled: number;
  backlog: number;
  /** Actions stored and not done, and cases waiting for theirs. */
  outbox: number;
  rssMb: number;
}

export async function runDiscordLoad(rate = 1000, seconds = 60): Promise<LoadSample[]> {
  const { FakeDiscord, exampleSeed, IDS } = (await import(FAKE_DISCORD)) as FakeDiscordModule;
  const seed = exampleSeed();
  const members = Array.from({ length: MEMBERS }, (_, i) => String(1400000000000000000n + BigInt(i)));
  seed.guilds[0]!.members.push(...members.map((id, i) => ({ user: { id, username: `member${i}` }, roles: [IDS.roleMember] })));
  const channels = Array.from({ length: CHANNELS }, (_, i) => String(1400000000000100000n + BigInt(i)));
  seed.guilds[0]!.channels.push(...channels.map((id, i) => ({ id, name: `chat-${i}`, type: 0, position: 10 + i })));
  const fake = new FakeDiscord({ ...seed, heartbeatIntervalMs: 1000 });
  await fake.start();
  const url = process.env.DATABASE_URL;
  const schema = `steward_load_${process.pid}`;
  const store = url ? await openStore({ databaseUrl: withSchema(url, schema) }) : await openMemoryStore();
  const library = await GuidelineLibrary.load(defaultRulesDir());
  const settings = new DiscordSettingsProvider();
  await library.prepare(settings.all());
  const adapter = new DiscordAdapter({ token: fake.token, apiUrl: fake.apiUrl, logger: silentLogger });
  // As `steward start` runs it: actions through the outbox, behind the event stream.
  const pipeline = new Pipeline({ adapter, persistence: new PrismaPersistence(store.prisma), settings, library, logger: silentLogger, outbox: { store: new PrismaOutbox(store.prisma) } });
  const samples: LoadSample[] = [];
  try {
    let handled = 0; // messages through the pipeline (other events, such as member updates, not counted)
    await adapter.start(async (e) => {
      await pipeline.handle(e);
      if (e.type === "message.created") handled++;
    });
    let dispatched = 0;
    const started = performance.now();
    let nextSample = 1;
    // Ticks of 10 ms, each sending what the rate owes by then (timers drift; the count does not).
    while (performance.now() - started < seconds * 1000) {
      const owed = Math.floor(((performance.now() - started) / 1000) * rate);
      for (; dispatched < owed; dispatched++) {
        const text = dispatched % 50 === 49 ? BAD[(dispatched / 50) % BAD.length | 0]! : `${CLEAN[dispatched % CLEAN.length]!} (${dispatched})`;
        fake.messageCreate({ guildId: IDS.guild, channelId: channels[dispatched % CHANNELS]!, authorId: members[dispatched % MEMBERS]!, content: text });
      }
      if (performance.now() - started >= nextSample * 1000) {
        samples.push({ second: nextSample, dispatched, handled, backlog: dispatched - handled, outbox: pipeline.outboxDepth(), rssMb: Math.round(process.memoryUsage.rss() / 2 ** 20) });
        nextSample++;
      }
      await sleep(10);
    }
    return samples;
  } finally {
    await pipeline.drain();
    await adapter.stop();
    await pipeline.flush();
    await store.close();
    await fake.stop();
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
  const lines = s.filter((x) => x.second % 10 === 0).map((x) => `  ${String(x.second).padStart(3)} s: ${x.dispatched.toLocaleString("en")} sent, ${x.handled.toLocaleString("en")} handled, backlog ${x.backlog}, outbox ${x.outbox}, RSS ${x.rssMb} MB`);
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
