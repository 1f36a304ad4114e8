// The pipeline's onboarding handler: screening without questions judges a newcomer on joining
// (account age, avatar); nudges after a restart go only to admitted members.
import { describe, expect, it } from "vitest";
import { communitySettingsSchema } from "../../src/config/settings-schema.js";
import { OnboardingHandler } from "../../src/core/handlers/onboarding.js";
import { newMember, type CommunityState } from "../../src/core/community-state.js";
import type { GuidelineSet } from "../../src/guidelines/api.js";

const DAY = 86_400_000;
const t0 = Date.UTC(2026, 10, 1, 9);

function community(onboarding: unknown): CommunityState {
  const settings = { ...communitySettingsSchema.parse({ community: "shop", channels: { welcome: "general" }, onboarding }), community: "shop" };
  const guidelines = { guidelines: [{ id: "respect", title: "Respect everyone" }] } as unknown as GuidelineSet;
  return { dbId: "1", key: "shop", settings, guidelines, members: new Map(), nextCaseNumber: 1, moderatorRoles: new Set() };
}

describe("onboarding handler", () => {
  it("screens on joining when there are no questions: a young account waits for review, an old one is admitted and welcomed", async () => {
    const c = community({ welcome: { text: "Welcome {member}!" }, screening: { accountAge: { min: "7d" }, noAvatar: "decline", memberRole: "member" } });
    const h = new OnboardingHandler(null);
    const young = await h.join(c, { id: "y", name: "Young", accountCreatedAt: t0 - DAY, avatar: true }, t0);
    expect(young.actions).toEqual([]);
    expect(young.applicants).toMatchObject([{ member: "y", status: "pending", decision: "review", reasons: ["account is 1 day old"] }]);
    const old = await h.join(c, { id: "o", name: "Old", accountCreatedAt: t0 - 400 * DAY, avatar: true }, t0);
    expect(old.actions.map((a) => a.kind)).toEqual(["approveMember", "addRole", "postMessage"]);
    const faceless = await h.join(c, { id: "f", accountCreatedAt: t0 - 400 * DAY, avatar: false }, t0);
    expect(faceless.actions.map((a) => a.kind)).toEqual(["directMessage", "declineMember"]);
    expect(faceless.applicants[0]).toMatchObject({ status: "rejected", reasons: ["account has no profile picture"] });
  });

  it("after a restart, nudges only members holding the member role in a screened community", () => {
    const c = community({ nudge: { after: "3d", text: "Hi {member}" }, screening: { questions: [{ id: "rules", type: "agree", label: "I agree" }], memberRole: "member" } });
    for (const [id, roles] of [["admitted", ["member"]], ["applicant", []]] as const) {
      const m = newMember(id);
      m.joinedAt = t0;
      m.roles = [...roles];
      c.members.set(id, m);
    }
    const plan = new OnboardingHandler(null).due(c, t0 + 4 * DAY);
    expect(plan.nudged).toEqual(["admitted"]);
  });
});
