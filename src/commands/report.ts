// "Report to moderators" (a message context menu, open to every member): tells the mod log and
// puts the message in the review queue, where a moderator approves (keeps) or rejects (deletes) it.
import { reply } from "../core/reply.js";
import { defineCommand } from "./define.js";
import { channelMention, mention, truncate } from "./format.js";
import { opt } from "./options.js";

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
