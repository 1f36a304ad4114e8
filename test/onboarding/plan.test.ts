import { describe, expect, it } from "vitest";
import { communitySettingsSchema } from "../../src/config/settings-schema.js";
import { CommunityOnboarding, type NudgeCandidate } from "../../src/onboarding/plan.js";
import { MemoryCustomers } from "../../src/onboarding/customers.js";

const MIN = 60_000;
const DAY = 86_400_000;
const t0 = Date.UTC(2026, 10, 1, 9);

function community(onboarding: unknown, extra: Record<string, unknown> = {}) {
  const s = communitySettingsSchema.parse({ community: "shop", name: "Acme Crafts", channels: { welcome: "general" }, onboarding, ...extra });
  return new CommunityOnboarding({ ...s, community: "shop" }, ["Respect everyone", "No link spam"]);
}

const welcome = { text: { en: "Welcome {member} to {community}! Please read: {guidelines}. Visit {channels}.", bn: "{community}-এ স্বাগতম {member}!" }, visit: ["help", "orders"] };

describe("welcomes", () => {
  it("posts the welcome in the welcome channel with every variable filled", () => {
    const plan = community({ welcome }).onJoin({ id: "u1", name: "Rina" }, t0);
    expect(plan.actions).toEqual([
      { kind: "postMessage", community: "shop", channel: "general", text: "Welcome Rina to Acme Crafts! Please read: Respect everyone, No link spam. Visit #help, #orders.", reason: "welcome" },
    ]);
  });

  it("speaks Bengali in a Bengali community and falls back to the English text where none is given", () => {
    const bn = community({ welcome }, { language: "bn" }).onJoin({ id: "u1", name: "রিনা" }, t0);
    expect(bn.actions[0]).toMatchObject({ text: "Acme Crafts-এ স্বাগতম রিনা!" });
    const enOnly = community({ welcome: { text: { en: "Hi {mention}" } } }, { language: "bn" }).onJoin({ id: "u2" }, t0);
    expect(enOnly.actions[0]).toMatchObject({ text: "Hi <@u2>" });
  });

  it("sends a DM with the channel as the fallback when dm is on", () => {
    const plan = community({ welcome: { ...welcome, dm: true } }).onJoin({ id: "u1", name: "Rina" }, t0);
    expect(plan.actions).toHaveLength(1);
    expect(plan.actions[0]).toMatchObject({ kind: "directMessage", member: "u1", fallbackChannel: "general" });
  });

  it("does not welcome bots, and waits for the answers when screening is on", () => {
    const c = community({ welcome, screening: { questions: [{ id: "rules", type: "agree", label: "I agree" }] } });
    expect(c.onJoin({ id: "bot", bot: true }, t0).actions).toEqual([]);
    expect(c.onJoin({ id: "u1" }, t0).actions).toEqual([]);
  });
});

describe("screening outcomes", () => {
  const screening = { questions: [{ id: "order", label: "Order number", verify: "order" }, { id: "rules", type: "agree", label: "I agree to the rules" }], memberRole: "customer" };
  const customers = new MemoryCustomers();
  customers.add("shop", { order: "1042" });

  it("approval admits the member, grants the member role and welcomes them; the record keeps answers, score and reasons", async () => {
    const { plan } = await community({ welcome, screening }).onAnswers({ id: "u1", name: "Rina" }, { order: "#1042", rules: true }, t0, customers);
    expect(plan.actions.map((a) => a.kind)).toEqual(["approveMember", "addRole", "postMessage"]);
    expect(plan.actions[1]).toMatchObject({ role: "customer" });
    expect(plan.applicants).toEqual([{ member: "u1", status: "approved", decision: "approve", score: 0, reasons: ['order number "#1042" belongs to a customer'], answers: { order: "#1042", rules: "yes" }, at: t0 }]);
  });

  it("decline tells the applicant why, in a DM, then declines", async () => {
    const { plan } = await community({ welcome, screening }).onAnswers({ id: "u1" }, { order: "1042", rules: false }, t0, customers);
    expect(plan.actions.map((a) => a.kind)).toEqual(["directMessage", "declineMember"]);
    expect(plan.actions[0]).toMatchObject({ text: 'Thanks for your interest in Acme Crafts. We could not approve your request: "I agree to the rules" was not agreed to. You are welcome to apply again.' });
    expect(plan.applicants[0]).toMatchObject({ status: "rejected", decision: "decline" });
  });

  it("review leaves the decision to moderators: a pending record and no action yet", async () => {
    const { plan } = await community({ welcome, screening }).onAnswers({ id: "u1" }, { order: "777", rules: true }, t0, customers);
    expect(plan.actions).toEqual([]);
    expect(plan.applicants[0]).toMatchObject({ status: "pending", decision: "review", reasons: ['order number "777" is not in the customer list'] });
  });
});

