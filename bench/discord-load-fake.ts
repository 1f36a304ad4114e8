// The fake Discord of the load benchmark, in its own process (bench/discord-load.ts forks it), so
// that the RSS sampled there is Steward's alone: the fake keeps every message it sent. It sends
// MESSAGE_CREATE at the rate asked and reports how many it has sent after each 10 ms tick.
import { setTimeout as sleep } from "node:timers/promises";

interface Seed {
  guilds: { members: { user: { id: string; username: string }; roles: string[] }[]; channels: { id: string; name: string; type: number; position: number }[] }[];
  heartbeatIntervalMs?: number;
}
interface FakeDiscordModule {
  FakeDiscord: new (options: unknown) => { token: string; apiUrl: string; start(): Promise<unknown>; stop(): Promise<void>; messageCreate(args: { guildId: string; channelId: string; authorId: string; content: string }): unknown };
  exampleSeed(): Seed;
  IDS: { guild: string; roleMember: string };
}

export type FromFake = { ready: { token: string; apiUrl: string } } | { dispatched: number; done?: boolean };
export type ToFake = { go: { rate: number; seconds: number } } | { stop: true };

// Enough members and channels that 1,000 messages a second is a busy server, not a flood: each
// member posts once every 5 s (the default message-flood rule fires above 8 in 10 s) and every
// text is different (no duplicate-flood).
const MEMBERS = 5000;
const CHANNELS = 10;
/** A community's chatter: mostly ordinary messages, one in fifty breaking a guideline. */
const CLEAN = ["when will my order arrive?", "thanks for the quick reply :)", "the jute bag is beautiful", "delivery charge koto dhaka te?", "অর্ডার কবে পাবো?", "does the blue one come in XL?"];
const BAD = ["you are an idiot", "DM me for cheap followers"];

const FAKE_DISCORD = "../test/fake-discord/index.js"; // a variable, so tsc leaves it alone
const { FakeDiscord, exampleSeed, IDS } = (await import(FAKE_DISCORD)) as FakeDiscordModule;
const seed = exampleSeed();
const members = Array.from({ length: MEMBERS }, (_, i) => String(1400000000000000000n + BigInt(i)));
seed.guilds[0]!.members.push(...members.map((id, i) => ({ user: { id, username: `member${i}` }, roles: [IDS.roleMember] })));
const channels = Array.from({ length: CHANNELS }, (_, i) => String(1400000000000100000n + BigInt(i)));
seed.guilds[0]!.channels.push(...channels.map((id, i) => ({ id, name: `chat-${i}`, type: 0, position: 10 + i })));
const fake = new FakeDiscord({ ...seed, heartbeatIntervalMs: 1000 });
await fake.start();
const send = (m: FromFake) => process.send!(m);
send({ ready: { token: fake.token, apiUrl: fake.apiUrl } });

process.on("message", async (m: ToFake) => {
  if ("stop" in m) {
    await fake.stop();
    process.exit(0);
  }
  const { rate, seconds } = m.go;
  let dispatched = 0;
  let reported = 0;
  const started = performance.now();
  // Ticks of 10 ms, each sending what the rate owes by then (timers drift; the count does not).
  while (performance.now() - started < seconds * 1000) {
    const owed = Math.floor(((performance.now() - started) / 1000) * rate);
    for (; dispatched < owed; dispatched++) {
      const text = dispatched % 50 === 49 ? BAD[(dispatched / 50) % BAD.length | 0]! : `${CLEAN[dispatched % CLEAN.length]!} (${dispatched})`;
      fake.messageCreate({ guildId: IDS.guild, channelId: channels[dispatched % CHANNELS]!, authorId: members[dispatched % MEMBERS]!, content: text });
    }
    if (dispatched !== reported) {
      send({ dispatched });
      reported = dispatched;
    }
    await sleep(10);
  }
  send({ dispatched, done: true });
});
