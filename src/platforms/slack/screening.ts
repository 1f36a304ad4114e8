// Screening on Slack: a newcomer (team_join) gets a direct message with a button; the button opens
// a Block Kit modal (views.open with the press's trigger_id) with the community's membership
// questions; the submission (view_submission) becomes the same `screening.answered` event Discord's
// modal produces, so src/onboarding decides approve, decline or review with the same code.
//
// Slack has no pending members: a newcomer is in the workspace from the start. So approval admits
// nothing (the welcome follows), and a decline cannot turn anyone away — the applicant is told, and
// the moderators are alerted to deactivate the account themselves (adapter.ts, declineMember).
// Pure functions: tested without Slack.
import type { Question } from "../../onboarding/settings.js";
import type { Answer } from "../../onboarding/screening.js";

/** The invitation's button (action_id) and the modal's callback_id. */
export const SCREENING_START = "steward_screening_start";
export const SCREENING_VIEW = "steward_screening";
/** Each input's action_id (its block_id is the question id). */
const ANSWER = "answer";
/** Slack's limits: 24 characters a modal title, 75 an option's text and value, 2,000 an input label, 3,000 a text input. */
const cut = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);

type Block = Record<string, unknown>;
const plain = (text: string, max: number) => ({ type: "plain_text", text: cut(text, max) });

/** The direct message a newcomer gets: why, and the button that opens the questions. */
export function screeningInvite(community: string): { text: string; blocks: Block[] } {
  const text = `Welcome to ${community}! Before you join the conversation, please answer a few membership questions.`;
  return {
    text,
    blocks: [
      { type: "section", text: { type: "mrkdwn", text: cut(text, 3000) } },
      { type: "actions", elements: [{ type: "button", style: "primary", text: plain("Answer the questions", 75), action_id: SCREENING_START, value: SCREENING_START }] },
    ],
  };
}

function element(q: Question): Block {
  if (q.type === "choice") {
    // Option values are the choice's index: a choice may be longer than Slack's 75 characters.
    return { type: "static_select", action_id: ANSWER, placeholder: plain("Choose one", 150), options: (q.choices ?? []).map((c, i) => ({ text: plain(c.value, 75), value: String(i) })) };
  }
  if (q.type === "agree") return { type: "checkboxes", action_id: ANSWER, options: [{ text: plain("I agree", 75), value: "yes" }] };
  return {
    type: "plain_text_input",
    action_id: ANSWER,
    multiline: q.maxLength > 100,
    max_length: Math.min(q.maxLength, 3000),
    ...(q.minLength ? { min_length: Math.min(q.minLength, q.maxLength, 3000) } : {}),
    ...(q.hint ? { placeholder: plain(q.hint, 150) } : {}),
  };
}

/** The modal with every question (Slack allows 100 blocks; screening has at most 25 questions). */
export function screeningModal(questions: readonly Question[], community: string): Block {
  return {
    type: "modal",
    callback_id: SCREENING_VIEW,
    private_metadata: community,
    title: plain("Membership questions", 24),
    submit: plain("Send", 24),
    close: plain("Later", 24),
    blocks: questions.map((q) => ({
      type: "input",
      block_id: q.id,
      optional: !q.required,
      label: plain(q.label, 2000),
      ...(q.hint && q.type !== "text" ? { hint: plain(q.hint, 2000) } : {}),
      element: element(q),
    })),
  };
}

/** What a view_submission carries in view.state.values[block_id][action_id]. */
export interface SubmittedValue {
  type?: string;
  value?: string | null;
  selected_option?: { value?: string } | null;
  selected_options?: { value?: string }[] | null;
}

/** The answers by question id, as Discord's modal gives them (an empty input counts as no answer). */
export function answersOf(questions: readonly Question[], values: Record<string, Record<string, SubmittedValue>> | undefined): Record<string, Answer> {
  const out: Record<string, Answer> = {};
  for (const q of questions) {
    const v = values?.[q.id]?.[ANSWER];
    if (!v) continue;
    if (q.type === "choice") {
      const chosen = q.choices?.[Number(v.selected_option?.value)];
      if (chosen) out[q.id] = chosen.value;
    } else if (q.type === "agree") {
      if (v.selected_options?.some((o) => o.value === "yes")) out[q.id] = true;
    } else if (typeof v.value === "string" && v.value.trim() !== "") out[q.id] = v.value;
  }
  return out;
}
