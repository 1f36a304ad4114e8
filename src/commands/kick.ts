// /kick member [reason] [strikes] [notify]: removes the member (they may rejoin). Default 2 strikes, the member is told first.
import { manualNoticeText } from "../moderation/messages.js";
import { defineCommand } from "./define.js";
import { NO_REASON, manualAction } from "./manual-action.js";
import { opt } from "./options.js";
import { notice } from "./notice.js";

export const KICK_STRIKES = 2;

export const kick = defineCommand({
  name: "kick",
  description: "Remove a member from the community (they can rejoin); opens a case",
  access: "moderator",
  options: {
    member: opt.member("The member to kick"),
    reason: opt.string("Why; the member reads this").withDefault(NO_REASON),
    strikes: opt.integer("strikes", `Strike points to add (default ${KICK_STRIKES})`, 0, 10).withDefault(KICK_STRIKES),
    notify: opt.boolean("notify", "Tell the member by direct message before (default true)").withDefault(true),
  },
  run: (ctx, o) =>
    manualAction(ctx, {
      command: "kick",
      verb: "kick",
      action: "kick",
      mustBePresent: true,
      member: o.member,
      reason: o.reason,
      strikes: o.strikes,
      done: "Kicked",
      notice: (caseNumber) =>
        o.notify ? notice(ctx, o.member, manualNoticeText(ctx.community.settings.language, { kind: "kick" }, { community: ctx.community.settings.name, reason: o.reason, caseNumber }), caseNumber, false) : null,
      main: (caseNumber, reason) => ({ kind: "kick", community: ctx.community.key, member: o.member, caseNumber, reason }),
    }),
});
