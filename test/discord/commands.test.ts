/**
 * Moderator commands on Discord end to end: the real discord.js client against the fake Discord,
 * the Discord adapter (registration, interactions, rendering) and the real pipeline on PGlite.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DiscordAdapter, DiscordSettingsProvider } from "../../src/platforms/discord/index.js";
import { Pipeline, type DecisionRecord } from "../../src/core/pipeline.js";
import { GuidelineLibrary, defaultRulesDir } from "../../src/guidelines/library.js";
import { openMemoryStore, type Store } from "../../src/store/index.js";
import { PrismaPersistence } from "../../src/store/pipeline-writer.js";
import { silentLogger } from "../../src/log.js";
import { FakeDiscord, IDS, PERMS, exampleSeed, type RecordedCall } from "../fake-discord/index.js";

const U = {
  carol: "1100000000000000013", // Admin role
  dave: "1100000000000000014",
  frank: "1100000000000000016",
  gina: "1100000000000000017",
  hank: "1100000000000000018",
  jack: "1100000000000000020",
  ivy: "1100000000000000019", // Helper: Manage Messages and Kick Members, but not Ban Members
  roleAdmin: "1100000000000000104",
  roleHelper: "1100000000000000105",
  roleRegular: "1100000000000000106",
} as const;

function seed() {
  const s = exampleSeed();
  const guild = s.guilds![0]!;
  const basic = PERMS.ViewChannel | PERMS.SendMessages | PERMS.ReadMessageHistory;
  guild.roles!.push({ id: U.roleAdmin, name: "Admin", permissions: basic | PERMS.Administrator, position: 1 });
  // Role order, low to high: Member/Admin 1, Helper 2, Regular 3, Moderator 4 (can ban here), Steward 5.
  guild.roles!.push({ id: U.roleHelper, name: "Helper", permissions: basic | PERMS.ManageMessages | PERMS.KickMembers, position: 2 });
  guild.roles!.push({ id: U.roleRegular, name: "Regular", permissions: basic, position: 3 });
  const moderator = guild.roles!.find((r) => r.id === IDS.roleModerator)!;
  moderator.position = 4;
  moderator.permissions = BigInt(moderator.permissions) | PERMS.BanMembers;
  guild.roles!.find((r) => r.id === IDS.roleSteward)!.position = 5;
  guild.members!.push(
    { user: { id: U.carol, username: "carol" }, roles: [IDS.roleMember, U.roleAdmin] },
    { user: { id: U.dave, username: "dave" }, roles: [IDS.roleMember] },
    { user: { id: U.frank, username: "frank" }, roles: [IDS.roleMember] },
    { user: { id: U.gina, username: "gina" }, roles: [IDS.roleMember, U.roleRegular] },
    { user: { id: U.hank, username: "hank" }, roles: [IDS.roleMember] },
    { user: { id: U.ivy, username: "ivy" }, roles: [IDS.roleMember, U.roleHelper] },
    { user: { id: U.jack, username: "jack" }, roles: [IDS.roleMember] },
  );
  return { ...s, heartbeatIntervalMs: 500 };
}

interface Embed {
  title?: string;
  description?: string;
  fields?: { name: string; value: string }[];
}
interface Answer {
  embed: Embed;
  text: string;
  components: { components: { custom_id: string; label: string }[] }[];
  /** How it was answered: 4 = at once, 5 = deferred then edited. */
  callbackType: number;
  flags: number;
}

const BAN = "PUT /guilds/:guildId/bans/:userId";

/** The store, with writes that can be made slow (to see a command answer deferred). */
class SlowablePersistence extends PrismaPersistence {
  delayMs = 0;
  override async write(b: Parameters<PrismaPersistence["write"]>[0]): Promise<void> {
    if (this.delayMs) await new Promise((r) => setTimeout(r, this.delayMs));
    return super.write(b);
  }
}

