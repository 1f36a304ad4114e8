// /purge count [member]: deletes the channel's last `count` messages (only the member's when given).
// With a member it opens a manual case (no strikes); without, it is only logged and told to the mod log.
import { reply } from "../core/reply.js";
import { defineCommand } from "./define.js";
import { channelMention, mention } from "./format.js";
import { checkTarget } from "./guard.js";
import { opt } from "./options.js";
import { outcomeRecord } from "./manual-action.js";

export const purge = defineCommand({
  name: "purge",
  description: "Delete the last messages of this channel, optionally only one member's",
  access: "moderator",
  slow: true,
  options: {
    count: opt.integer("count", "How many messages (1–100)", 1, 100),
    member: opt.member("Only this member's messages").optional(),
    reason: opt.string("Why").optional(),
  },
  async run(ctx, o) {
    const channel = ctx.channel;
    if (!channel) return reply({ title: "Not done", lines: ["Use /purge in the channel to clean."], tone: "error" });
    if (o.member) {
      const target = await checkTarget(ctx, o.member, { verb: "purge the messages of", mustBePresent: false, action: "purgeMessages" });
      if (target.refused) return target.refused;
    } else {
      const denied = await ctx.invokerMay(null, "purgeMessages");
      if (denied) return reply({ title: "Not done", lines: [`You cannot purge messages through Steward: ${denied}.`], tone: "refused" });
    }
    const number = o.member ? ctx.nextCaseNumber() : null;
    const reason = o.reason ?? "no reason given";
    const action = {
      kind: "purgeMessages" as const,
      community: ctx.community.key,
      channel,
      count: o.count,
      ...(o.member ? { member: o.member } : {}),
      ...(number ? { caseNumber: number } : {}),
      reason: `${reason} (by ${ctx.invoker.name ?? ctx.invoker.id})`,
    };
    const outcome = await ctx.perform(action, number);
    const done = outcome.status === "done";
    const what = `${o.member ? `${mention(o.member)}'s` : "the"} last ${o.count} message${o.count === 1 ? "" : "s"} in ${channelMention(channel)}`;
    const result = done ? (outcome.detail ?? "done") : `not done: ${outcome.detail}`;
    const outcomes = [outcomeRecord(action, outcome)];
    if (ctx.can("alertModerators")) {
      const text = `${number ? `Case #${number} · ` : ""}manual purge of ${what} · by ${mention(ctx.invoker.id)} · ${result}\nReason: ${reason}`;
      const alertAction = { kind: "alertModerators" as const, community: ctx.community.key, ...(number ? { caseNumber: number } : {}), reason: `manual/purge: ${reason}`, text };
      outcomes.push(outcomeRecord(alertAction, await ctx.perform(alertAction, number)));
    }
    if (number && o.member) {
      ctx.recordCase({ number, command: "purge", member: o.member, channel, reason, status: done ? "actioned" : "not_actioned", outcomes, strikes: 0, evidence: { count: o.count, result } });
    }
    return reply({
      title: number ? `Case #${number} · purge` : "Purge",
      lines: [done ? `Purged ${what}: ${result}.` : `Could not purge ${what}: ${outcome.detail}`],
      tone: done ? "done" : "refused",
    });
  },
});
