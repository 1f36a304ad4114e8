// The escalation ladder: crossing a step's strike count adds that step's consequence.
import type { Consequence, Escalation } from "../guidelines/api.js";

/** The strongest ladder step crossed when active strikes go from `before` to `after`. */
export function escalationFor(escalation: Escalation, before: number, after: number): Consequence | null {
  let chosen: Consequence | null = null;
  for (const step of escalation.ladder) if (before < step.at && after >= step.at) chosen = step.do;
  return chosen;
}
