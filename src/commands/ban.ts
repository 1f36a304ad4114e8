// /ban member [reason] [delete_messages] [strikes] [notify]: bans the member (also someone who already left).
// Defaults: no messages deleted, no strikes (a ban is already the last step), the member is told first.
import { formatDuration } from "../core/actions.js";
import { manualNoticeText } from "../moderation/messages.js";
import { defineCommand } from "./define.js";
import { NO_REASON, manualAction } from "./manual-action.js";
import { opt } from "./options.js";
import { notice } from "./notice.js";

/** Discord deletes at most 7 days of a banned member's messages. */
export const MAX_BAN_DELETE_MS = 7 * 86_400_000;

export const ban = defineCommand({
  name: "ban",
  description: "Ban a member (they cannot rejoin); opens a case",
  access: "moderator",
  options: {
    member: opt.member("The member (or user id) to ban"),
    reason: opt.string("Why; the member reads this").withDefault(NO_REASON),
    delete_messages: opt.duration("delete_messages", "Also delete their messages of the last …: 1h, 1d, up to 7d (default none)", 1000, MAX_BAN_DELETE_MS).optional(),
    strikes: opt.integer("strikes", "Strike points to add (default 0)", 0, 10).withDefault(0),
    notify: opt.boolean("notify", "Tell the member by direct message before (default true)").withDefault(true),
  },
  run: (ctx, o) =>
    manualAction(ctx, {
      command: "ban",
      verb: "ban",
      action: "ban",
      mustBePresent: false,
      member: o.member,
      reason: o.reason,
      strikes: o.strikes,
      done: "Banned",
      ...(o.delete_messages ? { details: [{ name: "Messages deleted", value: `the last ${formatDuration(o.delete_messages)}` }] } : {}),
      notice: (caseNumber, present) =>
        o.notify && present
          ? notice(ctx, o.member, manualNoticeText(ctx.community.settings.language, { kind: "ban" }, { community: ctx.community.settings.name, reason: o.reason, caseNumber }), caseNumber, false)
          : null,
      main: (caseNumber, reason) => ({
        kind: "ban",
        community: ctx.community.key,
        member: o.member,
        deleteMessageSeconds: Math.round((o.delete_messages ?? 0) / 1000),
        caseNumber,
        reason,
      }),
    }),
});
