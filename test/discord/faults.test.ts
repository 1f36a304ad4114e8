/**
 * Discord faults under a stream of messages through the real pipeline: the real discord.js client, the fake
 * Discord injecting 429s, 5xx bursts, answers lost after the effect, slow answers and dropped gateway
 * connections. Every expected effect lands exactly once in the fake's record; no message is lost or doubled.
 *
 * The outbox (src/core/outbox) is stood in for by `RetryingAdapter`: it gives each action a key and performs
 * a `failed, retryable` outcome again after a backoff (no sooner than retryAfterMs), as the outbox worker does.
 */
import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DiscordAdapter, DiscordSettingsProvider } from "../../src/platforms/discord/index.js";
import { Pipeline } from "../../src/core/pipeline.js";
import type { Action, ActionKind, ActionOutcome } from "../../src/core/actions.js";
import type { EventSink, PlatformAdapter } from "../../src/core/platform.js";
import { GuidelineLibrary, defaultRulesDir } from "../../src/guidelines/library.js";
import { openMemoryStore, type Store } from "../../src/store/index.js";
import { PrismaPersistence } from "../../src/store/pipeline-writer.js";
import { silentLogger } from "../../src/log.js";
import { FakeDiscord, IDS, exampleSeed, type RecordedCall } from "../fake-discord/index.js";

const MEMBERS = Array.from({ length: 40 }, (_, i) => String(1100000000000001000n + BigInt(i)));

function seed() {
  const s = exampleSeed();
  s.guilds![0]!.members!.push(...MEMBERS.map((id, i) => ({ user: { id, username: `member${i}` }, roles: [IDS.roleMember] })));
  return { ...s, heartbeatIntervalMs: 500 };
}

interface Performed {
  action: Action;
  outcomes: ActionOutcome[];
}

/** Stands in for the outbox: a key per action, and retries of retryable failures with backoff. */
class RetryingAdapter implements PlatformAdapter {
  readonly platform = "discord" as const;
  readonly performed: Performed[] = [];
  retries = 0;
  readonly inspectMember: PlatformAdapter["inspectMember"];
  readonly actorMay: PlatformAdapter["actorMay"];

  constructor(private readonly inner: DiscordAdapter) {
    this.inspectMember = inner.inspectMember.bind(inner);
    this.actorMay = inner.actorMay.bind(inner);
  }

  capabilities(community: string): ReadonlySet<ActionKind> {
    return this.inner.capabilities();
  }
  start(sink: EventSink): Promise<void> {
    return this.inner.start(sink);
  }
  stop(): Promise<void> {
    return this.inner.stop();
  }