describe("raid guard", () => {
  it("trips on the burst, alerts once with the list, sends newcomers to review without welcomes, and lifts after the calm period", () => {
    const c = community({ welcome, raid: { joins: 3, within: "1m", calm: "10m" } });
    expect(c.onJoin({ id: "a" }, t0).actions).toHaveLength(1); // welcomed
    expect(c.onJoin({ id: "b" }, t0 + 10_000).actions).toHaveLength(1);
    const trip = c.onJoin({ id: "c" }, t0 + 20_000);
    expect(trip.actions).toHaveLength(1);
    expect(trip.actions[0]).toMatchObject({ kind: "alertModerators", text: expect.stringMatching(/^Raid guard: 3 members joined within 1 min \(<@a>, <@b>, <@c>\)/) });
    expect(trip.applicants).toMatchObject([{ member: "a", decision: "raid" }, { member: "b", decision: "raid" }, { member: "c", status: "pending", decision: "raid" }]);
    const during = c.onJoin({ id: "d" }, t0 + 5 * MIN);
    expect(during.actions).toEqual([]); // no welcome, no second alert
    expect(during.applicants).toMatchObject([{ member: "d", status: "pending" }]);
    expect(c.raidActive).toBe(true);
    expect(c.due(t0 + 9 * MIN, []).actions).toEqual([]); // not calm long enough
    const lifted = c.due(t0 + 20_000 + 10 * MIN, []);
    expect(lifted.actions[0]).toMatchObject({ kind: "alertModerators", text: expect.stringMatching(/^Raid mode ended after a calm period\. 4 members joined during it/) });
    expect(c.raidActive).toBe(false);
    expect(c.onJoin({ id: "e" }, t0 + 30 * MIN).actions[0]).toMatchObject({ kind: "postMessage" }); // welcomes again
  });

  it("an approval during a raid still goes to review; moderators can end raid mode by command", async () => {
    const c = community({ screening: { questions: [{ id: "rules", type: "agree", label: "I agree" }] }, raid: { joins: 2, within: "1m" } });
    c.onJoin({ id: "a" }, t0);
    c.onJoin({ id: "b" }, t0 + 1000);
    const { plan } = await c.onAnswers({ id: "b" }, { rules: true }, t0 + 2000, null);
    expect(plan.applicants[0]).toMatchObject({ status: "pending", decision: "review", reasons: ["answered during a raid"] });
    expect(plan.actions).toEqual([]);
    const off = c.setRaid(false, t0 + 3000);
    expect(off.actions[0]).toMatchObject({ text: expect.stringMatching(/ended by a moderator/) });
    expect(c.setRaid(false, t0 + 4000).actions).toEqual([]);
  });
});

describe("nudges", () => {
  const nudge = { after: "3d", text: "Hi {member}, it has been {days} days: anything we can help with?" };
  const silent = (over: Partial<NudgeCandidate> = {}): NudgeCandidate => ({ id: "u1", name: "Rina", joinedAt: t0, leftAt: null, messageCount: 0, nudgedAt: null, ...over });

  it("nudges a silent member once the time has come, and never twice", () => {
    const c = community({ nudge });
    expect(c.due(t0 + 2 * DAY, [silent()]).actions).toEqual([]);
    const due = c.due(t0 + 3 * DAY, [silent()]);
    expect(due.actions).toEqual([{ kind: "directMessage", community: "shop", member: "u1", text: "Hi Rina, it has been 3 days: anything we can help with?", fallbackChannel: "general", reason: "nudge" }]);
    expect(due.nudged).toEqual(["u1"]);
    expect(c.due(t0 + 4 * DAY, [silent({ nudgedAt: t0 + 3 * DAY })]).actions).toEqual([]);
  });

  it("leaves alone members who posted or left, and is off unless configured", () => {
    const c = community({ nudge });
    expect(c.due(t0 + 5 * DAY, [silent({ messageCount: 1 }), silent({ leftAt: t0 + DAY })]).actions).toEqual([]);
    expect(community({ welcome }).due(t0 + 30 * DAY, [silent()]).actions).toEqual([]);
  });
});
