// The screening gate on Discord, end to end: the real discord.js client against the fake Discord,
// the adapter's gate and the pipeline on PGlite. A newcomer presses the gate's button, answers the
// questions in two modals (6 questions: 5 + 1) and hears the outcome; the pipeline gives the member
// role and the welcome, or DMs the reason and kicks, or leaves the applicant to /review approve.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DiscordAdapter, DiscordSettingsProvider } from "../../src/platforms/discord/index.js";
import { Pipeline } from "../../src/core/pipeline.js";
import { GuidelineLibrary, defaultRulesDir } from "../../src/guidelines/library.js";
import { parseSettings } from "../../src/config/settings.js";
import { openMemoryStore, type Store } from "../../src/store/index.js";
import { PrismaPersistence } from "../../src/store/pipeline-writer.js";
import { MemoryCustomers } from "../../src/onboarding/customers.js";
import { silentLogger } from "../../src/log.js";
import { FakeDiscord, IDS, exampleSeed, type RecordedCall } from "../fake-discord/index.js";

const SCREENING = "1100000000000000203";
const NEW = { ana: "1100000000000000041", bo: "1100000000000000042", cy: "1100000000000000043" } as const;
const CALLBACK = "POST /interactions/:interactionId/:interactionToken/callback";

const settingsYaml = `
community: "${IDS.guild}"
name: Steward Test Community
channels: { welcome: general }
onboarding:
  welcome: { text: "Welcome {mention}!" }
  screening:
    questions:
      - { id: order, label: Your order number, verify: order, score: 1, maxLength: 40, hint: "e.g. AC-1001" }
      - { id: where, type: choice, label: Where did you hear of us?, choices: [{ value: Facebook }, { value: A friend }] }
      - { id: why, label: Why would you like to join?, required: false }
      - { id: city, label: Your city, required: false, maxLength: 60 }
      - { id: shop, label: What did you buy?, required: false }
      - { id: rules, type: agree, label: I agree to the rules }
    approveAt: 1
    memberRole: "${IDS.roleMember}"
`;

function seed() {
  const s = exampleSeed();
  s.guilds![0]!.channels!.push({ id: SCREENING, name: "screening", type: 0, position: 2 });
  return { ...s, heartbeatIntervalMs: 500 };
}

interface Reply {
  type: number;
  content: string;
  flags: number;
  buttons: { custom_id: string; label: string }[];
}

