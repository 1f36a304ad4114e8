// /history member (and the user context menu "Moderation history"): a member's recent cases and strikes.
import { reply } from "../core/reply.js";
import { defineCommand } from "./define.js";
import { caseLine, mention, strikesSummary, truncate } from "./format.js";
import { opt } from "./options.js";

export const HISTORY_CASES = 10;

export const history = defineCommand({
  name: "history",
  description: "A member's recent cases and strikes",
  access: "moderator",
  slow: true,
  surfaces: { slash: true, userMenu: "Moderation history" },
  options: { member: opt.member("The member") },
  async run(ctx, o) {
    const community = ctx.community.dbId;
    const [cases, strikes] = await Promise.all([ctx.store.memberCases(community, o.member, HISTORY_CASES + 1), ctx.store.memberStrikes(community, o.member)]);
    const decay = ctx.community.guidelines.escalation.decayMs;
    const shown = cases.slice(0, HISTORY_CASES);
    const lines = shown.length ? shown.map(caseLine) : ["No cases."];
    if (cases.length > HISTORY_CASES) lines.push(`Only the latest ${HISTORY_CASES} are shown; /case show <number> for any case.`);
    const name = ctx.community.members.get(o.member)?.name ?? (await ctx.inspectMember(o.member)).name;
    return reply({
      title: `History of ${name ? `${name} (${o.member})` : o.member}`,
      lines: [mention(o.member), ...lines.map((l) => truncate(l, 300))],
      fields: [{ name: "Strikes", value: strikesSummary(strikes, ctx.at, decay) }],
    });
  },
});
