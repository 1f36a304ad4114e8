/**
 * Discord faults under a stream of messages through the real pipeline in outbox mode (as `steward start` runs it):
 * the real discord.js client, the fake Discord injecting 429s, 5xx bursts, answers lost after the effect, slow
 * answers and dropped gateway connections. Every action is done, each effect lands exactly once in the fake's
 * record, and no message is lost or handled twice.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DiscordAdapter, DiscordSettingsProvider } from "../../src/platforms/discord/index.js";
import { Pipeline } from "../../src/core/pipeline.js";
import type { Action, ActionKind, ActionOutcome } from "../../src/core/actions.js";
import { GuidelineLibrary, defaultRulesDir } from "../../src/guidelines/library.js";
import { openMemoryStore, type Store } from "../../src/store/index.js";
import { PrismaPersistence } from "../../src/store/pipeline-writer.js";
import { PrismaOutbox } from "../../src/store/outbox.js";
import { silentLogger } from "../../src/log.js";
import { FakeDiscord, IDS, exampleSeed, type RecordedCall } from "../fake-discord/index.js";

const MEMBERS = Array.from({ length: 40 }, (_, i) => String(1100000000000001000n + BigInt(i)));

function seed() {
  const s = exampleSeed();
  s.guilds![0]!.members!.push(...MEMBERS.map((id, i) => ({ user: { id, username: `member${i}` }, roles: [IDS.roleMember] })));
  return { ...s, heartbeatIntervalMs: 500 };
}

const CREATES = new Set<ActionKind>(["warn", "directMessage", "alertModerators", "holdForReview", "reply", "postMessage"]);
const isCreate = (c: RecordedCall) => c.route === "POST /channels/:channelId/messages";
const effective = (c: RecordedCall) => c.handled !== null && c.handled < 300 && !c.repeat;
const reasonOf = (c: RecordedCall) => decodeURIComponent(c.headers["x-audit-log-reason"] ?? "");

/** The calls whose effect is this action's (a create by its nonce, a delete by its message, others by case and route). */
function effectsOf(fake: FakeDiscord, a: Action): RecordedCall[] {
  const calls = fake.calls.filter(effective);
  if (CREATES.has(a.kind)) return calls.filter((c) => isCreate(c) && (c.body as { nonce?: string }).nonce === a.key);
  const caseOf = (c: RecordedCall) => reasonOf(c).startsWith(`Case #${a.caseNumber}:`) || reasonOf(c) === `Case #${a.caseNumber}`;
  switch (a.kind) {
    case "deleteMessage":
      return calls.filter((c) => c.method === "DELETE" && c.path === `/channels/${a.channel}/messages/${a.message}`);
    case "timeout":
      return calls.filter((c) => c.route === "PATCH /guilds/:guildId/members/:userId" && c.params.userId === a.member && caseOf(c));
    case "kick":
      return calls.filter((c) => c.route === "DELETE /guilds/:guildId/members/:userId" && c.params.userId === a.member && caseOf(c));
    case "ban":
      return calls.filter((c) => c.route === "PUT /guilds/:guildId/bans/:userId" && c.params.userId === a.member && caseOf(c));
    default:
      throw new Error(`no effect check for ${a.kind}`);
  }
}

