// /timeout member duration [reason] [strikes] [notify]: mutes the member for a while (default 1 strike, the member is told).
import { formatDuration } from "../core/actions.js";
import { manualNoticeText } from "../moderation/messages.js";
import { defineCommand } from "./define.js";
import { NO_REASON, manualAction } from "./manual-action.js";
import { opt } from "./options.js";
import { notice } from "./notice.js";

export const TIMEOUT_STRIKES = 1;
/** Discord's limit; other platforms are not stricter. */
export const MAX_TIMEOUT_MS = 28 * 86_400_000;

export const timeout = defineCommand({
  name: "timeout",
  description: "Time a member out (they cannot post or react); opens a case",
  access: "moderator",
  options: {
    member: opt.member("The member to time out"),
    duration: opt.duration("duration", "How long: 10m, 1h, 1d … (at most 28d)", 1000, MAX_TIMEOUT_MS),
    reason: opt.string("Why; the member reads this").withDefault(NO_REASON),
    strikes: opt.integer("strikes", `Strike points to add (default ${TIMEOUT_STRIKES})`, 0, 10).withDefault(TIMEOUT_STRIKES),
    notify: opt.boolean("notify", "Tell the member by direct message (default true)").withDefault(true),
  },
  run: (ctx, o) =>
    manualAction(ctx, {
      command: "timeout",
      verb: "time out",
      action: "timeout",
      mustBePresent: true,
      member: o.member,
      reason: o.reason,
      strikes: o.strikes,
      done: "Timed out",
      details: [{ name: "Duration", value: formatDuration(o.duration) }],
      evidence: { durationMs: o.duration },
      notice: (caseNumber) =>
        o.notify ? notice(ctx, o.member, manualNoticeText(ctx.community.settings.language, { kind: "timeout", duration: formatDuration(o.duration) }, { community: ctx.community.settings.name, reason: o.reason, caseNumber }), caseNumber, true) : null,
      main: (caseNumber, reason) => ({ kind: "timeout", community: ctx.community.key, member: o.member, durationMs: o.duration, caseNumber, reason }),
    }),
});
