// /untimeout member [reason]: lifts a timeout early. No strikes.
import { defineCommand } from "./define.js";
import { NO_REASON, manualAction } from "./manual-action.js";
import { opt } from "./options.js";

export const untimeout = defineCommand({
  name: "untimeout",
  description: "Lift a member's timeout; opens a case",
  access: "moderator",
  options: {
    member: opt.member("The member whose timeout ends now"),
    reason: opt.string("Why").withDefault(NO_REASON),
  },
  run: (ctx, o) =>
    manualAction(ctx, {
      command: "untimeout",
      verb: "lift the timeout of",
      checkProtected: false,
      action: "removeTimeout",
      mustBePresent: true,
      member: o.member,
      reason: o.reason,
      strikes: 0,
      done: "Lifted the timeout of",
      main: (caseNumber, reason) => ({ kind: "removeTimeout", community: ctx.community.key, member: o.member, caseNumber, reason }),
    }),
});
