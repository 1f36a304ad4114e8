// The membership questions as Discord modals: at most 5 inputs per modal, so questions are paged.
// Each question is a Label (its label; the hint as description or placeholder) around an input:
// text → a text input (short up to 100 characters, paragraph above), choice → a string select
// (discord.js 14.23+ supports selects in modals through Label), agree → a text input "type yes".
// Pure functions: tested without Discord.
import { LabelBuilder, ModalBuilder, StringSelectMenuBuilder, TextInputBuilder, TextInputStyle } from "discord.js";
import type { Question } from "../../../onboarding/settings.js";
import type { Answer } from "../../../onboarding/screening.js";
import { modalId } from "./ids.js";

/** Discord's limit of top-level components in a modal. */
export const PER_MODAL = 5;
const SHORT_UP_TO = 100;
export const AGREE_PLACEHOLDER = "type yes to agree";

export function pagesOf<T>(questions: readonly T[]): T[][] {
  const pages: T[][] = [];
  for (let i = 0; i < questions.length; i += PER_MODAL) pages.push(questions.slice(i, i + PER_MODAL));
  return pages;
}

function input(q: Question): LabelBuilder {
  const label = new LabelBuilder().setLabel(q.label);
  if (q.type === "choice") {
    if (q.hint) label.setDescription(q.hint);
    const select = new StringSelectMenuBuilder()
      .setCustomId(q.id)
      .setPlaceholder("Choose one")
      .setRequired(q.required)
      .setMinValues(q.required ? 1 : 0)
      .setMaxValues(1)
      .addOptions((q.choices ?? []).map((c) => ({ label: c.value, value: c.value })));
    return label.setStringSelectMenuComponent(select);
  }
  if (q.type === "agree") {
    if (q.hint) label.setDescription(q.hint);
    return label.setTextInputComponent(new TextInputBuilder().setCustomId(q.id).setStyle(TextInputStyle.Short).setRequired(q.required).setMaxLength(20).setPlaceholder(AGREE_PLACEHOLDER));
  }
  const text = new TextInputBuilder()
    .setCustomId(q.id)
    .setStyle(q.maxLength <= SHORT_UP_TO ? TextInputStyle.Short : TextInputStyle.Paragraph)
    .setRequired(q.required)
    .setMaxLength(q.maxLength);
  if (q.minLength) text.setMinLength(Math.min(q.minLength, q.maxLength));
  if (q.hint) text.setPlaceholder(q.hint);
  return label.setTextInputComponent(text);
}

/** The modal of page `page` (1-based) of the questions. */
export function screeningModal(questions: readonly Question[], page: number): ModalBuilder {
  const pages = pagesOf(questions);
  const these = pages[page - 1];
  if (!these) throw new RangeError(`there is no page ${page} of ${pages.length}`);
  const title = pages.length > 1 ? `Membership questions (${page}/${pages.length})` : "Membership questions";
  return new ModalBuilder()
    .setCustomId(modalId(page))
    .setTitle(title)
    .addLabelComponents(these.map(input));
}

/** A submitted input as discord.js gives it (ModalSubmitFields.fields): a text input's value or a select's values. */
export interface SubmittedField {
  value?: string;
  values?: readonly string[];
}

/** The answers of one page, by question id (a select gives its value; an empty input counts as no answer). */
export function answersOfPage(questions: readonly Question[], page: number, fieldOf: (customId: string) => SubmittedField | undefined): Record<string, Answer> {
  const out: Record<string, Answer> = {};
  for (const q of pagesOf(questions)[page - 1] ?? []) {
    const field = fieldOf(q.id);
    const value = field?.values ? field.values[0] : field?.value;
    if (value !== undefined && value.trim() !== "") out[q.id] = value;
  }
  return out;
}
