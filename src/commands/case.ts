// /case show|reason|note: one case in full, a new reason, a moderator's note.
import { reply, type CommandReply } from "../core/reply.js";
import type { CaseView } from "../core/persistence.js";
import { defineCommand } from "./define.js";
import { caseOrigin, caseStatus, channelMention, date, mention, outcomeLines, truncate } from "./format.js";
import { opt } from "./options.js";

const caseNumber = () => opt.integer("number", "The case number", 1, 2_147_483_647);

function notFound(n: number): CommandReply {
  return reply({ title: `No case #${n}`, lines: [`This community has no case #${n}. /history <member> lists a member's cases.`], tone: "error" });
}

/** The whole case, as /case show prints it. */
export function caseReply(c: CaseView): CommandReply {
  const evidence = (c.evidence ?? {}) as { text?: string; matches?: { text?: string }[] };
  const fields = [
    { name: "Member", value: mention(c.member) },
    { name: "Origin", value: caseOrigin(c) },
    { name: "Status", value: caseStatus(c) },
    { name: "When", value: date(c.at) },
    { name: "Reason", value: truncate(c.reason || "(none)", 1000) },
  ];
  if (c.channel) fields.push({ name: "Where", value: `${channelMention(c.channel)}${c.message ? ` (message ${c.message})` : ""}` });
  if (c.explanation) fields.push({ name: "Explanation", value: truncate(c.explanation, 1000) });
  if (typeof evidence.text === "string" && evidence.text) fields.push({ name: "Message text", value: truncate(evidence.text, 1000) });
  const outcomes = outcomeLines(c.actions);
  if (outcomes.length) fields.push({ name: "Actions", value: truncate(outcomes.join("\n"), 1000) });
  fields.push({ name: "Strikes", value: String(c.strikes) });
  if (c.notes.length) fields.push({ name: "Notes", value: truncate(c.notes.map((n) => `${date(n.at)} ${mention(n.by)}: ${n.text}`).join("\n"), 1000) });
  return reply({ title: `Case #${c.number}`, fields: fields.map((f) => ({ ...f, inline: false })) });
}

export const caseShow = defineCommand({
  name: "case show",
  description: "Show a case: member, rule or moderator, reason, actions, strikes, notes",
  access: "moderator",
  slow: true,
  options: { number: caseNumber() },
  async run(ctx, o) {
    const c = await ctx.store.getCase(ctx.community.dbId, o.number);
    return c ? caseReply(c) : notFound(o.number);
  },
});

export const caseReason = defineCommand({
  name: "case reason",
  description: "Replace a case's reason",
  access: "moderator",
  slow: true,
  options: { number: caseNumber(), reason: opt.string("The new reason") },
  async run(ctx, o) {
    const before = await ctx.store.getCase(ctx.community.dbId, o.number);
    if (!before) return notFound(o.number);
    const note = { by: ctx.invoker.id, text: `reason changed from "${truncate(before.reason, 200)}"`, at: ctx.at };
    await ctx.store.updateCase(ctx.community.dbId, o.number, { reason: o.reason, note });
    return reply({ title: `Case #${o.number}`, lines: [`Reason changed to: ${o.reason}`, "The old reason is kept in the case's notes."], tone: "done" });
  },
});

export const caseNote = defineCommand({
  name: "case note",
  description: "Add a moderator's note to a case",
  access: "moderator",
  slow: true,
  options: { number: caseNumber(), text: opt.string("The note", 1000) },
  async run(ctx, o) {
    const found = await ctx.store.updateCase(ctx.community.dbId, o.number, { note: { by: ctx.invoker.id, text: o.text, at: ctx.at } });
    return found ? reply({ title: `Case #${o.number}`, lines: ["Note added."], tone: "done" }) : notFound(o.number);
  },
});
