/**
 * Screening on Slack, through the real Bolt: a newcomer (team_join) gets a direct message with a
 * button; the press opens a Block Kit modal (views.open with its trigger_id) with the membership
 * questions; the submission becomes `screening.answered`, and src/onboarding decides as on Discord.
 * Slack has no pending members, so approval admits nothing (the welcome follows), and a decline
 * tells the applicant and alerts the moderators to deactivate the account themselves.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deliverButton, deliverEvent, deliverViewSubmission, exampleWorkspace } from "../fake-slack/index.js";
import { SECRET, SlackHarness, TEAM } from "./harness.js";
import { answersOf, screeningModal } from "../../src/platforms/slack/screening.js";
import { questionSchema } from "../../src/onboarding/settings.js";

const QUESTIONS = [
  { id: "why", type: "text", label: "Why do you want to join?", minLength: 10, redFlags: ["crypto"] },
  { id: "plan", type: "choice", label: "Which plan do you use?", choices: [{ value: "Free" }, { value: "Pro", score: 1 }] },
  { id: "rules", type: "agree", label: "I agree to the rules" },
];

const seed = exampleWorkspace();
seed.users.push({ id: "UNEW00001", name: "nora" }, { id: "UNEW00002", name: "otto" }, { id: "UNEW00003", name: "pat" });

describe("screening on Slack", () => {
  const h = new SlackHarness({
    seed,
    settings: {
      name: "Acme",
      channels: { welcome: "general" },
      onboarding: { welcome: { text: { en: "Welcome {mention}!" } }, screening: { questions: QUESTIONS, approveAt: 1, redFlag: "decline" } },
    },
  });
  beforeAll(() => h.start(), 60_000);
  afterAll(() => h.stop());

  async function join(user: string, name: string): Promise<void> {
    const since = h.fake.calls.length;
    expect((await deliverEvent(h.eventsUrl, SECRET, TEAM, { type: "team_join", user: { id: user, name, team_id: TEAM, is_bot: false, profile: { display_name: name } } })).status).toBe(200);
    const dm = await h.fake.waitFor("chat.postMessage", since);
    expect(dm.args.channel).toBe(`D${user.slice(1)}`);
    expect(String(dm.args.text)).toMatch(/^Welcome to Acme! .*membership questions/);
    expect(String(dm.args.blocks)).toContain("steward_screening_start");
  }

  async function answer(user: string, values: Record<string, Record<string, Record<string, unknown>>>) {
    const since = h.fake.calls.length;
    const press = await deliverButton(h.eventsUrl, SECRET, { team: TEAM, user, channel: `D${user.slice(1)}`, actionId: "steward_screening_start", responseUrl: h.fake.responseUrl() });
    expect(press.status).toBe(200);
    const open = await h.fake.waitFor("views.open", since);
    expect(open.answer).toMatchObject({ ok: true });
    const view = JSON.parse(String(open.args.view)) as { callback_id: string; private_metadata: string; blocks: { block_id: string }[] };
    expect(view.blocks.map((b) => b.block_id)).toEqual(["why", "plan", "rules"]);
    const before = h.onboarding.length;
    const r = await deliverViewSubmission(h.eventsUrl, SECRET, { team: TEAM, user, callbackId: view.callback_id, privateMetadata: view.private_metadata, values });
    expect(r.status).toBe(200);
    for (let i = 0; i < 250 && h.onboarding.length === before; i++) await new Promise((res) => setTimeout(res, 20));
    return { record: h.onboarding[before]!, since };
  }

  it("a newcomer with good answers is approved: nothing to admit on Slack, the welcome is posted", async () => {
    await join("UNEW00001", "nora");
    expect(h.fake.messages.some((m) => m.channel === "CGENERAL1" && m.text.includes("<@UNEW00001>"))).toBe(false); // no welcome before the answers
    const { record } = await answer("UNEW00001", {
      why: { answer: { type: "plain_text_input", value: "I run my shop on Acme Pro and want tips" } },
      plan: { answer: { type: "static_select", selected_option: { value: "1", text: { type: "plain_text", text: "Pro" } } } },
      rules: { answer: { type: "checkboxes", selected_options: [{ value: "yes" }] } },
    });
    expect(record).toMatchObject({ member: "UNEW00001", what: "approve" });
    expect(h.fake.messages.find((m) => m.channel === "CGENERAL1" && m.text === "Welcome <@UNEW00001>!")).toBeDefined();
  });

  it("a red-flag answer is declined (redFlag: decline): told by DM, and the moderators are alerted to deactivate the account", async () => {
    await join("UNEW00002", "otto");
    const { record, since } = await answer("UNEW00002", {
      why: { answer: { type: "plain_text_input", value: "to tell everyone about my crypto signals" } },
      plan: { answer: { type: "static_select", selected_option: { value: "1" } } },
      rules: { answer: { type: "checkboxes", selected_options: [{ value: "yes" }] } },
    });
    expect(record).toMatchObject({ member: "UNEW00002", what: "decline" });
    expect(record.reasons.join(" ")).toMatch(/crypto/);
    const posts = h.fake.callsTo("chat.postMessage", since);
    expect(posts.find((c) => c.args.channel === "DNEW00002")).toBeDefined();
    const alert = posts.find((c) => c.args.channel === "CMODLOG01");
    expect(String(alert?.args.text)).toMatch(/Screening declined <@UNEW00002>.*Slack cannot turn a member away.*workspace admin can deactivate/s);
    expect(h.fake.messages.some((m) => m.channel === "CGENERAL1" && m.text.includes("<@UNEW00002>"))).toBe(false);
  });

  it("a score below approveAt goes to review: no welcome, /steward review lists the applicant", async () => {
    await join("UNEW00003", "pat");
    const { record } = await answer("UNEW00003", {
      why: { answer: { type: "plain_text_input", value: "I want to learn how to use the product" } },
      plan: { answer: { type: "static_select", selected_option: { value: "0" } } },
      rules: { answer: { type: "checkboxes", selected_options: [{ value: "yes" }] } },
    });
    expect(record).toMatchObject({ member: "UNEW00003", what: "review" });
    await h.pipeline.flush();
    expect(JSON.stringify((await h.command("UADA00001", "review")).reply)).toContain("UNEW00003");
    expect(h.fake.messages.some((m) => m.channel === "CGENERAL1" && m.text.includes("<@UNEW00003>"))).toBe(false);
  });
});

describe("the screening modal and its answers", () => {
  const questions = QUESTIONS.map((q) => questionSchema.parse(q));

  it("has one input per question: text input, select (values are indexes), checkbox", () => {
    const view = screeningModal(questions, TEAM) as { blocks: { block_id: string; optional: boolean; element: { type: string; options?: { value: string }[]; min_length?: number } }[]; private_metadata: string };
    expect(view.private_metadata).toBe(TEAM);
    expect(view.blocks.map((b) => [b.block_id, b.element.type, b.optional])).toEqual([
      ["why", "plain_text_input", false],
      ["plan", "static_select", false],
      ["rules", "checkboxes", false],
    ]);
    expect(view.blocks[0]!.element.min_length).toBe(10);
    expect(view.blocks[1]!.element.options!.map((o) => o.value)).toEqual(["0", "1"]);
  });

  it("reads answers back by question id; empty inputs and unknown options are no answer", () => {
    expect(answersOf(questions, { why: { answer: { value: "  " } }, plan: { answer: { selected_option: { value: "7" } } }, rules: { answer: { selected_options: [] } } })).toEqual({});
    expect(answersOf(questions, { why: { answer: { value: "hello there" } }, plan: { answer: { selected_option: { value: "0" } } }, rules: { answer: { selected_options: [{ value: "yes" }] } } })).toEqual({ why: "hello there", plan: "Free", rules: true });
  });
});