describe("Discord faults under a stream of messages through the pipeline and its outbox", () => {
  const fake = new FakeDiscord(seed());
  let store: Store;
  let adapter: DiscordAdapter;
  let pipeline: Pipeline;
  /** message.created events the pipeline finished handling, by message id. */
  const handled = new Map<string, number>();
  let restRetries = 0;
  let rateLimited = 0;

  beforeAll(async () => {
    await fake.start();
    store = await openMemoryStore();
    // A short timeout, so answers slower than it are seen within the test's time; one discord.js retry as in production.
    adapter = new DiscordAdapter({ token: fake.token, apiUrl: fake.apiUrl, logger: silentLogger, registerCommands: false, rest: { timeoutMs: 400, retries: 1, maxRateLimitWaitMs: 500 } });
    pipeline = new Pipeline({
      adapter,
      persistence: new PrismaPersistence(store.prisma),
      settings: new DiscordSettingsProvider(),
      library: await GuidelineLibrary.load(defaultRulesDir()),
      logger: silentLogger,
      outbox: { store: new PrismaOutbox(store.prisma), policy: { baseDelayMs: 20, maxDelayMs: 1_000 } },
    });
    await adapter.start(async (e) => {
      await pipeline.handle(e);
      if (e.type === "message.created") handled.set(e.message.id, (handled.get(e.message.id) ?? 0) + 1);
    });
    adapter.discord.rest.on("response", (request) => {
      if (request.retries > 0) restRetries += 1;
    });
    adapter.discord.rest.on("rateLimited", () => (rateLimited += 1));
  }, 20_000);

  afterAll(async () => {
    await adapter?.stop();
    await pipeline?.drain();
    await store?.close();
    await fake.stop();
  });

  /** The outbox's entries: each action as performed (with its key), its attempts and final outcome. */
  async function outboxEntries(): Promise<Array<{ action: Action; status: string; attempts: number; outcome: ActionOutcome | null }>> {
    const rows = await store.prisma.outboxAction.findMany({ orderBy: { id: "asc" } });
    return rows.map((r) => ({ action: r.action as unknown as Action, status: r.status, attempts: r.attempts, outcome: r.outcome as unknown as ActionOutcome | null }));
  }

  /**
   * Once the outbox is drained: every action it took since `since` is done with exactly one effect in the fake's
   * record, and nothing else was created or deleted (as many messages and deletions as actions asked for).
   */
  async function expectEachEffectOnce(since: { calls: number; entries: number }) {
    await pipeline.drain();
    const performed = (await outboxEntries()).slice(since.entries).filter((p) => p.action.kind !== "respond");
    expect(performed.filter((p) => p.status !== "done").map((p) => [p.action.kind, p.status, p.outcome])).toEqual([]);
    const counts = performed.map((p) => ({ kind: p.action.kind, key: p.action.key, effects: effectsOf(fake, p.action).length }));
    expect(counts.filter((c) => c.effects !== 1)).toEqual([]);
    const made = fake.calls.slice(since.calls).filter(effective);
    expect(made.filter(isCreate)).toHaveLength(performed.filter((p) => CREATES.has(p.action.kind)).length);
    expect(made.filter((c) => c.route === "DELETE /channels/:channelId/messages/:messageId")).toHaveLength(performed.filter((p) => p.action.kind === "deleteMessage").length);
    return performed;
  }

  let next = 1100000000000100000n;
  const CONTENTS = ["you are an idiot", "hello there, how is everyone?", "claim free nitro at https://dlscord-gift.xyz/nitro", "does anyone know when the release is?"];

  /** Sends `n` messages from the members in turn; resolves with their ids. */
  async function stream(n: number, between: (i: number) => void | Promise<void> = () => {}): Promise<string[]> {
    const ids: string[] = [];
    for (let i = 0; i < n; i++) {
      await between(i);
      const id = String(next++);
      ids.push(id);
      fake.messageCreate({ id, guildId: IDS.guild, channelId: IDS.general, authorId: MEMBERS[i % MEMBERS.length]!, content: CONTENTS[i % CONTENTS.length]! });
      await new Promise((r) => setTimeout(r, 5));
    }
    return ids;
  }

  it("429s, 5xx bursts, lost answers and slow answers: every action done, each effect exactly once", async () => {
    const started = Date.now();
    const since = { calls: fake.calls.length, entries: (await outboxEntries()).length };
    const faults = [
      fake.fault("*", { status: 429, retryAfter: 0.02, every: 9, times: Infinity }), // waited out by discord.js
      fake.fault("*", { status: 429, retryAfter: 0.8, every: 41, times: Infinity }), // longer than the adapter waits: handed back
      fake.fault("POST /channels/:channelId/messages", { status: 502, afterEffect: true, every: 5, times: Infinity }),
      fake.fault("DELETE /channels/:channelId/messages/:messageId", { status: 500, afterEffect: true, every: 4, times: Infinity }),
      fake.fault("POST /channels/:channelId/messages", { delayMs: 700, every: 6, times: Infinity }), // past the timeout: the effect happened
      fake.fault("*", { delayMs: 60, every: 3, times: Infinity }),
    ];
    const ids = await stream(80, (i) => {
      if (i % 10 === 5) fake.failNext("*", { status: [500, 502, 503][i % 3]!, times: 3 }); // a burst on whatever comes next
    });
    await expect.poll(() => ids.filter((id) => handled.has(id)).length, { timeout: 60_000, interval: 100 }).toBe(ids.length);
    await pipeline.drain(); // the cases' actions run behind the event stream
    for (const f of faults) f.clear();
    const elapsed = Date.now() - started;
    const performed = await expectEachEffectOnce(since);
    for (const id of ids) expect(handled.get(id)).toBe(1);
    const callsBefore = since.calls;

    const kinds = Object.fromEntries([...new Set(performed.map((p) => p.action.kind))].map((k) => [k, performed.filter((p) => p.action.kind === k).length]));
    const repeats = fake.calls.slice(callsBefore).filter((c) => c.repeat).length;
    const already = performed.filter((p) => (p.outcome as { detail?: string } | null)?.detail === "already gone").length;
    const outboxRetries = performed.reduce((n, p) => n + p.attempts - 1, 0);
    console.log(
      `[discord faults] ${ids.length} messages, ${performed.length} actions ${JSON.stringify(kinds)} in ${elapsed} ms; ` +
        `REST calls ${fake.calls.length - callsBefore}; faults injected ${fake.faultsInjected} ${JSON.stringify(fake.faultStats)}; ` +
        `discord.js retries ${restRetries}, rate-limit events ${rateLimited}; outbox retries ${outboxRetries}; ` +
        `creates answered from their nonce ${repeats}; deletes found already done ${already}`,
    );
    expect(fake.faultsInjected).toBeGreaterThan(20);
    expect(outboxRetries).toBeGreaterThan(0);
  }, 90_000);

  it("gateway drops in the middle of a stream: every MESSAGE_CREATE handled once, none lost", async () => {
    const started = Date.now();
    const before = { ...fake.gatewayStats };
    const since = { calls: fake.calls.length, entries: (await outboxEntries()).length };
    let sent = 0;
    const ids = await stream(150, async (i) => {
      sent += 1;
      // Each drop once the previous one is resumed (discord.js reconnects 500 ms after a close); messages keep coming meanwhile.
      if (i === 40 || i === 80 || i === 120) await expect.poll(() => fake.readySessions, { timeout: 5_000 }).toBe(1);
      if (i === 40) fake.dropGateway({ abrupt: true });
      if (i === 80) fake.dropGateway({ code: 4000 });
      if (i === 120) fake.requestReconnect();
    });
    await expect.poll(() => ids.filter((id) => handled.has(id)).length, { timeout: 60_000, interval: 100 }).toBe(ids.length);
    const twice = ids.filter((id) => handled.get(id) !== 1);
    expect(twice).toEqual([]);
    // The last RESUME may come after the last message was handled (discord.js waits 500 ms before reconnecting).
    await expect.poll(() => fake.gatewayStats.resumes - before.resumes, { timeout: 5_000 }).toBe(3);
    expect(fake.gatewayStats.identifies).toBe(before.identifies);
    const performed = await expectEachEffectOnce(since); // and the actions on those messages happened once each
    expect(performed.length).toBeGreaterThan(0);
    console.log(
      `[discord gateway] ${sent} MESSAGE_CREATE sent, ${ids.filter((id) => handled.has(id)).length} handled (each once) in ${Date.now() - started} ms; ` +
        `drops ${fake.gatewayStats.drops - before.drops} + 1 RECONNECT, resumes ${fake.gatewayStats.resumes - before.resumes}, ` +
        `dispatches replayed ${fake.gatewayStats.replayed - before.replayed}; ${performed.length} actions, each effect once`,
    );
  }, 90_000);
});