describe("the screening gate on Discord", () => {
  const fake = new FakeDiscord(seed());
  let store: Store;
  let adapter: DiscordAdapter;
  let pipeline: Pipeline;
  const settings = new DiscordSettingsProvider(new Map([[IDS.guild, parseSettings(settingsYaml, `${IDS.guild}.yaml`)]]));
  const customers = new MemoryCustomers();
  customers.add(IDS.guild, { order: "AC-1001" });

  const newAdapter = () => new DiscordAdapter({ token: fake.token, apiUrl: fake.apiUrl, logger: silentLogger, registerCommands: false, communitySettings: (c) => settings.get(c) });

  beforeAll(async () => {
    await fake.start();
    store = await openMemoryStore();
    const library = await GuidelineLibrary.load(defaultRulesDir());
    adapter = newAdapter();
    pipeline = new Pipeline({ adapter, persistence: new PrismaPersistence(store.prisma), settings, library, logger: silentLogger, customers });
    await adapter.start((e) => pipeline.handle(e));
    await adapter.screeningGatesReady;
  }, 20_000);

  afterAll(async () => {
    await adapter?.stop();
    await store?.close();
    await fake.stop();
  });

  const gatePosts = () => fake.callsTo((c) => c.method === "POST" && c.path === `/channels/${SCREENING}/messages`);

  /** The reply to an interaction: its callback and, when deferred (type 5), the edit of @original. */
  async function replyTo(sent: { id: string; token: string }): Promise<Reply> {
    const callback = await fake.waitForCall((c) => c.route === CALLBACK && c.params.interactionId === sent.id, 10_000);
    const body = callback.body as { type: number; data?: Record<string, unknown> };
    let data = body.data ?? {};
    if (body.type === 5) data = (await fake.waitForCall((c) => c.method === "PATCH" && c.params.interactionToken === sent.token, 10_000)).body as Record<string, unknown>;
    const rows = (data.components as { components: Reply["buttons"] }[] | undefined) ?? [];
    return { type: body.type, content: String(data.content ?? ""), flags: Number((body.data ?? {}).flags ?? 0), buttons: rows.flatMap((r) => r.components) };
  }

  const press = (userId: string, customId: string) => fake.interactionCreate({ type: 3, guildId: IDS.guild, channelId: SCREENING, userId, customId });
  const submit = (userId: string, customId: string, values: Record<string, string | string[]>) => fake.modalSubmit({ guildId: IDS.guild, channelId: SCREENING, userId, customId, values });

  /** A newcomer joins and answers both pages; returns the final reply. */
  async function apply(id: string, name: string, page1: Record<string, string | string[]>, rules: string): Promise<Reply> {
    fake.memberAdd({ guildId: IDS.guild, user: { id, username: name, avatar: "a1b2" } });
    await new Promise((r) => setTimeout(r, 200));
    const start = press(id, "steward:screening:start");
    expect((await fake.modalShownFor(start.id))?.custom_id).toBe("steward:screening:modal:1");
    const saved = await replyTo(submit(id, "steward:screening:modal:1", page1));
    expect(saved.buttons).toEqual([expect.objectContaining({ custom_id: "steward:screening:page:2", label: "Continue (2/2)" })]);
    const next = press(id, "steward:screening:page:2");
    expect((await fake.modalShownFor(next.id))?.custom_id).toBe("steward:screening:modal:2");
    return replyTo(submit(id, "steward:screening:modal:2", { rules }));
  }

  it("posts one gate message with the button in #screening; a second start does not repost", async () => {
    expect(gatePosts()).toHaveLength(1);
    const body = gatePosts()[0]!.body as { content: string; components: { components: { custom_id: string; label: string }[] }[] };
    expect(body.content).toContain("Answer a few questions to join Steward Test Community");
    expect(body.components[0]!.components[0]).toMatchObject({ custom_id: "steward:screening:start", label: "Answer the membership questions" });
    const again = newAdapter();
    await again.start(async () => {});
    await again.screeningGatesReady;
    await again.stop();
    expect(gatePosts()).toHaveLength(1);
  }, 20_000);

  it("the button opens the first 5 questions as a modal: text inputs, a select for the choice", async () => {
    const modal = await fake.modalShownFor(press(IDS.owner, "steward:screening:start").id);
    expect(modal?.title).toBe("Membership questions (1/2)");
    const inputs = modal!.components.map((l) => ({ label: l.label, ...l.component }));
    expect(inputs.map((i) => i.custom_id)).toEqual(["order", "where", "why", "city", "shop"]);
    expect(inputs[0]).toMatchObject({ label: "Your order number", type: 4, style: 1, max_length: 40, placeholder: "e.g. AC-1001", required: true });
    expect(inputs[1]).toMatchObject({ type: 3, options: [{ label: "Facebook", value: "Facebook" }, { label: "A friend", value: "A friend" }] });
    expect(inputs[2]).toMatchObject({ type: 4, style: 2, required: false });
  });

  it("a verified customer who agrees is welcomed: the reply, the member role, the welcome in #general", async () => {
    const since = fake.calls.length;
    const final = await apply(NEW.ana, "ana", { order: "ac1001", where: ["Facebook"], why: "", city: "Dhaka", shop: "" }, "yes");
    expect(final).toMatchObject({ type: 5, flags: 64, content: "Welcome! You are in." });
    const role = await fake.waitForCall("PUT /guilds/:g/members/:u/roles/:r", 10_000, since);
    expect(role.path).toBe(`/guilds/${IDS.guild}/members/${NEW.ana}/roles/${IDS.roleMember}`);
    const welcome = fake.calls.slice(since).find((c) => c.method === "POST" && c.path === `/channels/${IDS.general}/messages`);
    expect((welcome?.body as { content?: string } | undefined)?.content).toBe(`Welcome <@${NEW.ana}>!`);
  }, 20_000);

  it("an applicant who does not agree is told why by DM and in the reply, then kicked", async () => {
    const since = fake.calls.length;
    const final = await apply(NEW.bo, "bo", { order: "ac1001", where: ["A friend"], why: "", city: "", shop: "" }, "no");
    expect(final.content).toBe(`Declined: "I agree to the rules" was not agreed to.`);
    const kick = await fake.waitForCall("DELETE /guilds/:g/members/:u", 10_000, since);
    expect(kick.path).toBe(`/guilds/${IDS.guild}/members/${NEW.bo}`);
    const dm = fake.calls.slice(since).find((c: RecordedCall) => c.method === "POST" && /^\/channels\/\d+\/messages$/.test(c.path) && ![IDS.general, SCREENING].some((ch) => c.path.includes(ch)));
    expect((dm?.body as { content?: string } | undefined)?.content).toMatch(/could not approve your request: "I agree to the rules" was not agreed to/);
    expect(fake.calls.slice(since).some((c) => c.method === "PUT" && c.path.includes("/roles/"))).toBe(false);
  }, 20_000);

  it("an unknown order waits for review; /review approve then gives the member role and the welcome", async () => {
    const final = await apply(NEW.cy, "cy", { order: "ZZ-9", where: ["Facebook"], why: "", city: "", shop: "" }, "yes");
    expect(final.content).toBe("Thanks — a moderator will look at your answers.");
    expect(fake.callsTo((c) => c.method === "PUT" && c.path.includes(`/members/${NEW.cy}/roles/`))).toEqual([]);
    await pipeline.flush();
    const [item] = await store.prisma.reviewItem.findMany({ where: { status: "pending", kind: "pending_member" } });
    expect((item!.payload as { member: string }).member).toBe(NEW.cy);
    const since = fake.calls.length;
    const sent = fake.interactionCreate({ type: 2, guildId: IDS.guild, channelId: IDS.general, userId: IDS.bob, name: "review", options: [{ type: 1, name: "approve", options: [{ name: "item", type: 3, value: String(item!.id) }] }] });
    await fake.waitForCall((c) => c.route === CALLBACK && c.params.interactionId === sent.id, 10_000);
    const role = await fake.waitForCall("PUT /guilds/:g/members/:u/roles/:r", 10_000, since);
    expect(role.path).toBe(`/guilds/${IDS.guild}/members/${NEW.cy}/roles/${IDS.roleMember}`);
    const welcome = await fake.waitForCall((c) => c.method === "POST" && c.path === `/channels/${IDS.general}/messages`, 10_000, since);
    expect((welcome.body as { content: string }).content).toBe(`Welcome <@${NEW.cy}>!`);
  }, 20_000);

  it("a member who already has the member role is told so instead of getting the questions", async () => {
    const r = await replyTo(press(IDS.alice, "steward:screening:start"));
    expect(r).toMatchObject({ type: 4, flags: 64, content: "You are already a member." });
  });

  it("a Continue button without the earlier page (expired, restarted) asks to start again", async () => {
    const r = await replyTo(press(IDS.owner, "steward:screening:page:2"));
    expect(r).toMatchObject({ type: 4, flags: 64, content: expect.stringContaining("Your earlier answers have expired") });
  });
});
