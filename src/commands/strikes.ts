// /strikes show|clear member: a member's strikes; clearing sets them all aside (they stop counting towards escalation).
import { reply } from "../core/reply.js";
import { defineCommand } from "./define.js";
import { date, mention, strikesSummary } from "./format.js";
import { opt } from "./options.js";

export const strikesShow = defineCommand({
  name: "strikes show",
  description: "A member's strikes and when each stops counting",
  access: "moderator",
  slow: true,
  options: { member: opt.member("The member") },
  async run(ctx, o) {
    const strikes = await ctx.store.memberStrikes(ctx.community.dbId, o.member);
    const decay = ctx.community.guidelines.escalation.decayMs;
    const lines = strikes.slice(0, 15).map((s) => {
      const state = s.cleared ? "cleared" : ctx.at - s.at >= decay ? "expired" : `counts until ${date(s.at + decay)}`;
      return `${s.points} · ${date(s.at)}${s.caseNumber ? ` · case #${s.caseNumber}` : ""} · ${state}`;
    });
    return reply({ title: `Strikes of ${o.member}`, lines: [mention(o.member), ...(lines.length ? lines : ["No strikes."])], fields: [{ name: "Total", value: strikesSummary(strikes, ctx.at, decay) }] });
  },
});

export const strikesClear = defineCommand({
  name: "strikes clear",
  description: "Clear all of a member's strikes",
  access: "moderator",
  slow: true,
  options: { member: opt.member("The member") },
  async run(ctx, o) {
    const points = await ctx.store.clearStrikes(ctx.community.dbId, o.member);
    for (const s of ctx.member(o.member).moderation.strikes) s.cleared = true;
    return reply({
      title: `Strikes of ${o.member}`,
      lines: [points ? `Cleared ${points} strike point${points === 1 ? "" : "s"} of ${mention(o.member)}.` : `${mention(o.member)} had no strikes to clear.`],
      tone: "done",
    });
  },
});
