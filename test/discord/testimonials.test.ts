/**
 * Testimonials on Discord end to end: the real discord.js client against the fake Discord, the
 * Discord adapter and the real pipeline on an in-memory store. A moderator's ⭐ (or the
 * "Capture testimonial" menu) DMs the author the quote with three buttons; the author's press in
 * the DM (no guild) records the consent and updates the DM; /testimonial withdraw takes it back.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DiscordAdapter, DiscordSettingsProvider } from "../../src/platforms/discord/index.js";
import { Pipeline } from "../../src/core/pipeline.js";
import { GuidelineLibrary, defaultRulesDir } from "../../src/guidelines/library.js";
import { openMemoryStore, type Store } from "../../src/store/index.js";
import { PrismaPersistence } from "../../src/store/pipeline-writer.js";
import { testimonialsForExport } from "../../src/store/testimonials.js";
import { exportable } from "../../src/testimonials/export.js";
import { silentLogger } from "../../src/log.js";
import { FakeDiscord, IDS, PERMS, exampleSeed, type RecordedCall } from "../fake-discord/index.js";

const DAVE = "1100000000000000014"; // a member without moderator permissions

interface Button {
  custom_id: string;
  label: string;
  style: number;
  disabled?: boolean;
}
interface SentMessage {
  content: string;
  components?: { components: Button[] }[];
}

const CALLBACK = "POST /interactions/:interactionId/:interactionToken/callback";

describe("testimonials on Discord", () => {
  const seed = exampleSeed();
  seed.guilds![0]!.members!.push({ user: { id: DAVE, username: "dave" }, roles: [IDS.roleMember] });
  const fake = new FakeDiscord({ ...seed, heartbeatIntervalMs: 500 });
  let store: Store;
  let adapter: DiscordAdapter;
  let pipeline: Pipeline;

  beforeAll(async () => {
    await fake.start();
    store = await openMemoryStore();
    const settings = new DiscordSettingsProvider();
    adapter = new DiscordAdapter({ token: fake.token, apiUrl: fake.apiUrl, logger: silentLogger, communitySettings: (c) => settings.get(c) });
    pipeline = new Pipeline({ adapter, persistence: new PrismaPersistence(store.prisma), settings, library: await GuidelineLibrary.load(defaultRulesDir()), logger: silentLogger });
    await adapter.start((e) => pipeline.handle(e));
    await adapter.commandsRegistered;
  }, 30_000);

  afterAll(async () => {
    await adapter?.stop();
    await pipeline?.flush();
    await store?.close();
    await fake.stop();
  });

  const post = (author: string, content: string) => fake.messageCreate({ guildId: IDS.guild, channelId: IDS.general, authorId: author, content }).id as string;
  const star = (messageId: string, userId: string) => fake.reactionAdd({ guildId: IDS.guild, channelId: IDS.general, messageId, userId, emoji: "⭐" });

  /** The next message Steward sends in the user's DM channel (after call number `since`). */
  async function nextDm(userId: string, since: number): Promise<RecordedCall & { body: SentMessage }> {
    const call = await fake.waitForCall((c) => c.route === "POST /channels/:channelId/messages" && c.params.channelId === fake.dmChannelOf(userId), 5_000, since);
    return call as RecordedCall & { body: SentMessage };
  }

  const buttonsOf = (m: SentMessage) => (m.components ?? []).flatMap((r) => r.components);

  async function consented() {
    return exportable(await testimonialsForExport(store.prisma, IDS.guild));
  }

  it("registers /testimonial withdraw|edit and the moderators' message menu Capture testimonial", () => {
    const put = fake.callsTo("PUT /applications/:applicationId/guilds/:guildId/commands").at(-1)!;
    const body = put.body as { name: string; type: number; default_member_permissions: string | null; options?: { name: string }[] }[];
    const slash = body.find((c) => c.type === 1 && c.name === "testimonial")!;
    expect(slash.options!.map((o) => o.name)).toEqual(["withdraw", "edit"]);
    expect(slash.default_member_permissions).toBeNull(); // withdraw is for every member
    const menu = body.find((c) => c.type === 3 && c.name === "Capture testimonial")!;
    expect(menu.default_member_permissions).toBe(String(PERMS.ManageMessages));
  });

  it("a moderator's ⭐ DMs the author the exact quote with three buttons; the press in the DM records the consent", async () => {
    const since = fake.calls.length;
    const message = post(IDS.alice, "The jute bag I bought is great, love the quality!");
    star(message, IDS.bob);
    const dm = await nextDm(IDS.alice, since);
    expect(dm.body.content).toContain("> The jute bag I bought is great, love the quality!");
    const buttons = buttonsOf(dm.body);
    expect(buttons.map((b) => b.label)).toEqual(["Publish with my name", "Publish anonymously", "Don't publish"]);
    expect(buttons.map((b) => b.custom_id)).toEqual(["named", "anonymous", "declined"].map((c) => `steward:testimonial:${IDS.guild}:${message}:${c}`));
    expect(await consented()).toEqual([]);

    const dmMessage = [...fake.model.messages.values()].filter((m) => m.channelId === dm.params.channelId).at(-1)!;
    const press = fake.dmButtonPress({ userId: IDS.alice, messageId: dmMessage.id, customId: buttons[0]!.custom_id });
    const callback = await fake.waitForCall((c) => c.route === CALLBACK && c.params.interactionId === press.id);
    const update = callback.body as { type: number; data: SentMessage };
    expect(update.type).toBe(7); // the DM itself is updated
    expect(update.data.content).toContain("Thank you! Your message may be published with your name.");
    expect(buttonsOf(update.data).every((b) => b.disabled)).toBe(true);

    expect(await consented()).toMatchObject([{ message, quote: "The jute bag I bought is great, love the quality!", author: "Alice", attribution: "named" }]);
  });

  it("a member's ⭐ asks nothing; a moderator's ⭐ after it does", async () => {
    const since = fake.calls.length;
    const message = post(IDS.alice, "Delivery was fast and the kurti fits perfectly, thank you");
    star(message, DAVE);
    star(message, IDS.bob);
    const dm = await nextDm(IDS.alice, since);
    expect(dm.body.content).toContain("> Delivery was fast and the kurti fits perfectly, thank you");
    const dms = fake.calls.slice(since).filter((c) => c.route === "POST /channels/:channelId/messages");
    expect(dms).toHaveLength(1);
  });

  it("Capture testimonial on a member's message answers the moderator and DMs the author as a ⭐ does", async () => {
    const message = post(IDS.alice, "Best customer service I have had in years");
    const since = fake.calls.length;
    const menu = fake.interactionCreate({ type: 2, commandType: 3, name: "Capture testimonial", guildId: IDS.guild, channelId: IDS.general, userId: IDS.bob, targetId: message });
    const callback = await fake.waitForCall((c) => c.route === CALLBACK && c.params.interactionId === menu.id, 5_000, since);
    const answer = callback.body as { data: { embeds: { description: string }[]; flags: number } };
    expect(answer.data.embeds[0]!.description).toContain(`Asking <@${IDS.alice}> by direct message`);
    expect(answer.data.flags & 64).toBe(64); // only the moderator sees it
    const dm = await nextDm(IDS.alice, since);
    expect(dm.body.content).toContain("> Best customer service I have had in years");
    expect(buttonsOf(dm.body).map((b) => b.custom_id.split(":").at(-1))).toEqual(["named", "anonymous", "declined"]);
  });

  it("Capture testimonial by a member is refused and asks nothing", async () => {
    const message = post(IDS.alice, "Your shop is wonderful");
    const since = fake.calls.length;
    const menu = fake.interactionCreate({ type: 2, commandType: 3, name: "Capture testimonial", guildId: IDS.guild, channelId: IDS.general, userId: DAVE, targetId: message });
    const callback = await fake.waitForCall((c) => c.route === CALLBACK && c.params.interactionId === menu.id, 5_000, since);
    expect((callback.body as { data: { embeds: { description: string }[] } }).data.embeds[0]!.description).toBe("Only moderators can capture testimonials.");
    await new Promise((r) => setTimeout(r, 300)); // the capture reaction follows the command in the same queue
    expect(fake.calls.slice(since).filter((c) => c.route === "POST /channels/:channelId/messages")).toHaveLength(0);
  });

  it("Submit as testimonial on one's own message answers with the quote and the three buttons; a press records the answer", async () => {
    const message = post(DAVE, "Great shop, the saree arrived in two days");
    const since = fake.calls.length;
    const menu = fake.interactionCreate({ type: 2, commandType: 3, name: "Submit as testimonial", guildId: IDS.guild, channelId: IDS.general, userId: DAVE, targetId: message });
    const callback = await fake.waitForCall((c) => c.route === CALLBACK && c.params.interactionId === menu.id, 5_000, since);
    const answer = (callback.body as { data: { embeds: { description: string }[]; components: { components: Button[] }[]; flags: number } }).data;
    expect(answer.embeds[0]!.description).toContain("> Great shop, the saree arrived in two days");
    expect(answer.flags & 64).toBe(64);
    const declined = answer.components.flatMap((r) => r.components).find((b) => b.label === "Don't publish")!;
    expect(declined.custom_id).toBe(`steward:testimonial:${IDS.guild}:${message}:declined`);

    const press = fake.interactionCreate({ type: 3, guildId: IDS.guild, channelId: IDS.general, userId: DAVE, customId: declined.custom_id });
    const update = await fake.waitForCall((c) => c.route === CALLBACK && c.params.interactionId === press.id);
    expect(update.body).toMatchObject({ type: 7, data: { content: "**Understood: your message will not be published.**" } });
    expect(fake.calls.slice(since).filter((c) => c.route === "POST /channels/:channelId/messages")).toHaveLength(0); // no DM
  });

  it("Submit as testimonial on someone else's message is refused", async () => {
    const message = post(IDS.alice, "Lovely kurti, thanks");
    const menu = fake.interactionCreate({ type: 2, commandType: 3, name: "Submit as testimonial", guildId: IDS.guild, channelId: IDS.general, userId: DAVE, targetId: message });
    const callback = await fake.waitForCall((c) => c.route === CALLBACK && c.params.interactionId === menu.id);
    expect((callback.body as { data: { embeds: { description: string }[] } }).data.embeds[0]!.description).toBe("You can submit only your own messages.");
  });

  it("/testimonial withdraw by the author takes the consented testimonial out of the export", async () => {
    expect(await consented()).toHaveLength(1);
    const sent = fake.interactionCreate({ type: 2, name: "testimonial", guildId: IDS.guild, channelId: IDS.general, userId: IDS.alice, options: [{ type: 1, name: "withdraw", options: [] }] });
    const callback = await fake.waitForCall((c) => c.route === CALLBACK && c.params.interactionId === sent.id);
    expect((callback.body as { data: { embeds: { description: string }[] } }).data.embeds[0]!.description).toBe("Withdrawn: your 3 testimonials will not appear in any later export.");
    expect(await consented()).toEqual([]);
  });
});
