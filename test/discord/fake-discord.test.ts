/**
 * The fake Discord (test/fake-discord) driven by the real discord.js Client: login, READY/GUILD_CREATE caching,
 * dispatches, recorded REST moderation calls, 429 retry, bad token.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Client, DiscordjsErrorCodes, Events, MessageFlags, type Message } from "discord.js";
import { FakeDiscord, exampleSeed, IDS } from "../fake-discord/index.js";
import { DISCORD_INTENTS as INTENTS } from "../../src/platforms/discord/index.js";
import { nextEvent } from "../helpers/discord-client.js";

function makeClient(fake: FakeDiscord): Client {
  // The only option needed: the REST base. discord.js asks GET /gateway/bot for the WebSocket URL.
  return new Client({ intents: INTENTS, rest: { api: fake.apiUrl } });
}

describe("fake Discord with the real discord.js client", () => {
  const seed = exampleSeed();
  const fake = new FakeDiscord({ ...seed, heartbeatIntervalMs: 200 });
  let client: Client;

  beforeAll(async () => {
    await fake.start();
    client = makeClient(fake);
    const ready = nextEvent<Client<true>>(client, Events.ClientReady, 10_000);
    await client.login(seed.token);
    await ready;
  }, 15_000);

  afterAll(async () => {
    await client?.destroy();
    await fake.stop();
  });

  it("logs in through the fake: gateway/bot, IDENTIFY with the intents, READY, guild cached", () => {
    expect(fake.calls[0]).toMatchObject({ method: "GET", path: "/gateway/bot", status: 200 });
    expect(fake.calls[0]!.headers.authorization).toBeUndefined();
    expect(fake.identifies).toHaveLength(1);
    const expectedIntents = INTENTS.reduce((a, b) => a | b, 0);
    expect(fake.identifies[0]).toMatchObject({ intents: expectedIntents, tokenValid: true });

    expect(client.user?.id).toBe(IDS.bot);
    expect(client.application?.id).toBe(IDS.bot);
    const guild = client.guilds.cache.get(IDS.guild);
    expect(guild?.name).toBe("Steward Test Community");
    expect(guild?.ownerId).toBe(IDS.owner);
    expect(guild?.channels.cache.find((c) => c.name === "mod-log")?.id).toBe(IDS.modLog);
    expect(guild?.roles.cache.get(IDS.roleSteward)?.position).toBe(3);
    expect(guild?.roles.everyone.id).toBe(IDS.guild);
    expect(guild?.members.cache.get(IDS.alice)?.user.username).toBe("alice");
    expect(guild?.members.me?.roles.cache.has(IDS.roleSteward)).toBe(true);
    expect(guild?.members.me?.permissions.has("BanMembers")).toBe(true);
    expect(guild?.memberCount).toBe(4);
  });

  it("answers heartbeats", async () => {
    const deadline = Date.now() + 3_000;
    // The ACK reaches discord.js a moment after the fake counts the heartbeat: wait for both.
    while ((fake.heartbeats === 0 || client.ws.ping < 0) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(fake.heartbeats).toBeGreaterThan(0);
    expect(client.ws.ping).toBeGreaterThanOrEqual(0);
  });

  it("delivers a pushed MESSAGE_CREATE; message.delete() is a recorded DELETE", async () => {
    const received = nextEvent<Message>(client, Events.MessageCreate);
    const payload = fake.messageCreate({
      guildId: IDS.guild,
      channelId: IDS.general,
      authorId: IDS.alice,
      content: "hello <@" + IDS.bob + ">",
      mentions: [IDS.bob],
    });
    const message = await received;
    expect(message.id).toBe(payload.id);
    expect(message.content).toBe(`hello <@${IDS.bob}>`);
    expect(message.author.id).toBe(IDS.alice);
    expect(message.member?.roles.cache.has(IDS.roleMember)).toBe(true);
    expect(message.mentions.users.has(IDS.bob)).toBe(true);

    const deleted = nextEvent<Message>(client, Events.MessageDelete);
    await message.delete();
    const call = await fake.waitForCall("DELETE /channels/:channelId/messages/:messageId");
    expect(call).toMatchObject({
      path: `/channels/${IDS.general}/messages/${message.id}`,
      params: { channelId: IDS.general, messageId: message.id },
      status: 204,
    });
    expect((await deleted).id).toBe(message.id); // the echoed MESSAGE_DELETE
  });

  it("member.timeout() is a recorded PATCH with communication_disabled_until and an audit-log reason", async () => {
    const member = client.guilds.cache.get(IDS.guild)!.members.cache.get(IDS.alice)!;
    const before = Date.now();
    const updated = await member.timeout(60_000, "spam");
    const call = await fake.waitForCall("PATCH /guilds/:guildId/members/:userId");
    const until = Date.parse((call.body as { communication_disabled_until: string }).communication_disabled_until);
    expect(until).toBeGreaterThanOrEqual(before + 59_000);
    expect(until).toBeLessThanOrEqual(Date.now() + 61_000);
    expect(call.headers["x-audit-log-reason"]).toBe("spam");
    expect(updated.communicationDisabledUntilTimestamp).toBe(until);
    expect(fake.model.guilds.get(IDS.guild)!.members.get(IDS.alice)!.communicationDisabledUntil).not.toBeNull();
  });

  it("retries after a 429 on the delete route: called twice, deleted once", async () => {
    const payload = fake.messageCreate({ guildId: IDS.guild, channelId: IDS.general, authorId: IDS.bob, content: "x" });
    const channel = client.channels.cache.get(IDS.general);
    if (!channel?.isTextBased()) throw new Error("general is not cached as a text channel");
    fake.failNext("DELETE /channels/:channelId/messages/:messageId", { status: 429, retryAfter: 0.05 });
    const since = fake.calls.length;
    const rateLimited = new Promise<unknown>((resolve) => client.rest.once("rateLimited", resolve));
    await channel.messages.delete(payload.id as string);
    const deletes = fake.calls.slice(since).filter((c) => c.route?.startsWith("DELETE /channels/"));
    expect(deletes.map((c) => c.status)).toEqual([429, 204]);
    expect(deletes[1]!.at - deletes[0]!.at).toBeGreaterThanOrEqual(40);
    const info = (await rateLimited) as { retryAfter: number; global: boolean; method: string };
    expect(info).toMatchObject({ global: false, method: "DELETE" });
    expect(info.retryAfter).toBeGreaterThanOrEqual(50); // 0.05 s from retry-after plus discord.js's offset
    expect(fake.model.messages.has(payload.id as string)).toBe(false);
  });

  it("a global 429 (x-ratelimit-global) is waited out and retried", async () => {
    fake.failNext("GET /users/:userId", { status: 429, retryAfter: 0.05, global: true });
    const since = fake.calls.length;
    const user = await client.users.fetch(IDS.alice, { force: true });
    expect(user.username).toBe("alice");
    const fetches = fake.calls.slice(since).filter((c) => c.route === "GET /users/:userId");
    expect(fetches.map((c) => c.status)).toEqual([429, 200]);
  });

  it("retries a 500 and surfaces DM-closed as DiscordAPIError 50007", async () => {
    fake.failNext("GET /guilds/:guildId/members/:userId", { status: 500 });
    const since = fake.calls.length;
    const bob = await client.guilds.cache.get(IDS.guild)!.members.fetch({ user: IDS.bob, force: true });
    expect(bob.id).toBe(IDS.bob);
    expect(fake.calls.slice(since).map((c) => c.status)).toEqual([500, 200]);

    fake.dmClosed(IDS.alice);
    const alice = await client.users.fetch(IDS.alice);
    await expect(alice.send("you were warned")).rejects.toMatchObject({ code: 50007, status: 403 });
    await fake.waitForCall("POST /users/@me/channels");
    const send = await fake.waitForCall((c) => c.method === "POST" && c.path.startsWith("/channels/") && c.status === 403);
    expect(send.body).toMatchObject({ content: "you were warned" });
  });

  it("slash command interaction → recorded callback; bulk overwrite stores commands", async () => {
    const commands = await client.guilds.cache
      .get(IDS.guild)!
      .commands.set([{ name: "warn", description: "Warn a member", options: [] }]);
    expect(commands.first()?.name).toBe("warn");
    expect(fake.model.guilds.get(IDS.guild)!.commands).toHaveLength(1);

    const handled = new Promise<void>((resolve, reject) => {
      client.once(Events.InteractionCreate, (interaction) => {
        if (!interaction.isChatInputCommand()) return reject(new Error("not a chat input command"));
        expect(interaction.commandName).toBe("warn");
        expect(interaction.member?.user.id).toBe(IDS.bob);
        interaction.reply({ content: "warned", flags: MessageFlags.Ephemeral }).then(() => resolve(), reject);
      });
    });
    const { id, token } = fake.interactionCreate({
      type: 2,
      guildId: IDS.guild,
      channelId: IDS.general,
      userId: IDS.bob,
      name: "warn",
    });
    await handled;
    const callback = await fake.waitForCall("POST /interactions/:id/:token/callback");
    expect(callback.path).toBe(`/interactions/${id}/${token}/callback`);
    expect(callback.body).toMatchObject({ type: 4, data: { content: "warned", flags: 64 } });
  });

  it("roles, kick and ban (delete_message_seconds) are recorded and applied", async () => {
    const guild = client.guilds.cache.get(IDS.guild)!;
    const since = fake.calls.length;
    await guild.members.addRole({ user: IDS.alice, role: IDS.roleModerator });
    await guild.members.removeRole({ user: IDS.alice, role: IDS.roleModerator });
    await guild.members.kick(IDS.owner, "test kick");
    await guild.members.ban(IDS.bob, { deleteMessageSeconds: 3_600, reason: "raid" });
    await guild.members.unban(IDS.bob);
    const routes = fake.calls.slice(since).map((c) => `${c.route} ${c.status}`);
    expect(routes).toEqual([
      "PUT /guilds/:guildId/members/:userId/roles/:roleId 204",
      "DELETE /guilds/:guildId/members/:userId/roles/:roleId 204",
      "DELETE /guilds/:guildId/members/:userId 204",
      "PUT /guilds/:guildId/bans/:userId 204",
      "DELETE /guilds/:guildId/bans/:userId 204",
    ]);
    const ban = fake.callsTo("PUT /guilds/:guildId/bans/:userId")[0]!;
    expect(ban.body).toEqual({ delete_message_seconds: 3_600 });
    expect(ban.headers["x-audit-log-reason"]).toBe("raid");
    const model = fake.model.guilds.get(IDS.guild)!;
    expect(model.members.has(IDS.owner)).toBe(false);
    expect(model.members.has(IDS.bob)).toBe(false);
    expect(model.bans.has(IDS.bob)).toBe(false);
  });

  it("delivers GUILD_MEMBER_ADD and MESSAGE_REACTION_ADD", async () => {
    const joined = nextEvent<{ id: string; guild: { id: string } }>(client, Events.GuildMemberAdd);
    fake.memberAdd({ guildId: IDS.guild, user: { id: "1100000000000000777", username: "newbie" } });
    expect(await joined).toMatchObject({ id: "1100000000000000777", guild: { id: IDS.guild } });

    const received = nextEvent<Message>(client, Events.MessageCreate);
    const payload = fake.messageCreate({ guildId: IDS.guild, channelId: IDS.general, authorId: "1100000000000000777", content: "hi all" });
    await received;
    const reacted = nextEvent<{ emoji: { name: string }; message: { id: string } }>(client, Events.MessageReactionAdd);
    fake.reactionAdd({ guildId: IDS.guild, channelId: IDS.general, messageId: payload.id as string, userId: IDS.alice, emoji: "👍" });
    expect(await reacted).toMatchObject({ emoji: { name: "👍" }, message: { id: payload.id } });
  });

  it("button interaction: deferUpdate then a followup through the webhook route", async () => {
    const handled = new Promise<void>((resolve, reject) => {
      client.once(Events.InteractionCreate, (interaction) => {
        if (!interaction.isButton()) return reject(new Error("not a button"));
        expect(interaction.customId).toBe("appeal:123");
        interaction
          .deferUpdate()
          .then(() => interaction.followUp({ content: "appeal received", flags: MessageFlags.Ephemeral }))
          .then(() => resolve(), reject);
      });
    });
    const { token } = fake.interactionCreate({
      type: 3,
      guildId: IDS.guild,
      channelId: IDS.general,
      userId: IDS.alice,
      customId: "appeal:123",
    });
    await handled;
    const callback = await fake.waitForCall((c) => c.path.includes(token) && c.path.endsWith("/callback"));
    expect(callback.body).toMatchObject({ type: 6 });
    const followup = await fake.waitForCall("POST /webhooks/:applicationId/:token");
    expect(followup.path).toBe(`/webhooks/${IDS.bot}/${token}`);
    expect(followup.body).toMatchObject({ content: "appeal received", flags: 64 });
  });

  it("members.fetch() is answered over the gateway (op 8 → GUILD_MEMBERS_CHUNK)", async () => {
    const members = await client.guilds.cache.get(IDS.guild)!.members.fetch();
    expect(members.has(IDS.alice)).toBe(true);
    expect(fake.gatewayReceived.some((p) => p.op === 8)).toBe(true);
  });

  it("a 4000 close makes discord.js RESUME on the same session", async () => {
    const resumed = nextEvent<number>(client, Events.ShardResume, 5_000);
    fake.disconnectGateway(4000);
    await resumed;
    expect(fake.gatewayReceived.some((p) => p.op === 6)).toBe(true);
    expect(fake.identifies).toHaveLength(1);
    // still receiving after the resume
    const received = nextEvent<Message>(client, Events.MessageCreate);
    fake.messageCreate({ guildId: IDS.guild, channelId: IDS.general, authorId: IDS.alice, content: "after resume" });
    expect((await received).content).toBe("after resume");
  });

  it("unknown routes answer 404 with Discord's error shape", async () => {
    await expect(client.rest.get("/no/such/route")).rejects.toMatchObject({ status: 404, code: 0 });
    expect(fake.calls.at(-1)).toMatchObject({ route: null, status: 404 });
  });
});

describe("fake Discord: bad token", () => {
  it("login rejects with TokenInvalid quickly and without reconnecting", async () => {
    const fake = await new FakeDiscord(exampleSeed("the-right-token")).start();
    const client = makeClient(fake);
    const started = Date.now();
    try {
      await expect(client.login("a-wrong-token")).rejects.toMatchObject({ code: DiscordjsErrorCodes.TokenInvalid });
      expect(Date.now() - started).toBeLessThan(3_000);
      expect(fake.calls).toHaveLength(1);
      expect(fake.calls[0]).toMatchObject({ path: "/gateway/bot", status: 401 });
      expect(fake.identifies).toHaveLength(0);
    } finally {
      await client.destroy();
      await fake.stop();
    }
  });
});
