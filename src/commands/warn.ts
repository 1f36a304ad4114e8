// /warn member reason [strikes]: tells the member (DM; when DMs are closed a mention in the channel), opens a case, adds strikes (default 1).
import { manualNoticeText } from "../moderation/messages.js";
import { defineCommand } from "./define.js";
import { manualAction } from "./manual-action.js";
import { opt } from "./options.js";

export const WARN_STRIKES = 1;

export const warn = defineCommand({
  name: "warn",
  description: "Warn a member by direct message; opens a case and adds a strike",
  access: "moderator",
  options: {
    member: opt.member("The member to warn"),
    reason: opt.string("What they did; the member reads this"),
    strikes: opt.integer("strikes", `Strike points to add (default ${WARN_STRIKES})`, 0, 10).withDefault(WARN_STRIKES),
  },
  run: (ctx, o) =>
    manualAction(ctx, {
      command: "warn",
      verb: "warn",
      action: "warn",
      mustBePresent: true,
      member: o.member,
      reason: o.reason,
      strikes: o.strikes,
      done: "Warned",
      main: (caseNumber, reason) => ({
        kind: "warn",
        community: ctx.community.key,
        member: o.member,
        ...(ctx.channel ? { channel: ctx.channel } : {}),
        caseNumber,
        reason,
        text: manualNoticeText(ctx.community.settings.language, { kind: "warn" }, { community: ctx.community.settings.name, reason: o.reason, caseNumber }),
      }),
    }),
});
