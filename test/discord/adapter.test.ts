/**
 * The Discord adapter end to end: the real discord.js client against the fake Discord (test/fake-discord),
 * the real pipeline on an in-memory store with the bundled rules.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GatewayIntentBits } from "discord.js";
import { DiscordAdapter, DiscordLoginError, DiscordSettingsProvider } from "../../src/platforms/discord/index.js";
import { Pipeline, type DecisionRecord } from "../../src/core/pipeline.js";
import type { StewardEvent } from "../../src/core/events.js";
import { GuidelineLibrary, defaultRulesDir } from "../../src/guidelines/library.js";
import { openMemoryStore, type Store } from "../../src/store/index.js";
import { PrismaPersistence } from "../../src/store/pipeline-writer.js";
import { silentLogger } from "../../src/log.js";
import { FakeDiscord, IDS, PERMS, exampleSeed, type RecordedCall } from "../fake-discord/index.js";

const U = {
  carol: "1100000000000000013", // has the Admin role
  dave: "1100000000000000014",
  erin: "1100000000000000015", // DMs closed
  frank: "1100000000000000016",
  gina: "1100000000000000017",
  roleAdmin: "1100000000000000104",
} as const;

function seed() {
  const s = exampleSeed();
  const guild = s.guilds![0]!;
  const basic = PERMS.ViewChannel | PERMS.SendMessages | PERMS.ReadMessageHistory;
  guild.roles!.push({ id: U.roleAdmin, name: "Admin", permissions: basic | PERMS.Administrator, position: 1 });
  guild.members!.push(
    { user: { id: U.carol, username: "carol" }, roles: [IDS.roleMember, U.roleAdmin] },
    { user: { id: U.dave, username: "dave" }, roles: [IDS.roleMember] },
    { user: { id: U.erin, username: "erin" }, roles: [IDS.roleMember] },
    { user: { id: U.frank, username: "frank" }, roles: [IDS.roleMember] },
    { user: { id: U.gina, username: "gina" }, roles: [IDS.roleMember] },
  );
  return { ...s, heartbeatIntervalMs: 500 };
}

const isDelete = (c: RecordedCall) => c.route === "DELETE /channels/:channelId/messages/:messageId";
const isTimeout = (c: RecordedCall) => c.route === "PATCH /guilds/:guildId/members/:userId" && c.body !== null && typeof c.body === "object" && "communication_disabled_until" in c.body;
const postTo = (channel: string) => (c: RecordedCall) => c.method === "POST" && c.path === `/channels/${channel}/messages`;

describe("DiscordAdapter with the real discord.js client, the fake Discord and the pipeline", () => {
  const fake = new FakeDiscord(seed());
  let store: Store;
  let adapter: DiscordAdapter;
  let pipeline: Pipeline;
  const events: StewardEvent[] = [];
  const decisions = new Map<string, (d: DecisionRecord) => void>();

  beforeAll(async () => {
    await fake.start();
    store = await openMemoryStore();
    const library = await GuidelineLibrary.load(defaultRulesDir());
    const settings = new DiscordSettingsProvider();
    adapter = new DiscordAdapter({ token: fake.token, apiUrl: fake.apiUrl, logger: silentLogger });
    pipeline = new Pipeline({
      adapter,
      persistence: new PrismaPersistence(store.prisma),
      settings,
      library: library,
      logger: silentLogger,
      onDecision: (d) => decisions.get(d.message)?.(d),
    });
    await adapter.start(async (e) => {
      events.push(e);
      await pipeline.handle(e);
    });
  }, 20_000);

  afterAll(async () => {
    await adapter?.stop();
    await pipeline?.flush();
    await store?.close();
    await fake.stop();
  });

  let nextId = 1100000000000005000n;

  /** Resolves with the pipeline's decision on a message once its actions are done. */
  function decisionOn(messageId: string): Promise<DecisionRecord> {
    return new Promise<DecisionRecord>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no decision on message ${messageId}`)), 5_000);
      decisions.set(messageId, (d) => {
        clearTimeout(timer);
        resolve(d);
      });
    });
  }

  /** Posts a message as `author` and resolves with the pipeline's decision once its actions are done. */
  async function post(author: string, content: string): Promise<{ decision: DecisionRecord; messageId: string; calls: () => RecordedCall[] }> {
    const since = fake.calls.length;
    const messageId = String(nextId++);
    const decided = decisionOn(messageId);
    fake.messageCreate({ guildId: IDS.guild, channelId: IDS.general, authorId: author, content, id: messageId });
    const decision = await decided;
    return { decision, messageId, calls: () => fake.calls.slice(since) };
  }

  it("maps a message to message.created with roles, mentions and reply", async () => {
    const replyTo = "1100000000000009999";
    const since = events.length;
    const id = String(nextId++);
    const decided = decisionOn(id); // @everyone from a moderator: alerted, not actioned
    fake.messageCreate({
      id,
      guildId: IDS.guild,
      channelId: IDS.general,
      authorId: IDS.bob,
      content: `hi <@${IDS.alice}>`,
      mentions: [IDS.alice],
      mentionEveryone: true,
      extra: { message_reference: { message_id: replyTo, channel_id: IDS.general, guild_id: IDS.guild, type: 0 } },
    });
    await expect.poll(() => events.slice(since).find((e) => e.type === "message.created"), { timeout: 3_000 }).toBeTruthy();
    const e = events.slice(since).find((x) => x.type === "message.created")!;
    expect(await decided).toMatchObject({ status: "not_actioned" });
    expect(e).toMatchObject({
      type: "message.created",
      platform: "discord",
      community: IDS.guild,
      channel: IDS.general,
      message: { author: IDS.bob, text: `hi <@${IDS.alice}>`, replyTo, mentions: [IDS.alice], mentionsEveryone: true, authorName: "bob" },
    });
    // bob's Moderator role has Manage Messages: the synthetic "moderator" role is added.
    expect(e.type === "message.created" && e.message.authorRoles).toEqual(expect.arrayContaining([IDS.roleMember, IDS.roleModerator, "moderator"]));
  });

  it("a scam link from a member: DELETE, timeout PATCH and a mod-log post", async () => {
    const { decision, messageId, calls } = await post(IDS.alice, "claim free nitro at https://dlscord-gift.xyz/nitro");
    expect(decision.status).toBe("actioned");
    expect(decision.outcomes.every((o) => o.status === "done")).toBe(true);
    const made = calls();
    expect(made.filter(isDelete).map((c) => c.path)).toEqual([`/channels/${IDS.general}/messages/${messageId}`]);
    const timeout = made.find(isTimeout)!;
    expect(timeout.path).toBe(`/guilds/${IDS.guild}/members/${IDS.alice}`);
    expect(Date.parse((timeout.body as { communication_disabled_until: string }).communication_disabled_until)).toBeGreaterThan(Date.now());
    const alert = made.find(postTo(IDS.modLog))!;
    const embed = (alert.body as { embeds: { title: string; description: string }[] }).embeds[0]!;
    expect(embed.title).toContain(`Case #${decision.case}`);
    expect(embed.title).toContain(`${decision.guideline}/${decision.rule}`);
  });

  it("an insult: DELETE and a DM to the author", async () => {
    const { decision, messageId, calls } = await post(U.dave, "you are an idiot");
    expect(decision.actions).toEqual(expect.arrayContaining(["delete", "warn"]));
    const made = calls();
    expect(made.filter(isDelete).map((c) => c.path)).toEqual([`/channels/${IDS.general}/messages/${messageId}`]);
    expect(made.find((c) => c.route === "POST /users/@me/channels")?.body).toEqual({ recipient_id: U.dave });
    const dm = made.find((c) => c.route === "POST /channels/:channelId/messages" && ![IDS.general, IDS.modLog].includes(c.params.channelId as never));
    expect(dm?.status).toBe(200);
    expect(typeof (dm?.body as { content?: unknown }).content).toBe("string");
  });

  it("an administrator posting a scam link: no DELETE or timeout, an alert in the mod log", async () => {
    const { decision, calls } = await post(U.carol, "claim free nitro at https://dlscord-gift.xyz/nitro");
    expect(decision.status).toBe("not_actioned");
    const made = calls();
    expect(made.filter(isDelete)).toEqual([]);
    expect(made.filter(isTimeout)).toEqual([]);
    expect(made.filter(postTo(IDS.modLog))).toHaveLength(1);
  });

  it("a 429 on the delete route is retried: the message is deleted exactly once", async () => {
    fake.failNext("DELETE /channels/:channelId/messages/:messageId", { status: 429, retryAfter: 0.05 });
    const { decision, messageId, calls } = await post(U.frank, "you are an idiot");
    expect(decision.outcomes.find((o) => o.action === "delete")?.status).toBe("done");
    const deletes = calls().filter(isDelete);
    expect(deletes.map((c) => c.status)).toEqual([429, 204]);
    expect(fake.model.messages.has(messageId)).toBe(false);
  });

  it("DMs closed: the warning falls back to a mention in the channel", async () => {
    fake.dmClosed(U.erin);
    const { decision, calls } = await post(U.erin, "you are an idiot");
    expect(decision.outcomes.find((o) => o.action === "warn")).toMatchObject({ status: "done" });
    const made = calls();
    expect(made.some((c) => c.status === 403 && c.route === "POST /channels/:channelId/messages")).toBe(true);
    const mention = made.find((c) => postTo(IDS.general)(c) && c.status === 200)!;
    expect((mention.body as { content: string }).content.startsWith(`<@${U.erin}>`)).toBe(true);
    expect((mention.body as { allowed_mentions: unknown }).allowed_mentions).toEqual({ users: [U.erin] });
  });

  it("refuses to act on the owner, a moderator and an administrator, before calling Discord", async () => {
    const since = fake.calls.length;
    for (const member of [IDS.owner, IDS.bob, U.carol]) {
      const outcome = await adapter.perform({ kind: "timeout", community: IDS.guild, member, durationMs: 60_000, reason: "" });
      expect(outcome.status).toBe("refused");
    }
    expect(await adapter.perform({ kind: "kick", community: IDS.guild, member: U.carol, reason: "" })).toMatchObject({ status: "refused", detail: expect.stringMatching(/administrator/) });
    expect(fake.calls.slice(since).filter((c) => c.method !== "GET")).toEqual([]);
  });

  it("a 5xx that outlasts discord.js's retries is a retryable failure", async () => {
    const id = "1100000000000008888";
    fake.failNext(`DELETE /channels/${IDS.general}/messages/${id}`, { status: 502, times: 20 });
    const outcome = await adapter.perform({ kind: "deleteMessage", community: IDS.guild, channel: IDS.general, message: id, reason: "" });
    expect(outcome).toMatchObject({ status: "failed", retryable: true });
  });

  it("an edit into an insult is judged as message.edited; an embed-only update is not an edit", async () => {
    const id = String(nextId++);
    const payload = fake.messageCreate({ id, guildId: IDS.guild, channelId: IDS.general, authorId: U.gina, content: "hello there" });
    await expect.poll(() => events.some((e) => e.type === "message.created" && e.message.id === id), { timeout: 3_000 }).toBe(true);
    const since = events.length;
    fake.dispatch("MESSAGE_UPDATE", { ...payload, embeds: [{ type: "rich", title: "preview" }] });
    const decided = decisionOn(id);
    fake.dispatch("MESSAGE_UPDATE", { ...payload, content: "you are an idiot", edited_timestamp: new Date().toISOString() });
    expect(await decided).toMatchObject({ status: "actioned", message: id });
    const edits = events.slice(since).filter((e) => e.type !== "message.deleted"); // the delete's echo may trail
    expect(edits.map((e) => e.type)).toEqual(["message.edited"]);
    expect(edits[0]).toMatchObject({ channel: IDS.general, message: { id, author: U.gina, text: "you are an idiot" } });
  });

  it("maps joins, leaves and reactions", async () => {
    const since = events.length;
    fake.memberAdd({ guildId: IDS.guild, user: { id: "1100000000000000777", username: "newbie" } });
    fake.reactionAdd({ guildId: IDS.guild, channelId: IDS.general, messageId: "1100000000000007777", userId: U.gina, emoji: "👍" });
    fake.dispatch("GUILD_MEMBER_REMOVE", { guild_id: IDS.guild, user: { id: "1100000000000000777", username: "newbie", discriminator: "0", avatar: null } });
    // (message.deleted echoes of earlier deletions may still trickle in)
    const seen = () => events.slice(since).filter((e) => !e.type.startsWith("message."));
    await expect.poll(() => seen().map((e) => e.type), { timeout: 3_000 }).toEqual(["member.joined", "reaction.added", "member.left"]);
    expect(seen()).toMatchObject([
      { community: IDS.guild, member: { id: "1100000000000000777", name: "newbie", avatar: false } },
      { channel: IDS.general, message: "1100000000000007777", member: U.gina, emoji: "👍" },
      { member: { id: "1100000000000000777" } },
    ]);
  });
});

