// Turns the engine's hits on one message into one decision: the strongest rule names the
// case, consequences merge, strikes add up and may climb the escalation ladder. Members who
// are moderators are never actioned (moderators are alerted instead), and a repeat of the same
// rule within its cooldown joins the earlier case instead of punishing one act twice.
import type { Consequence, Escalation, RuleHit } from "../guidelines/api.js";
import type { Match } from "../guidelines/types.js";
import { activeStrikes, type StrikeRecord } from "./strikes.js";
import { escalationFor } from "./escalation.js";
import { mergeConsequences, strongest } from "./severity.js";

export interface MemberModerationState {
  strikes: StrikeRecord[];
  /** rule key "guideline/rule" → { case number, time of the last hit } */
  recent: Map<string, { caseNumber: number; at: number }>;
}

export type DecisionStatus = "actioned" | "not_actioned" | "joined_case";

export interface Decision {
  primary: RuleHit;
  /** Other rules the same message broke. */
  also: RuleHit[];
  matches: Match[];
  consequences: Consequence[];
  strikesAdded: number;
  strikesBefore: number;
  strikesAfter: number;
  escalation: Consequence | null;
  status: DecisionStatus;
  notActionedReason?: string;
  /** Set when the decision joins an earlier case (cooldown). */
  joinsCase?: number;
}

export interface DecideInput {
  hits: readonly RuleHit[];
  now: number;
  isModerator: boolean;
  state: MemberModerationState;
  escalation: Escalation;
}

const ruleKey = (h: RuleHit) => `${h.guideline.id}/${h.rule.id}`;

export function decide(input: DecideInput): Decision | null {
  const { hits, now, state, escalation } = input;
  if (hits.length === 0) return null;
  const ranked = [...hits].sort((a, b) => strongest(b.rule.then) - strongest(a.rule.then) || b.rule.strikes - a.rule.strikes);
  const primary = ranked[0]!;
  const matches = ranked.flatMap((h) => h.matches);
  const before = activeStrikes(state.strikes, now, escalation.decayMs);
  const base = { primary, also: ranked.slice(1), matches, strikesBefore: before, escalation: null };

  if (input.isModerator) {
    return { ...base, consequences: [{ kind: "alert" }], strikesAdded: 0, strikesAfter: before, status: "not_actioned", notActionedReason: "the author is a moderator" };
  }

  // Same act (cooldown): the message still goes, but no new case, strikes or escalation.
  const recent = state.recent.get(ruleKey(primary));
  // An event from before the remembered hit (a log replayed again) starts its own case.
  if (recent && now >= recent.at && now - recent.at < primary.rule.cooldownMs) {
    recent.at = now;
    const cleanup = primary.rule.then.filter((c) => c.kind === "delete" || c.kind === "hold");
    return { ...base, consequences: cleanup, strikesAdded: 0, strikesAfter: before, status: "joined_case", joinsCase: recent.caseNumber };
  }

  const strikesAdded = Math.max(...ranked.map((h) => h.rule.strikes));
  const after = before + strikesAdded;
  const step = strikesAdded > 0 ? escalationFor(escalation, before, after) : null;
  const all = ranked.flatMap((h) => h.rule.then);
  if (step) all.push(step);
  return { ...base, consequences: mergeConsequences(all), strikesAdded, strikesAfter: after, escalation: step, status: "actioned" };
}

/** Remembers a new case so repeats within the cooldown join it. */
export function rememberCase(state: MemberModerationState, d: Decision, caseNumber: number, now: number): void {
  for (const h of [d.primary, ...d.also]) state.recent.set(ruleKey(h), { caseNumber, at: now });
  if (d.strikesAdded > 0) state.strikes.push({ points: d.strikesAdded, at: now, caseNumber });
}
