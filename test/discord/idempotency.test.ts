/**
 * The Discord adapter makes a repeated action harmless and says truthfully whether a failure may pass:
 * the real discord.js client against the fake Discord, actions performed directly (as the outbox does).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DiscordAdapter } from "../../src/platforms/discord/index.js";
import type { Action, ActionOutcome } from "../../src/core/actions.js";
import type { StewardEvent } from "../../src/core/events.js";
import { silentLogger } from "../../src/log.js";
import { FakeDiscord, IDS, exampleSeed, type RecordedCall } from "../fake-discord/index.js";

const U = { dave: "1100000000000000014", erin: "1100000000000000015", frank: "1100000000000000016", gina: "1100000000000000017" } as const;

function seed() {
  const s = exampleSeed();
  const guild = s.guilds![0]!;
  guild.members!.push(
    { user: { id: U.dave, username: "dave" }, roles: [IDS.roleMember] },
    { user: { id: U.erin, username: "erin" }, roles: [IDS.roleMember] },
    { user: { id: U.frank, username: "frank" }, roles: [IDS.roleMember] },
    { user: { id: U.gina, username: "gina" }, roles: [IDS.roleMember] },
  );
  return { ...s, heartbeatIntervalMs: 1_000 };
}

const isCreate = (c: RecordedCall) => c.route === "POST /channels/:channelId/messages";
const nonceOf = (c: RecordedCall) => (c.body as { nonce?: unknown } | null)?.nonce;

describe("Discord adapter: a repeated action is harmless", () => {
  const fake = new FakeDiscord(seed());
  let adapter: DiscordAdapter;
  const events: StewardEvent[] = [];

  beforeAll(async () => {
    await fake.start();
    // A short timeout so a slow answer is abandoned quickly; discord.js's one retry as in production.
    adapter = new DiscordAdapter({ token: fake.token, apiUrl: fake.apiUrl, logger: silentLogger, registerCommands: false, rest: { timeoutMs: 400, retries: 1, maxRateLimitWaitMs: 1_000 } });
    await adapter.start(async (e) => void events.push(e));
  }, 20_000);

  afterAll(async () => {
    await adapter?.stop();
    await fake.stop();
  });

  /** A slash command from bob, accepted by the adapter: the handle a `respond` answers. */
  async function invoked(): Promise<string> {
    const { id } = fake.interactionCreate({ type: 2, guildId: IDS.guild, channelId: IDS.general, userId: IDS.bob, name: "case" });
    await expect.poll(() => events.some((e) => e.type === "command.invoked" && e.replyHandle === id), { timeout: 3_000 }).toBe(true);
    return id;
  }
  const respond = (handle: string): Action => ({ kind: "respond", community: IDS.guild, replyHandle: handle, reply: { lines: ["case #1"], fields: [], buttons: [], ephemeral: true, tone: "info" }, reason: "" });
  const callbacksTo = (id: string) => fake.calls.filter((c) => c.route === "POST /interactions/:interactionId/:interactionToken/callback" && c.params.interactionId === id);

  it("respond twice: one answer; the second is done, already answered", async () => {
    const id = await invoked();
    expect(await adapter.perform(respond(id))).toEqual({ status: "done" });
    expect(await adapter.perform(respond(id))).toEqual({ status: "done", detail: "already answered" });
    expect(callbacksTo(id).map((c) => c.status)).toEqual([204]);
  });

  it("an answer that landed though its answer was lost: discord.js's retry gets 40060, done", async () => {
    const id = await invoked();
    fake.failNext("POST /interactions/:interactionId/:interactionToken/callback", { status: 500, afterEffect: true });
    expect(await adapter.perform(respond(id))).toEqual({ status: "done", detail: "already answered" });
    expect(callbacksTo(id).map((c) => [c.status, c.handled])).toEqual([
      [500, 204],
      [400, 400],
    ]);
  });

  it("an answer that failed can be given on the next try", async () => {
    const id = await invoked();
    fake.failNext("POST /interactions/:interactionId/:interactionToken/callback", { status: 503, times: 2 });
    expect(await adapter.perform(respond(id))).toMatchObject({ status: "failed", retryable: true });
    expect(await adapter.perform(respond(id))).toEqual({ status: "done" });
    expect(callbacksTo(id).map((c) => c.status)).toEqual([503, 503, 204]);
  });

  /** Messages Steward created (not answered from an earlier nonce) with this nonce. */
  const created = (nonce: string) => fake.calls.filter((c) => isCreate(c) && nonceOf(c) === nonce && c.handled === 200 && !c.repeat);

  const creates: Array<[string, (key: string) => Action]> = [
    ["warn (DM)", (key) => ({ kind: "warn", community: IDS.guild, member: U.dave, text: "please keep it civil", reason: "", key })],
    ["directMessage", (key) => ({ kind: "directMessage", community: IDS.guild, member: U.frank, text: "a note", reason: "", key })],
    ["alertModerators", (key) => ({ kind: "alertModerators", community: IDS.guild, text: "look at this", reason: "", caseNumber: 4, key })],
    ["holdForReview", (key) => ({ kind: "holdForReview", community: IDS.guild, channel: IDS.general, message: "1100000000000004444", member: U.gina, reason: "", key })],
    ["reply", (key) => ({ kind: "reply", community: IDS.guild, channel: IDS.general, text: "answered", reason: "", key })],
  ];

  for (const [name, make] of creates) {
    it(`${name}: performed twice with the same key, one message`, async () => {
      const key = `k-${name.slice(0, 6).replace(/\W/g, "")}-${Date.now() % 100000}`;
      expect(await adapter.perform(make(key))).toMatchObject({ status: "done" });
      expect(await adapter.perform(make(key))).toMatchObject({ status: "done" });
      expect(created(key)).toHaveLength(1);
      const sent = fake.calls.filter((c) => isCreate(c) && nonceOf(c) === key);
      expect(sent).toHaveLength(2);
      expect(sent.every((c) => (c.body as { enforce_nonce?: unknown }).enforce_nonce === true)).toBe(true);
      expect(sent[1]!.repeat).toBe(true);
    });
  }

  it("after a restart (a new client, the outbox resuming a pending action), the same key still gives one message", async () => {
    const key = "resumed-after-crash";
    expect(await adapter.perform(creates[0]![1](key))).toMatchObject({ status: "done" }); // done, but the crash came before it was recorded
    const restarted = new DiscordAdapter({ token: fake.token, apiUrl: fake.apiUrl, logger: silentLogger, registerCommands: false });
    try {
      await restarted.start(async () => {});
      expect(await restarted.perform(creates[0]![1](key))).toMatchObject({ status: "done" });
    } finally {
      await restarted.stop();
    }
    expect(created(key)).toHaveLength(1);
  });

  it("postMessage in several parts: each part once, with its own nonce (key, key.1, …)", async () => {
    const key = "digest-2026-W47-abcd";
    const text = Array.from({ length: 3 }, (_, i) => `${String(i).repeat(1_500)}`).join("\n\n");
    const post: Action = { kind: "postMessage", community: IDS.guild, channel: IDS.general, text, reason: "", key };
    expect(await adapter.perform(post)).toMatchObject({ status: "done" });
    expect(await adapter.perform(post)).toMatchObject({ status: "done" });
    const nonces = fake.calls.filter((c) => isCreate(c) && String(nonceOf(c)).startsWith(key) && c.handled === 200 && !c.repeat).map(nonceOf);
    expect(nonces).toEqual([key, `${key}.1`, `${key}.2`]);
  });

  it("a create whose answer was lost (500 after the effect) is retried by discord.js and gives back the same message", async () => {
    fake.failNext("POST /channels/:channelId/messages", { status: 500, afterEffect: true });
    const key = "lost-answer-500";
    expect(await adapter.perform(creates[2]![1](key))).toMatchObject({ status: "done" });
    expect(fake.calls.filter((c) => isCreate(c) && nonceOf(c) === key).map((c) => [c.status, c.repeat])).toEqual([
      [500, false],
      [200, true],
    ]);
    expect(created(key)).toHaveLength(1);
  });

  it("a create answered after the client gave up (timeout) is not posted twice", async () => {
    fake.slow("POST /channels/:channelId/messages", 700, 1);
    const key = "slow-answer-timeout";
    expect(await adapter.perform(creates[4]![1](key))).toMatchObject({ status: "done" });
    expect(created(key)).toHaveLength(1);
    expect(fake.calls.filter((c) => isCreate(c) && nonceOf(c) === key)).toHaveLength(2);
  });

  it("a create without a key still carries a nonce with enforce_nonce (discord.js's own retry cannot double it)", async () => {
    const since = fake.calls.length;
    await adapter.perform({ kind: "reply", community: IDS.guild, channel: IDS.general, text: "no key", reason: "" });
    const post = fake.calls.slice(since).find(isCreate)!;
    expect(post.body).toMatchObject({ nonce: expect.any(String), enforce_nonce: true });
  });

  it("deleting a message twice: the second is done, 'already gone' (10008)", async () => {
    const m = fake.messageCreate({ guildId: IDS.guild, channelId: IDS.general, authorId: U.gina, content: "bye" });
    const del: Action = { kind: "deleteMessage", community: IDS.guild, channel: IDS.general, message: m.id as string, reason: "", key: "del-1" };
    expect(await adapter.perform(del)).toEqual({ status: "done" });
    expect(await adapter.perform(del)).toEqual({ status: "done", detail: "already gone" });
    expect(fake.calls.filter((c) => c.route === "DELETE /channels/:channelId/messages/:messageId" && c.path.endsWith(m.id as string)).map((c) => c.status)).toEqual([204, 404]);
  });

  it("a delete whose answer was lost is done once the retry finds the message gone", async () => {
    const m = fake.messageCreate({ guildId: IDS.guild, channelId: IDS.general, authorId: U.gina, content: "bye again" });
    fake.failNext("DELETE /channels/:channelId/messages/:messageId", { status: 502, afterEffect: true });
    const outcome = await adapter.perform({ kind: "deleteMessage", community: IDS.guild, channel: IDS.general, message: m.id as string, reason: "" });
    expect(outcome).toEqual({ status: "done", detail: "already gone" });
  });

  it("a purge retried after its answer was lost deletes the messages it chose, not the next ones", async () => {
    const ids = Array.from({ length: 6 }, (_, i) => fake.messageCreate({ guildId: IDS.guild, channelId: IDS.general, authorId: U.dave, content: `flood ${i}` }).id as string);
    // discord.js retries the lost bulk delete: Discord finds the messages gone (10008), the adapter checks what is left.
    fake.failNext("POST /channels/:channelId/messages/bulk-delete", { status: 502, afterEffect: true });
    const purge: Action = { kind: "purgeMessages", community: IDS.guild, channel: IDS.general, count: 3, member: U.dave, reason: "", key: "purge-dave-1" };
    expect(await adapter.perform(purge)).toEqual({ status: "done", detail: "deleted 3 messages" });
    expect(fake.callsTo("POST /channels/:channelId/messages/bulk-delete").map((c) => [c.status, c.handled])).toEqual([
      [502, 204],
      [404, 404],
    ]);
    // Performed again by the outbox (same process: the choice is remembered in memory): nothing more is deleted.
    expect(await adapter.perform(purge)).toEqual({ status: "done", detail: "deleted 0 messages; 3 already deleted by an earlier try" });
    expect(ids.map((id) => fake.model.messages.has(id))).toEqual([true, true, true, false, false, false]);
  });

  it("kicking twice: the second is done, the member is already gone", async () => {
    const kick: Action = { kind: "kick", community: IDS.guild, member: U.erin, reason: "spam", caseNumber: 9 };
    expect(await adapter.perform(kick)).toEqual({ status: "done" });
    expect(await adapter.perform(kick)).toEqual({ status: "done", detail: "not in the server (already gone)" });
    expect(fake.callsTo("DELETE /guilds/:guildId/members/:userId").filter((c) => c.handled === 204)).toHaveLength(1);
  });

  it("a kick answered 10007 (gone meanwhile) is done", async () => {
    const guild = fake.model.guilds.get(IDS.guild)!;
    const member = guild.members.get(U.gina)!;
    // The member is fetched, then leaves before the kick lands.
    fake.failNext("DELETE /guilds/:guildId/members/:userId", { status: 404, code: 10007, message: "Unknown Member" });
    expect(await adapter.perform({ kind: "kick", community: IDS.guild, member: U.gina, reason: "" })).toEqual({ status: "done", detail: "not in the server (already gone)" });
    expect(guild.members.get(U.gina)).toBe(member);
  });

  it("banning twice is done twice, one ban; unbanning twice: the second is done, not banned (10026)", async () => {
    const ban: Action = { kind: "ban", community: IDS.guild, member: U.frank, deleteMessageSeconds: 0, reason: "", caseNumber: 11 };
    expect(await adapter.perform(ban)).toEqual({ status: "done" });
    expect(await adapter.perform(ban)).toEqual({ status: "done" });
    expect([...fake.model.guilds.get(IDS.guild)!.bans.keys()]).toEqual([U.frank]);
    const unban: Action = { kind: "unban", community: IDS.guild, member: U.frank, reason: "" };
    expect(await adapter.perform(unban)).toEqual({ status: "done" });
    expect(await adapter.perform(unban)).toEqual({ status: "done", detail: "not banned (already lifted)" });
    expect(fake.model.guilds.get(IDS.guild)!.bans.size).toBe(0);
  });
});

