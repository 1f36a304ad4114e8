import { describe, expect, it } from "vitest";
import { screeningSchema } from "../../src/onboarding/settings.js";
import { screenApplicant } from "../../src/onboarding/screening.js";
import { MemoryCustomers } from "../../src/onboarding/customers.js";

const settings = screeningSchema.parse({
  questions: [
    { id: "why", label: "Why do you want to join?", minLength: 10, redFlags: ["crypto", "forex", "investment"], score: 1 },
    { id: "order", label: "Your order number or email", verify: "order-or-email", score: 2 },
    { id: "where", type: "choice", label: "Where did you hear of us?", choices: [{ value: "Facebook", score: 1 }, { value: "A friend", score: 1 }, { value: "Promoter", redFlag: true }] },
    { id: "rules", type: "agree", label: "I agree to the rules" },
  ],
  approveAt: 3,
  accountAge: { min: "7d" },
  noAvatar: "review",
});

const customers = new MemoryCustomers();
customers.add("shop", { name: "Rina", email: "rina@example.com", order: "A-1042" });
const at = Date.UTC(2026, 10, 1);
const good = { why: "I bought a lamp and want tips", order: "#a1042", where: "Facebook", rules: true };

describe("screening", () => {
  it("approves a verified customer with valid answers and reports the score and reasons", async () => {
    const r = await screenApplicant(settings, { community: "shop", answers: good, at }, customers);
    expect(r.decision).toBe("approve");
    expect(r.score).toBe(4);
    expect(r.reasons).toEqual(['order number "#a1042" belongs to a customer']);
    expect(r.verifications).toEqual([{ question: "order", key: "order", value: "#a1042", found: true }]);
  });

  it("verifies an email answer in any case and spacing", async () => {
    const r = await screenApplicant(settings, { community: "shop", answers: { ...good, order: "  Rina@Example.COM " }, at }, customers);
    expect(r.decision).toBe("approve");
    expect(r.verifications[0]).toMatchObject({ key: "email", found: true });
  });

  it("sends an unknown order number to review (not declined: it may be a typo)", async () => {
    const r = await screenApplicant(settings, { community: "shop", answers: { ...good, order: "B-9999" }, at }, customers);
    expect(r.decision).toBe("review");
    expect(r.reasons).toContain('order number "B-9999" is not in the customer list');
    expect(r.score).toBe(2); // the order question scores only when the customer is found
  });

  it("declines invalid answers and tells the applicant exactly why", async () => {
    const r = await screenApplicant(settings, { community: "shop", answers: { why: "fun", order: "A-1042", where: "TikTok", rules: false }, at }, customers);
    expect(r.decision).toBe("decline");
    expect(r.declineReasons).toEqual([
      '"Why do you want to join?" needs at least 10 characters (got 3)',
      '"Where did you hear of us?": "TikTok" is not one of the choices (Facebook, A friend, Promoter)',
      '"I agree to the rules" was not agreed to',
    ]);
  });

  it("declines a missing required answer", async () => {
    const r = await screenApplicant(settings, { community: "shop", answers: { why: "I want product tips", where: "A friend", rules: "yes" }, at }, customers);
    expect(r.decision).toBe("decline");
    expect(r.declineReasons).toEqual(['"Your order number or email" was not answered']);
  });

  it("sends red flags to review, or declines them when the community says so", async () => {
    const flagged = { ...good, why: "I do forex trading and investment" };
    const r = await screenApplicant(settings, { community: "shop", answers: flagged, at }, customers);
    expect(r.decision).toBe("review");
    expect(r.reasons).toContain('"Why do you want to join?" mentions "forex", "investment" (a red flag)');
    const strict = { ...settings, redFlag: "decline" as const };
    const d = await screenApplicant(strict, { community: "shop", answers: { ...good, where: "Promoter" }, at }, customers);
    expect(d.decision).toBe("decline");
    expect(d.declineReasons).toEqual(['"Where did you hear of us?": chose "Promoter" (a red flag)']);
  });

  it("reviews a young account or one without a picture, and a score below the bar", async () => {
    const young = await screenApplicant(settings, { community: "shop", answers: good, at, accountCreatedAt: at - 2 * 86_400_000 }, customers);
    expect(young.decision).toBe("review");
    expect(young.reasons).toContain("account is 2 days old");
    const noPic = await screenApplicant(settings, { community: "shop", answers: good, at, avatar: false }, customers);
    expect(noPic.reasons).toContain("account has no profile picture");
    const low = await screenApplicant(settings, { community: "shop", answers: { ...good, order: "", where: "Facebook" }, at }, customers);
    expect(low.decision).toBe("decline"); // order is required
    const optional = screeningSchema.parse({ ...settings, questions: settings.questions.map((q) => (q.id === "order" ? { ...q, required: false } : q)) });
    const low2 = await screenApplicant(optional, { community: "shop", answers: { ...good, order: "" }, at }, customers);
    expect(low2.decision).toBe("review");
    expect(low2.reasons).toContain("score 2 is below 3");
  });

  it("without a customer list, verification questions go to review", async () => {
    const r = await screenApplicant(settings, { community: "shop", answers: good, at }, null);
    expect(r.decision).toBe("review");
    expect(r.reasons).toContain("no customer list to verify against");
  });
});