describe("DiscordAdapter: login errors", () => {
  it("privileged intents not enabled (4014): start() rejects with DiscordLoginError naming the intents", async () => {
    const fake = await new FakeDiscord({ ...exampleSeed(), disallowedIntents: GatewayIntentBits.MessageContent }).start();
    const adapter = new DiscordAdapter({ token: fake.token, apiUrl: fake.apiUrl, logger: silentLogger });
    try {
      const err = await adapter.start(async () => {}).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(DiscordLoginError);
      expect((err as Error).message).toMatch(/privileged intents/);
      expect(fake.identifies).toHaveLength(1);
    } finally {
      await adapter.stop();
      await fake.stop();
    }
  });

  it("start() rejects with DiscordLoginError, without reconnecting", async () => {
    const fake = await new FakeDiscord(exampleSeed("the-right-token")).start();
    const adapter = new DiscordAdapter({ token: "a-wrong-token", apiUrl: fake.apiUrl, logger: silentLogger });
    try {
      const err = await adapter.start(async () => {}).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(DiscordLoginError);
      expect((err as Error).message).toMatch(/^Discord rejected the token \(DISCORD_TOKEN\): /);
      expect(fake.identifies).toHaveLength(0);
      expect(fake.calls).toHaveLength(1);
    } finally {
      await adapter.stop();
      await fake.stop();
    }
  });
});