describe("Discord adapter: failures say whether another try may help", () => {
  const fake = new FakeDiscord(seed());
  let adapter: DiscordAdapter;

  beforeAll(async () => {
    await fake.start();
    adapter = new DiscordAdapter({ token: fake.token, apiUrl: fake.apiUrl, logger: silentLogger, registerCommands: false, rest: { timeoutMs: 300, retries: 1, maxRateLimitWaitMs: 1_000 } });
    await adapter.start(async () => {});
  }, 20_000);

  afterAll(async () => {
    await adapter?.stop();
    await fake.stop();
  });

  const reply = (text: string, channel: string = IDS.general): Action => ({ kind: "reply", community: IDS.guild, channel, text, reason: "" });
  const ROUTE = "POST /channels/:channelId/messages";

  it("a short 429 is waited out by discord.js: done", async () => {
    fake.failNext(ROUTE, { status: 429, retryAfter: 0.05 });
    expect(await adapter.perform(reply("short limit"))).toEqual({ status: "done" });
  });

  it("a 429 longer than the adapter waits: failed, retryable, at once, with Discord's retry_after", async () => {
    fake.failNext(ROUTE, { status: 429, retryAfter: 30 });
    const started = Date.now();
    // In #mod-log: discord.js then keeps that channel's bucket limited for the 30 s (later requests are handed back too).
    const outcome = await adapter.perform(reply("long limit", IDS.modLog));
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(outcome).toMatchObject({ status: "failed", retryable: true, detail: expect.stringMatching(/rate limited.*retry after 30\.\d s/) });
    expect((outcome as { retryAfterMs?: number }).retryAfterMs).toBeGreaterThanOrEqual(30_000);
  });

  it.each([500, 502, 503])("%i on every try: failed, retryable", async (status) => {
    const handle = fake.fault(ROUTE, { status, times: Infinity });
    try {
      expect(await adapter.perform(reply(`burst ${status}`))).toMatchObject({ status: "failed", retryable: true, detail: expect.stringContaining(String(status)) });
      expect(handle.hits).toBe(2); // discord.js's try and its one retry
    } finally {
      handle.clear();
    }
  });

  it("no answer in time, twice: failed, retryable", async () => {
    const handle = fake.slow(ROUTE, 600);
    try {
      expect(await adapter.perform(reply("slow"))).toMatchObject({ status: "failed", retryable: true, detail: expect.stringMatching(/did not answer in time/) });
    } finally {
      handle.clear();
    }
  });

  it("the connection cut without an answer: failed, retryable (network error)", async () => {
    const handle = fake.fault(ROUTE, { reset: true, times: Infinity });
    try {
      expect(await adapter.perform(reply("reset"))).toMatchObject({ status: "failed", retryable: true, detail: expect.stringMatching(/network error/) });
    } finally {
      handle.clear();
    }
  });

  it("403 Missing Permissions: refused; other 4xx: failed for good", async () => {
    fake.failNext(ROUTE, { status: 403 });
    expect(await adapter.perform(reply("forbidden"))).toMatchObject({ status: "refused", detail: expect.stringMatching(/Missing Permissions/) });
    fake.failNext(ROUTE, { status: 400 });
    expect(await adapter.perform(reply("bad"))).toMatchObject({ status: "failed", retryable: false });
    fake.failNext("DELETE /channels/:channelId/messages/:messageId", { status: 404, code: 10003, message: "Unknown Channel" });
    const outcome: ActionOutcome = await adapter.perform({ kind: "deleteMessage", community: IDS.guild, channel: IDS.general, message: "1100000000000003333", reason: "" });
    expect(outcome).toMatchObject({ status: "failed", retryable: false, detail: expect.stringContaining("10003") });
  });

  it("a long global 429: failed, retryable, named global (kept last: discord.js then holds every request)", async () => {
    fake.failNext(ROUTE, { status: 429, retryAfter: 20, global: true });
    expect(await adapter.perform(reply("global"))).toMatchObject({ status: "failed", retryable: true, detail: expect.stringMatching(/\(global\), retry after 20\.\d s/) });
    // Any request now is handed back at once, without reaching Discord.
    const since = fake.calls.length;
    expect(await adapter.perform({ kind: "deleteMessage", community: IDS.guild, channel: IDS.general, message: "1100000000000003334", reason: "" })).toMatchObject({ status: "failed", retryable: true });
    expect(fake.calls.length).toBe(since);
  });

  it("Discord unreachable: failed, retryable", async () => {
    const other = new FakeDiscord(seed());
    await other.start();
    const a = new DiscordAdapter({ token: other.token, apiUrl: other.apiUrl, logger: silentLogger, registerCommands: false, rest: { timeoutMs: 300, retries: 0 } });
    await a.start(async () => {});
    await other.stop(); // the REST server goes away under a started client
    try {
      expect(await a.perform(reply("nobody there"))).toMatchObject({ status: "failed", retryable: true, detail: expect.stringMatching(/network error/) });
    } finally {
      await a.stop();
    }
  }, 20_000);
});
