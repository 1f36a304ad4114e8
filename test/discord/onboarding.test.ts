// Onboarding on Discord, through the real discord.js client, the fake Discord and the pipeline:
// a newcomer (GUILD_MEMBER_ADD) is welcomed in #general (a channel named in the settings), an
// approved applicant gets the member role, a declined one is told why and removed, and an
// unknown order number waits for review. (Answers are injected as screening.answered events here;
// the gate's button and modals that produce them are tested in screening-gate.test.ts.)
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DiscordAdapter, DiscordSettingsProvider } from "../../src/platforms/discord/index.js";
import { Pipeline } from "../../src/core/pipeline.js";
import type { StewardEvent } from "../../src/core/events.js";
import { GuidelineLibrary, defaultRulesDir } from "../../src/guidelines/library.js";
import { parseSettings } from "../../src/config/settings.js";
import { openMemoryStore, type Store } from "../../src/store/index.js";
import { PrismaPersistence } from "../../src/store/pipeline-writer.js";
import { MemoryCustomers } from "../../src/onboarding/customers.js";
import { silentLogger } from "../../src/log.js";
import { FakeDiscord, IDS, exampleSeed, type RecordedCall } from "../fake-discord/index.js";

const NEW = { ana: "1100000000000000031", bo: "1100000000000000032", cy: "1100000000000000033", kid: "1100000000000000034" } as const;

const settingsYaml = `
community: "${IDS.guild}"
name: Steward Test Community
channels: { welcome: general }
onboarding:
  welcome: { text: "Welcome {mention}! Please read {guidelines}." }
  screening:
    questions:
      - { id: order, label: Your order number, verify: order, score: 1 }
      - { id: rules, type: agree, label: I agree to the rules }
    approveAt: 1
    accountAge: { min: 7d }
    memberRole: "${IDS.roleMember}"
`;

describe("onboarding on Discord", () => {
  const fake = new FakeDiscord({ ...exampleSeed(), heartbeatIntervalMs: 500 });
  let store: Store;
  let adapter: DiscordAdapter;
  let pipeline: Pipeline;
  const customers = new MemoryCustomers();
  customers.add(IDS.guild, { order: "AC-1001" });

  beforeAll(async () => {
    await fake.start();
    store = await openMemoryStore();
    const library = await GuidelineLibrary.load(defaultRulesDir());
    const settings = new DiscordSettingsProvider(new Map([[IDS.guild, parseSettings(settingsYaml, `${IDS.guild}.yaml`)]]));
    adapter = new DiscordAdapter({ token: fake.token, apiUrl: fake.apiUrl, logger: silentLogger, registerCommands: false });
    pipeline = new Pipeline({ adapter, persistence: new PrismaPersistence(store.prisma), settings, library, logger: silentLogger, customers });
    await adapter.start((e: StewardEvent) => pipeline.handle(e));
  }, 20_000);

  afterAll(async () => {
    await adapter.stop();
    await store.close();
    await fake.stop();
  });

  /** Joins a member, then answers for them as the screening form would. */
  async function applicant(id: string, name: string, answers: Record<string, string | boolean>) {
    fake.memberAdd({ guildId: IDS.guild, user: { id, username: name, avatar: "a1b2" } });
    await new Promise((r) => setTimeout(r, 300));
    await pipeline.handle({ type: "screening.answered", platform: "discord", at: new Date().toISOString(), community: IDS.guild, member: id, answers });
  }

  it("approves a verified customer: member role, then a welcome in #general", async () => {
    const since = fake.calls.length;
    await applicant(NEW.ana, "ana", { order: "ac1001", rules: true });
    const role = await fake.waitForCall("PUT /guilds/:g/members/:u/roles/:r", 10_000, since);
    expect(role.path).toBe(`/guilds/${IDS.guild}/members/${NEW.ana}/roles/${IDS.roleMember}`);
    const post = await fake.waitForCall("POST /channels/:c/messages", 10_000, since);
    expect(post.path).toBe(`/channels/${IDS.general}/messages`);
    expect((post.body as { content: string }).content).toBe(`Welcome <@${NEW.ana}>! Please read No link spam, No self-promotion or ads, Respect everyone.`);
  });

  it("declines an applicant who does not agree: a DM saying why, then a kick", async () => {
    const since = fake.calls.length;
    await applicant(NEW.bo, "bo", { order: "ac1001", rules: false });
    const kick = await fake.waitForCall("DELETE /guilds/:g/members/:u", 10_000, since);
    expect(kick.path).toBe(`/guilds/${IDS.guild}/members/${NEW.bo}`);
    const dm = fake.calls.slice(since).find((c: RecordedCall) => c.method === "POST" && /^\/channels\/\d+\/messages$/.test(c.path) && c.path !== `/channels/${IDS.general}/messages`);
    expect((dm?.body as { content?: string } | undefined)?.content).toMatch(/could not approve your request: "I agree to the rules" was not agreed to/);
    expect(fake.calls.slice(since).some((c) => c.method === "PUT" && c.path.includes("/roles/"))).toBe(false);
  });

  it("an unknown order number waits for review: no role, no kick", async () => {
    const since = fake.calls.length;
    await applicant(NEW.cy, "cy", { order: "ZZ-1", rules: true });
    await new Promise((r) => setTimeout(r, 500));
    const writes = fake.calls.slice(since).filter((c) => c.method !== "GET");
    expect(writes.filter((c) => c.path.includes("/roles/") || c.method === "DELETE")).toEqual([]);
    await pipeline.flush();
    const pending = await store.prisma.reviewItem.findMany({ where: { status: "pending", kind: "pending_member" } });
    expect(pending.map((p) => (p.payload as { member: string }).member)).toEqual([NEW.cy]);
  });
});
