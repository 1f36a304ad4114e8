// "Report to moderators" (a message context menu, open to every member): tells the mod log and
// puts the message in the review queue, where a moderator approves (keeps) or rejects (deletes) it.
import { reply } from "../core/reply.js";
import { defineCommand } from "./define.js";
import { channelMention, mention, truncate } from "./format.js";
import { opt } from "./options.js";
import type { CommunityState } from "../core/community-state.js";

/** A member may report at most this many messages per window; a message is reported once per window. */
export const REPORTS_PER_WINDOW = 5;
export const REPORT_WINDOW_MS = 10 * 60_000;

interface ReportMemory {
  /** member → times of their recent reports */
  byMember: Map<string, number[]>;
  /** message id → time it was reported */
  messages: Map<string, number>;
}

// In memory, per community state: enough to keep one member or one message from flooding the mod log.
const memory = new WeakMap<CommunityState, ReportMemory>();

function recall(c: CommunityState, now: number): ReportMemory {
  let m = memory.get(c);
  if (!m) memory.set(c, (m = { byMember: new Map(), messages: new Map() }));
  for (const [id, at] of m.messages) if (now - at >= REPORT_WINDOW_MS) m.messages.delete(id);
  return m;
}

export const report = defineCommand({
  name: "report",
  description: "Report a message to the moderators",
  access: "member",
  surfaces: { slash: false, messageMenu: "Report to moderators" },
  options: {
    message: opt.string("The reported message id", 64),
    channel: opt.string("Its channel id", 64),
    author: opt.member("Its author"),
    text: opt.string("Its text", 4000).withDefault(""),
  },
  async run(ctx, o) {
    if (o.author === ctx.invoker.id) return reply({ title: "Not reported", lines: ["That is your own message: delete or edit it instead."], tone: "refused" });
    const mem = recall(ctx.community, ctx.at);
    if (mem.messages.has(o.message)) return reply({ title: "Already reported", lines: ["Someone reported this message a moment ago: the moderators have it."], tone: "done" });
    const recent = (mem.byMember.get(ctx.invoker.id) ?? []).filter((at) => ctx.at - at < REPORT_WINDOW_MS);
    if (recent.length >= REPORTS_PER_WINDOW) {
      return reply({ title: "Not reported", lines: [`You reported ${recent.length} messages in the last ${REPORT_WINDOW_MS / 60_000} minutes; please wait a little before reporting more.`], tone: "refused" });
    }
    mem.byMember.set(ctx.invoker.id, [...recent, ctx.at]);
    mem.messages.set(o.message, ctx.at);
    const text = `Report by ${mention(ctx.invoker.id)}: message by ${mention(o.author)} in ${channelMention(o.channel)} (message ${o.message})\n“${truncate(o.text || "(no text)", 1500)}”\nIt is in the review queue: /review list.`;
    const outcome = await ctx.perform({ kind: "alertModerators", community: ctx.community.key, reason: "report/message: reported by a member", text }, null);
    ctx.queueReview({ kind: "message", member: o.author, payload: { channel: o.channel, message: o.message, text: o.text, reportedBy: ctx.invoker.id } });
    return reply({
      title: "Reported",
      lines: [outcome.status === "done" ? "Thank you: the moderators have been told." : "Thank you: the report is in the moderators' review queue."],
      tone: "done",
    });
  },
});
