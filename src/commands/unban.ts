// /unban member [reason]: lifts a ban. No strikes; strikes already given stay until they decay or /strikes clear.
import { defineCommand } from "./define.js";
import { NO_REASON, manualAction } from "./manual-action.js";
import { opt } from "./options.js";

export const unban = defineCommand({
  name: "unban",
  description: "Lift a ban; opens a case",
  access: "moderator",
  options: {
    member: opt.member("The user id to unban"),
    reason: opt.string("Why").withDefault(NO_REASON),
  },
  run: (ctx, o) =>
    manualAction(ctx, {
      command: "unban",
      verb: "unban",
      checkProtected: false,
      action: "unban",
      mustBePresent: false,
      member: o.member,
      reason: o.reason,
      strikes: 0,
      done: "Unbanned",
      main: (caseNumber, reason) => ({ kind: "unban", community: ctx.community.key, member: o.member, caseNumber, reason }),
    }),
});
