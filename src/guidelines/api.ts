// What the guideline engine gives the rest of Steward. The loader (loader/) and the engine
// (engine.ts) implement it; moderation/ turns hits into cases and platform actions.
import type { EvalInput, Match } from "./types.js";

/** One consequence as written under `then:` in a rule, after validation. */
export type Consequence =
  | { kind: "delete" }
  | { kind: "warn"; message?: string }
  | { kind: "timeout"; durationMs: number }
  | { kind: "kick" }
  | { kind: "ban"; deleteMessagesMs: number }
  | { kind: "hold" }
  | { kind: "alert" }
  | { kind: "reply"; text: string };

export type ConsequenceKind = Consequence["kind"];

export interface GuidelineInfo {
  id: string;
  title: string;
  /** Member-facing text, shown in warnings. */
  description: string;
  /** File it was loaded from (relative to the rules folder). */
  file: string;
}

export interface RuleInfo {
  id: string;
  /** One line a moderator reads in the mod log, from the rule's `explain:` or generated. */
  explain: string;
  then: readonly Consequence[];
  strikes: number;
  /** The same member hitting the same rule within this window is the same act: one case. */
  cooldownMs: number;
  line: number;
}

export interface RuleHit {
  guideline: GuidelineInfo;
  rule: RuleInfo;
  matches: Match[];
  /** One line: `respect/insult-at-person: "you are an idiot" (insult aimed at a person)`. */
  explanation: string;
}

export interface EscalationStep {
  /** Active strikes at or above which this step applies. */
  at: number;
  do: Consequence;
}

export interface Escalation {
  /** Strikes older than this no longer count. */
  decayMs: number;
  ladder: readonly EscalationStep[];
}

export interface Exemptions {
  roles: readonly string[];
  channels: readonly string[];
}

export interface GuidelineSet {
  readonly guidelines: readonly GuidelineInfo[];
  readonly escalation: Escalation;
  readonly exempt: Exemptions;
  /** Number of compiled rules. */
  readonly ruleCount: number;
  /** Judge one message. Exempt roles/channels (file- and rule-level) are skipped here; moderators are not (moderation/ decides). */
  evaluate(input: EvalInput): RuleHit[];
}