describe("moderator commands on Discord", () => {
  const fake = new FakeDiscord(seed());
  let store: Store;
  let adapter: DiscordAdapter;
  let pipeline: Pipeline;
  let library: GuidelineLibrary;
  let persistence: SlowablePersistence;
  const decisions = new Map<string, (d: DecisionRecord) => void>();

  beforeAll(async () => {
    await fake.start();
    store = await openMemoryStore();
    library = await GuidelineLibrary.load(defaultRulesDir());
    adapter = new DiscordAdapter({ token: fake.token, apiUrl: fake.apiUrl, logger: silentLogger });
    persistence = new SlowablePersistence(store.prisma);
    pipeline = new Pipeline({
      adapter,
      persistence,
      settings: new DiscordSettingsProvider(),
      library,
      logger: silentLogger,
      onDecision: (d) => decisions.get(d.message)?.(d),
    });
    await adapter.start((e) => pipeline.handle(e));
    await adapter.commandsRegistered;
  }, 30_000);

  afterAll(async () => {
    await adapter?.stop();
    await pipeline?.flush();
    await store?.close();
    await fake.stop();
  });

  /** Waits for the answer to an interaction: the callback, and for a deferred one the edit of @original. */
  async function answerTo(sent: { id: string; token: string }): Promise<Answer> {
    const callback = await fake.waitForCall((c) => c.route === "POST /interactions/:interactionId/:interactionToken/callback" && c.params.interactionId === sent.id, 10_000);
    const body = callback.body as { type: number; data?: Record<string, unknown> };
    let data = body.data ?? {};
    if (body.type === 5) {
      const edit = await fake.waitForCall((c) => c.method === "PATCH" && c.path.includes(`/webhooks/`) && c.params.interactionToken === sent.token, 10_000);
      data = edit.body as Record<string, unknown>;
    }
    const embed = ((data.embeds as Embed[] | undefined) ?? [])[0] ?? {};
    const text = [embed.title, embed.description, ...(embed.fields ?? []).map((f) => `${f.name}: ${f.value}`)].filter(Boolean).join("\n");
    const flags = body.type === 5 ? Number((body.data ?? {}).flags ?? 0) : Number(data.flags ?? 0);
    return { embed, text, components: (data.components as Answer["components"]) ?? [], callbackType: body.type, flags };
  }

  type Opt = { name: string; type: number; value: string | number | boolean };
  const user = (name: string, value: string): Opt => ({ name, type: 6, value });
  const str = (name: string, value: string): Opt => ({ name, type: 3, value });
  const int = (name: string, value: number): Opt => ({ name, type: 4, value });

  function slash(userId: string, name: string, options: Opt[], sub?: string) {
    return fake.interactionCreate({
      type: 2,
      guildId: IDS.guild,
      channelId: IDS.general,
      userId,
      name,
      options: sub ? [{ type: 1, name: sub, options }] : options,
    });
  }

  async function run(userId: string, name: string, options: Opt[] = [], sub?: string): Promise<Answer & { since: number }> {
    const since = fake.calls.length;
    const a = await answerTo(slash(userId, name, options, sub));
    return { ...a, since };
  }

  /** Posts a message; `decision` resolves with the pipeline's decision, or null when there is none within 3 s. */
  async function post(author: string, content: string): Promise<{ id: string; decision: Promise<DecisionRecord | null> }> {
    const id = String(BigInt(Date.now()) << 22n | BigInt(Math.floor(Math.random() * 4000)));
    const decision = new Promise<DecisionRecord | null>((resolve) => {
      const timer = setTimeout(() => resolve(null), 3_000);
      decisions.set(id, (d) => {
        clearTimeout(timer);
        resolve(d);
      });
    });
    fake.messageCreate({ id, guildId: IDS.guild, channelId: IDS.general, authorId: author, content });
    return { id, decision };
  }

  it("registers the commands in the guild on start: slash commands, subcommands and the context menus", () => {
    const puts = fake.callsTo("PUT /applications/:applicationId/guilds/:guildId/commands");
    expect(puts).toHaveLength(1);
    const body = puts[0]!.body as { name: string; type: number; default_member_permissions: string | null; options?: { name: string; type: number }[] }[];
    const names = body.map((c) => `${c.type}:${c.name}`).sort();
    expect(names).toEqual(
      ["ban", "case", "history", "kick", "link", "purge", "raid", "review", "rules", "strikes", "testimonial", "timeout", "unban", "untimeout", "warn"]
        .map((n) => `1:${n}`)
        .concat(["2:Moderation history", "3:Report to moderators", "3:Capture testimonial", "3:Submit as testimonial"])
        .sort(),
    );
    const byName = new Map(body.map((c) => [c.name, c]));
    expect(byName.get("ban")!.default_member_permissions).toBe(String(PERMS.ManageMessages));
    expect(byName.get("Report to moderators")!.default_member_permissions).toBeNull();
    expect(byName.get("case")!.options!.map((o) => `${o.type}:${o.name}`)).toEqual(["1:show", "1:reason", "1:note"]);
  });

  it("a second start with the same commands makes no PUT (only the GET that compares)", async () => {
    const since = fake.calls.length;
    const second = new DiscordAdapter({ token: fake.token, apiUrl: fake.apiUrl, logger: silentLogger });
    try {
      await second.start(async () => {});
      await second.commandsRegistered;
      const made = fake.calls.slice(since).filter((c) => c.route?.includes("/commands"));
      expect(made.map((c) => c.method)).toEqual(["GET"]);
    } finally {
      await second.stop();
    }
  }, 20_000);

  it("a changed command list is registered again (PUT) on the next start", async () => {
    const guild = fake.model.guilds.get(IDS.guild)!;
    const warn = guild.commands.find((c) => c.name === "warn")!;
    warn.description = "an older description";
    const since = fake.calls.length;
    const again = new DiscordAdapter({ token: fake.token, apiUrl: fake.apiUrl, logger: silentLogger });
    try {
      await again.start(async () => {});
      await again.commandsRegistered;
      const made = fake.calls.slice(since).filter((c) => c.route?.includes("/commands"));
      expect(made.map((c) => c.method)).toEqual(["GET", "PUT"]);
      expect(guild.commands.find((c) => c.name === "warn")!.description).not.toBe("an older description");
    } finally {
      await again.stop();
    }
  }, 20_000);

  it("an answer that takes longer than 2 s is deferred, then edited in", async () => {
    await post(U.gina, "just chatting"); // something to write before the command runs
    persistence.delayMs = 2_500;
    try {
      const a = await run(IDS.bob, "rules", [str("text", "hello friends")], "test"); // not a slow command: normally answered at once
      expect(a.callbackType).toBe(5);
      expect(a.flags & 64).toBe(64);
      expect(a.embed.title).toBe("No rule matches");
    } finally {
      persistence.delayMs = 0;
    }
  }, 15_000);

  it("a non-moderator's /ban is refused on the server side: no ban call", async () => {
    const a = await run(U.dave, "ban", [user("member", U.frank), str("reason", "I don't like him")]);
    expect(a.embed.title).toBe("Not allowed");
    expect(a.text).toContain("/ban is for moderators");
    expect(a.flags & 64).toBe(64); // ephemeral
    expect(fake.calls.slice(a.since).filter((c) => c.route === BAN)).toEqual([]);
  });

  it("a moderator banning an administrator is refused: no ban call", async () => {
    const a = await run(IDS.bob, "ban", [user("member", U.carol)]);
    expect(a.embed.title).toBe("Not done");
    expect(a.text).toContain("the member is an administrator");
    expect(fake.calls.slice(a.since).filter((c) => c.route === BAN)).toEqual([]);
    expect(fake.model.guilds.get(IDS.guild)!.bans.has(U.carol)).toBe(false);
    const owner = await run(IDS.bob, "kick", [user("member", IDS.owner)]);
    expect(owner.text).toContain("the member owns the server");
    expect(fake.calls.slice(owner.since).filter((c) => c.route === "DELETE /guilds/:guildId/members/:userId")).toEqual([]);
  });

  it("Steward lends no powers Discord did not give: a moderator without Ban Members cannot /ban, nor kick someone ranked above them", async () => {
    const ban = await run(U.ivy, "ban", [user("member", U.dave)]);
    expect(ban.text).toContain("You cannot ban <@1100000000000000014> through Steward: you do not have the Ban Members permission in this server");
    expect(fake.calls.slice(ban.since).filter((c) => c.route === BAN)).toEqual([]);
    const kick = await run(U.ivy, "kick", [user("member", U.gina)]);
    expect(kick.text).toContain("their highest role (Regular) is at or above yours (Helper)");
    expect(fake.calls.slice(kick.since).filter((c) => c.route === "DELETE /guilds/:guildId/members/:userId")).toEqual([]);
    const allowed = await run(U.ivy, "kick", [user("member", U.jack), str("reason", "spam")]);
    expect(allowed.text).toContain(`Kicked <@${U.jack}>`);
    expect(fake.calls.slice(allowed.since).filter((c) => c.route === "DELETE /guilds/:guildId/members/:userId").map((c) => c.params.userId)).toEqual([U.jack]);
  });

  it("a moderator's /ban: the PUT ban call, a manual case in /case show and /history", async () => {
    const a = await run(IDS.bob, "ban", [user("member", U.hank), str("reason", "selling accounts")]);
    expect(a.embed.title).toMatch(/^Case #(\d+) · ban$/);
    const n = Number(/#(\d+)/.exec(a.embed.title!)![1]);
    const ban = fake.calls.slice(a.since).find((c) => c.route === BAN)!;
    expect(ban.path).toBe(`/guilds/${IDS.guild}/bans/${U.hank}`);
    expect(decodeURIComponent(ban.headers["x-audit-log-reason"]!)).toBe(`Case #${n}: selling accounts (by bob)`);
    // told before the ban, and the mod log heard of it
    expect(fake.calls.slice(a.since).findIndex((c) => c.route === "POST /users/@me/channels")).toBeLessThan(fake.calls.slice(a.since).indexOf(ban));
    const modLog = fake.calls.slice(a.since).find((c) => c.method === "POST" && c.path === `/channels/${IDS.modLog}/messages`)!;
    expect((modLog.body as { embeds: Embed[] }).embeds[0]!.title).toBe(`Case #${n} · manual/ban`);

    const shown = await run(IDS.bob, "case", [int("number", n)], "show");
    expect(shown.text).toContain(`Case #${n}`);
    expect(shown.text).toContain(`Origin: manual ban by <@${IDS.bob}>`);
    expect(shown.text).toContain(`Member: <@${U.hank}>`);
    expect(shown.text).toContain("Reason: selling accounts");
    expect(shown.callbackType).toBe(5); // reads the store: deferred
    const hist = await run(IDS.bob, "history", [user("member", U.hank)]);
    expect(hist.text).toMatch(new RegExp(`#${n} · .* · manual ban by <@${IDS.bob}> · actioned · selling accounts`));
  });

  it("/warn: a DM to the member, a case and a strike", async () => {
    const a = await run(IDS.bob, "warn", [user("member", U.frank), str("reason", "no spoilers please")]);
    expect(a.embed.title).toMatch(/^Case #\d+ · warn$/);
    expect(a.text).toContain("Strikes: +1 (now 1 active)");
    const made = fake.calls.slice(a.since);
    expect(made.find((c) => c.route === "POST /users/@me/channels")?.body).toEqual({ recipient_id: U.frank });
    const dm = made.find((c) => c.route === "POST /channels/:channelId/messages" && ![IDS.general, IDS.modLog].includes(c.params.channelId as never))!;
    expect((dm.body as { content: string }).content).toMatch(/^A moderator warned you\. Reason: no spoilers please \(case #\d+\)$/);
    const strikes = await run(IDS.bob, "strikes", [user("member", U.frank)], "show");
    expect(strikes.text).toContain("Total: 1 active");
  });

  it("/purge: one bulk delete of the channel's last messages", async () => {
    const ids: string[] = [];
    for (const text of ["one", "two", "three"]) {
      const p = await post(U.gina, `hello ${text}`);
      ids.push(p.id);
    }
    await expect.poll(() => ids.every((id) => fake.model.messages.has(id))).toBe(true);
    await new Promise((r) => setTimeout(r, 100)); // the pipeline has seen them
    const a = await run(IDS.bob, "purge", [int("count", 3), user("member", U.gina)]);
    expect(a.text).toContain("deleted 3 messages");
    const bulk = fake.calls.slice(a.since).find((c) => c.route === "POST /channels/:channelId/messages/bulk-delete")!;
    expect(bulk.path).toBe(`/channels/${IDS.general}/messages/bulk-delete`);
    expect([...(bulk.body as { messages: string[] }).messages].sort()).toEqual([...ids].sort());
    expect(ids.some((id) => fake.model.messages.has(id))).toBe(false);
  });

  it("/review: a held message is rejected (deleted) with /review reject and another approved with its button", async () => {
    const first = await post(U.gina, "read this hxxp://totally-legit[.]example/offer");
    const d1 = (await first.decision)!;
    expect(d1.actions).toContain("hold");
    const second = await post(U.dave, "see hxxp://another-site[.]example/page");
    const d2 = (await second.decision)!;
    expect(d2.actions).toContain("hold");
    expect(fake.model.messages.has(first.id)).toBe(true); // held, not deleted

    const list = await run(IDS.bob, "review", [], "list");
    const titles = (list.embed.fields ?? []).map((f) => f.name);
    expect(titles).toEqual([expect.stringMatching(new RegExp(`held message · case #${d1.case}$`)), expect.stringMatching(new RegExp(`held message · case #${d2.case}$`))]);
    const [item1, item2] = titles.map((t) => /^Item (\d+)/.exec(t)![1]!);

    const rejected = await run(IDS.bob, "review", [str("item", item1!)], "reject");
    expect(rejected.text).toContain(`Rejected: the message was deleted (case #${d1.case})`);
    expect(fake.calls.slice(rejected.since).some((c) => c.method === "DELETE" && c.path === `/channels/${IDS.general}/messages/${first.id}`)).toBe(true);

    const approve = list.components[1]!.components.find((b) => b.label === `Approve ${item2}`)!;
    const since = fake.calls.length;
    const pressed = fake.interactionCreate({ type: 3, guildId: IDS.guild, channelId: IDS.general, userId: IDS.bob, customId: approve.custom_id, messageId: "1100000000000006000" });
    const approved = await answerTo(pressed);
    expect(approved.text).toContain("Approved: the message stays.");
    expect(approved.text).toContain(`Case #${d2.case} reverted`);
    expect(fake.calls.slice(since).some((c) => c.method === "DELETE" && c.path.endsWith(second.id))).toBe(false);
    expect(fake.model.messages.has(second.id)).toBe(true);
  });

  it("/rules test shows the matched rule", async () => {
    const a = await run(IDS.bob, "rules", [str("text", "you are an idiot")], "test");
    expect(a.embed.title).toMatch(/rules? match/);
    expect(a.embed.description).toMatch(/«[^»]*idiot»/);
    expect((a.embed.fields ?? []).map((f) => f.name)).toContain("respect/insult-at-person");
  });

  it("Report to moderators (message menu): a mod-log post naming reporter and author; the reporter gets an ephemeral thank-you", async () => {
    const reported = await post(U.dave, "anyone want cheap followers? dm me");
    await reported.decision; // may or may not match a rule
    const since = fake.calls.length;
    const sent = fake.interactionCreate({ type: 2, commandType: 3, name: "Report to moderators", targetId: reported.id, guildId: IDS.guild, channelId: IDS.general, userId: U.gina });
    const a = await answerTo(sent);
    expect(a.text).toContain("the moderators have been told");
    expect(a.flags & 64).toBe(64);
    const modLog = fake.calls.slice(since).find((c) => c.method === "POST" && c.path === `/channels/${IDS.modLog}/messages`)!;
    const embed = (modLog.body as { embeds: Embed[] }).embeds[0]!;
    expect(embed.description).toContain(`Report by <@${U.gina}>: message by <@${U.dave}> in <#${IDS.general}>`);
    expect(embed.description).toContain("cheap followers");
  });

  it("Moderation history (user menu) shows a member's cases", async () => {
    const sent = fake.interactionCreate({ type: 2, commandType: 2, name: "Moderation history", targetId: U.frank, guildId: IDS.guild, channelId: IDS.general, userId: IDS.bob });
    const a = await answerTo(sent);
    expect(a.embed.title).toBe("History of frank (1100000000000000016)");
    expect(a.text).toMatch(/manual warn by <@\d+> · actioned · 1 strike · no spoilers please/);
  });
});
