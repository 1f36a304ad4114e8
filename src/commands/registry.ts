// Every moderator command. Platforms build their registrations from this list; the pipeline
// dispatches `command.invoked` events through it (dispatch.ts).
import type { AnyCommand } from "./define.js";
import { ban } from "./ban.js";
import { caseNote, caseReason, caseShow } from "./case.js";
import { history } from "./history.js";
import { kick } from "./kick.js";
import { linkCreate } from "./link.js";
import { purge } from "./purge.js";
import { raidOff, raidOn, raidStatus } from "./raid.js";
import { report } from "./report.js";
import { reviewApprove, reviewList, reviewReject } from "./review.js";
import { rulesReload, rulesTest } from "./rules.js";
import { strikesClear, strikesShow } from "./strikes.js";
import { timeout } from "./timeout.js";
import { unban } from "./unban.js";
import { untimeout } from "./untimeout.js";
import { warn } from "./warn.js";

export const COMMANDS: readonly AnyCommand[] = [
  warn,
  timeout,
  untimeout,
  kick,
  ban,
  unban,
  purge,
  caseShow,
  caseReason,
  caseNote,
  history,
  strikesShow,
  strikesClear,
  reviewList,
  reviewApprove,
  reviewReject,
  rulesTest,
  rulesReload,
  raidOn,
  raidOff,
  raidStatus,
  report,
  linkCreate,
];

const byName = new Map(COMMANDS.map((c) => [c.name, c]));

export function findCommand(name: string): AnyCommand | undefined {
  return byName.get(name.trim().replace(/\s+/g, " ").toLowerCase());
}