  async perform(a: Action): Promise<ActionOutcome> {
    const { key: _none, ...rest } = a;
    const action = { ...a, key: a.key ?? createHash("sha256").update(JSON.stringify(rest)).digest("base64url").slice(0, 20) };
    const record: Performed = { action, outcomes: [] };
    this.performed.push(record);
    for (let attempt = 1; ; attempt++) {
      const outcome = await this.inner.perform(action);
      record.outcomes.push(outcome);
      if (outcome.status !== "failed" || !outcome.retryable || attempt >= 8) return outcome;
      this.retries += 1;
      const retryAfter = (outcome as { retryAfterMs?: number }).retryAfterMs ?? 0;
      await new Promise((r) => setTimeout(r, Math.max(retryAfter, 25 * 2 ** (attempt - 1))));
    }
  }
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

describe("Discord faults under a stream of messages through the pipeline", () => {
  const fake = new FakeDiscord(seed());
  let store: Store;
  let discord: DiscordAdapter;
  let adapter: RetryingAdapter;
  /** message.created events the pipeline finished handling (its actions done), by message id. */
  const handled = new Map<string, number>();
  let restRetries = 0;
  let rateLimited = 0;

  beforeAll(async () => {
    await fake.start();
    store = await openMemoryStore();
    // A short timeout, so answers slower than it are seen within the test's time; one discord.js retry as in production.
    discord = new DiscordAdapter({ token: fake.token, apiUrl: fake.apiUrl, logger: silentLogger, registerCommands: false, rest: { timeoutMs: 400, retries: 1, maxRateLimitWaitMs: 500 } });
    adapter = new RetryingAdapter(discord);
    const pipeline = new Pipeline({
      adapter,
      persistence: new PrismaPersistence(store.prisma),
      settings: new DiscordSettingsProvider(),
      library: await GuidelineLibrary.load(defaultRulesDir()),
      logger: silentLogger,
    });
    await adapter.start(async (e) => {
      await pipeline.handle(e);
      if (e.type === "message.created") handled.set(e.message.id, (handled.get(e.message.id) ?? 0) + 1);
    });
    discord.discord.rest.on("response", (request) => {
      if (request.retries > 0) restRetries += 1;
    });
    discord.discord.rest.on("rateLimited", () => (rateLimited += 1));
  }, 20_000);

  afterAll(async () => {
    await adapter?.stop();
    await store?.close();
    await fake.stop();
  });

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
    const callsBefore = fake.calls.length;
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
    for (const f of faults) f.clear();
    const elapsed = Date.now() - started;

    const performed = adapter.performed.filter((p) => p.action.kind !== "respond");
    const notDone = performed.filter((p) => p.outcomes.at(-1)!.status !== "done");
    expect(notDone.map((p) => [p.action.kind, p.outcomes])).toEqual([]);
    const counts = performed.map((p) => ({ kind: p.action.kind, key: p.action.key, effects: effectsOf(fake, p.action).length }));
    expect(counts.filter((c) => c.effects !== 1)).toEqual([]);
    // Nothing else was created or deleted: as many messages and deletions as actions asked for.
    const made = fake.calls.slice(callsBefore).filter(effective);
    expect(made.filter(isCreate)).toHaveLength(performed.filter((p) => CREATES.has(p.action.kind)).length);
    expect(made.filter((c) => c.route === "DELETE /channels/:channelId/messages/:messageId")).toHaveLength(performed.filter((p) => p.action.kind === "deleteMessage").length);
    for (const id of ids) expect(handled.get(id)).toBe(1);

    const kinds = Object.fromEntries([...new Set(performed.map((p) => p.action.kind))].map((k) => [k, performed.filter((p) => p.action.kind === k).length]));
    const repeats = fake.calls.slice(callsBefore).filter((c) => c.repeat).length;
    const already = performed.filter((p) => p.outcomes.at(-1)!.status === "done" && (p.outcomes.at(-1) as { detail?: string }).detail === "already gone").length;
    console.log(
      `[discord faults] ${ids.length} messages, ${performed.length} actions ${JSON.stringify(kinds)} in ${elapsed} ms; ` +
        `REST calls ${fake.calls.length - callsBefore}; faults injected ${fake.faultsInjected} ${JSON.stringify(fake.faultStats)}; ` +
        `discord.js retries ${restRetries}, rate-limit waits ${rateLimited}; outbox-style retries ${adapter.retries}; ` +
        `creates answered from their nonce ${repeats}; deletes found already done ${already}`,
    );
    expect(fake.faultsInjected).toBeGreaterThan(20);
    expect(adapter.retries).toBeGreaterThan(0);
  }, 90_000);

  it("gateway drops in the middle of a stream: every MESSAGE_CREATE handled once, none lost", async () => {
    const started = Date.now();
    const before = { ...fake.gatewayStats };
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
    console.log(
      `[discord gateway] ${sent} MESSAGE_CREATE sent, ${ids.filter((id) => handled.has(id)).length} handled (each once) in ${Date.now() - started} ms; ` +
        `drops ${fake.gatewayStats.drops - before.drops} + 1 RECONNECT, resumes ${fake.gatewayStats.resumes - before.resumes}, ` +
        `dispatches replayed ${fake.gatewayStats.replayed - before.replayed}`,
    );
  }, 90_000);
});
