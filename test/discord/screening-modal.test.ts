// The membership questions as Discord modals, without Discord: paging by 5, each question type's
// input, the answers read back from a submit, custom ids, and the drafts kept between pages.
import { describe, expect, it } from "vitest";
import { screeningSchema } from "../../src/onboarding/settings.js";
import { AGREE_PLACEHOLDER, answersOfPage, pagesOf, screeningModal } from "../../src/platforms/discord/screening/modal.js";
import { continueId, modalId, parseScreeningId, START_ID } from "../../src/platforms/discord/screening/ids.js";
import { Drafts } from "../../src/platforms/discord/screening/drafts.js";
import { parseCommandButton } from "../../src/commands/buttons.js";

const questions = screeningSchema.parse({
  questions: [
    { id: "why", label: "Why would you like to join?", minLength: 10, hint: "A sentence or two" },
    { id: "order", label: "Your order number", maxLength: 30 },
    { id: "where", type: "choice", label: "Where did you hear of us?", required: false, choices: [{ value: "Facebook" }, { value: "A friend" }] },
    { id: "rules", type: "agree", label: "I agree to the rules", hint: "Read #rules first" },
    ...["a", "b", "c"].map((id) => ({ id, label: `Question ${id}`, required: false })),
  ],
}).questions;

type LabelJson = { type: number; label: string; description?: string; component: Record<string, unknown> };

describe("screening modals", () => {
  it("pages 7 questions as 5 + 2, titled with the page", () => {
    expect(pagesOf(questions).map((p) => p.map((q) => q.id))).toEqual([["why", "order", "where", "rules", "a"], ["b", "c"]]);
    const first = screeningModal(questions, 1).toJSON();
    const second = screeningModal(questions, 2).toJSON();
    expect([first.custom_id, first.title, first.components.length]).toEqual(["steward:screening:modal:1", "Membership questions (1/2)", 5]);
    expect([second.custom_id, second.title, second.components.length]).toEqual(["steward:screening:modal:2", "Membership questions (2/2)", 2]);
    expect(screeningModal(questions.slice(0, 2), 1).toJSON().title).toBe("Membership questions");
    expect(() => screeningModal(questions, 3)).toThrow(/no page 3 of 2/);
  });

  it("renders each type: paragraph or short text with its limits and hint, a select for a choice, 'type yes' for agree", () => {
    const [why, order, where, rules] = screeningModal(questions, 1).toJSON().components as unknown as LabelJson[];
    expect(why).toMatchObject({ type: 18, label: "Why would you like to join?", component: { type: 4, custom_id: "why", style: 2, min_length: 10, max_length: 1000, required: true, placeholder: "A sentence or two" } });
    expect(order!.component).toMatchObject({ type: 4, style: 1, max_length: 30 });
    expect(where!.component).toMatchObject({ type: 3, custom_id: "where", required: false, min_values: 0, max_values: 1, options: [{ label: "Facebook", value: "Facebook" }, { label: "A friend", value: "A friend" }] });
    expect(rules).toMatchObject({ description: "Read #rules first", component: { type: 4, custom_id: "rules", placeholder: AGREE_PLACEHOLDER } });
  });

  it("reads a page's answers: text values, the chosen value, nothing for empty inputs", () => {
    const fields: Record<string, { value?: string; values?: string[] }> = { why: { value: "I buy here often" }, order: { value: "  " }, where: { values: ["A friend"] }, rules: { value: "yes" }, a: { value: "" } };
    expect(answersOfPage(questions, 1, (id) => fields[id])).toEqual({ why: "I buy here often", where: "A friend", rules: "yes" });
    expect(answersOfPage(questions, 2, () => ({ value: "x" }))).toEqual({ b: "x", c: "x" });
  });

  it("custom ids are Steward's own and never read as command buttons", () => {
    expect(parseScreeningId(START_ID)).toEqual({ kind: "start" });
    expect(parseScreeningId(modalId(2))).toEqual({ kind: "modal", page: 2 });
    expect(parseScreeningId(continueId(3))).toEqual({ kind: "continue", page: 3 });
    expect(parseScreeningId("cmd:review approve?item=1")).toBeNull();
    for (const id of [START_ID, modalId(1), continueId(2)]) expect(parseCommandButton(id)).toBeNull();
  });
});

describe("screening drafts", () => {
  it("keep answers page by page, in order, until the time limit", () => {
    let now = 0;
    const d = new Drafts(60_000, () => now);
    expect(d.add("g", "m", 2, { b: "x" })).toBeNull(); // page 2 before page 1
    expect(d.add("g", "m", 1, { a: "1" })).toEqual({ a: "1" });
    expect(d.nextPage("g", "m")).toBe(2);
    expect(d.nextPage("g", "other")).toBe(1);
    expect(d.add("g", "m", 2, { b: "2" })).toEqual({ a: "1", b: "2" });
    now += 60_001;
    expect(d.nextPage("g", "m")).toBe(1);
    expect(d.add("g", "m", 3, { c: "3" })).toBeNull();
  });
});
