// Runs compiled rules against a message. Everything is decided at load: conditions are
// compiled, exemptions are Sets grouped so each distinct exemption is checked once per
// message, and evaluate() allocates nothing unless a rule hits (then: the hit, its line).
import type { Escalation, Exemptions, GuidelineInfo, GuidelineSet, RuleHit, RuleInfo } from "./api.js";
import type { CompiledCondition, EvalInput, Match } from "./types.js";
import { hasAny } from "./conditions/core/child.js";

/** One rule as loaded: what it is, where, and what it needs to run. */
export interface LoadedRule {
  /** "<guideline>/<rule>". */
  readonly ref: string;
  readonly guideline: GuidelineInfo;
  readonly rule: RuleInfo;
  /** File- and rule-level exemptions together. */
  readonly exempt: Exemptions;
  /** The `when:` as written (for explain output). */
  readonly when: unknown;
  /** Runs only when no other rule of its guideline matched (`fallback: true`). */
  readonly fallback: boolean;
}

export interface EngineRule extends LoadedRule {
  readonly condition: CompiledCondition;
}

/** What loadGuidelines returns: the GuidelineSet plus what tools (tests, explain, check) need. */
export interface LoadedGuidelineSet extends GuidelineSet {
  readonly rules: readonly LoadedRule[];
  /** Files loaded, as shown in messages. */
  readonly files: readonly string[];
  findRule(ref: string): LoadedRule | undefined;
}

export const DEFAULT_ESCALATION: Escalation = Object.freeze({
  decayMs: 30 * 86_400_000,
  ladder: Object.freeze([
    { at: 3, do: { kind: "timeout", durationMs: 3_600_000 } },
    { at: 6, do: { kind: "kick" } },
    { at: 9, do: { kind: "ban", deleteMessagesMs: 0 } },
  ]),
}) as Escalation;

function quote(text: string): string {
  const t = text.replace(/\s+/g, " ").trim();
  return JSON.stringify(t.length > 60 ? `${t.slice(0, 59)}…` : t);
}

function part(m: Match): string {
  if (!m.text) return m.detail ?? m.condition;
  return m.detail ? `${quote(m.text)} (${m.detail})` : quote(m.text);
}

/** `respect/insult-at-person: "you are an idiot" (insult aimed at a person)`; text spans first, then facts. */
export function explainHit(ref: string, matches: readonly Match[], fallback: string): string {
  if (matches.length === 0) return `${ref}: ${fallback}`;
  if (matches.length === 1) return `${ref}: ${part(matches[0]!)}`; // the common case, kept cheap
  const spans = matches.filter((m) => m.text).sort((a, b) => a.start - b.start);
  const parts: string[] = [];
  for (const m of [...spans, ...matches.filter((m) => !m.text)]) {
    const p = part(m);
    if (!parts.includes(p)) parts.push(p);
  }
  const shown = parts.slice(0, 3).join(", ");
  return `${ref}: ${shown}${parts.length > 3 ? ` (+${parts.length - 3} more)` : ""}`;
}

/**
 * A hit whose explanation is built on first read: most hits are only counted or acted on, and
 * the string (quotes, sorting, de-duplication) was a measurable share of evaluate(). Reads and
 * writes of `explanation` behave as for a plain field; JSON includes it.
 */
class LazyRuleHit implements RuleHit {
  // ES private fields: not own enumerable properties, so the hit looks like a plain RuleHit.
  #text: string | undefined = undefined;
  readonly #ref: string;
  constructor(
    public guideline: RuleHit["guideline"],
    public rule: RuleHit["rule"],
    public matches: Match[],
    ref: string,
  ) {
    this.#ref = ref;
  }

  get explanation(): string {
    return (this.#text ??= explainHit(this.#ref, this.matches, this.rule.explain));
  }

  set explanation(value: string) {
    this.#text = value;
  }

  toJSON(): RuleHit {
    return { guideline: this.guideline, rule: this.rule, matches: this.matches, explanation: this.explanation };
  }
}

interface ExemptGroup {
  roles: ReadonlySet<string> | null;
  channels: ReadonlySet<string> | null;
}

/** Parallel arrays: the hot loop reads plain fields, no per-rule objects to chase. */
class CompiledGuidelineSet implements LoadedGuidelineSet {
  readonly ruleCount: number;
  private readonly engineRules: readonly EngineRule[];
  /**
   * Each rule's `condition.test`, bound at load: the conditions are objects of many shapes, so
   * reading `.test` off each in the loop is a megamorphic property load per rule per message.
   */
  private readonly tests: ((input: EvalInput) => Match[] | null)[];
  private readonly groupOf: Int32Array;
  private readonly groups: ExemptGroup[];
  private readonly exemptNow: Uint8Array;
  private readonly byRef: Map<string, LoadedRule>;
  /** Guideline index of each rule, and per call whether that guideline already has a hit. */
  private readonly guidelineOf: Int32Array;
  private readonly fallback: Uint8Array;
  private readonly guidelineHit: Uint8Array;

  constructor(
    readonly guidelines: readonly GuidelineInfo[],
    rulesInFileOrder: readonly EngineRule[],
    readonly escalation: Escalation,
    readonly exempt: Exemptions,
    readonly files: readonly string[],
  ) {
    // Fallback rules run last, so they can see whether their guideline already matched.
    const engineRules = [...rulesInFileOrder.filter((r) => !r.fallback), ...rulesInFileOrder.filter((r) => r.fallback)];
    this.engineRules = engineRules;
    this.ruleCount = engineRules.length;
    const guidelineIds = [...new Set(engineRules.map((r) => r.guideline.id))];
    this.guidelineOf = Int32Array.from(engineRules, (r) => guidelineIds.indexOf(r.guideline.id));
    this.fallback = Uint8Array.from(engineRules, (r) => (r.fallback ? 1 : 0));
    this.guidelineHit = new Uint8Array(guidelineIds.length);
    this.tests = engineRules.map((r) => r.condition.test.bind(r.condition));
    this.byRef = new Map(engineRules.map((r) => [r.ref, r]));
    const keys = new Map<string, number>();
    this.groups = [];
    this.groupOf = new Int32Array(engineRules.length);
    engineRules.forEach((r, i) => {
      const roles = [...new Set(r.exempt.roles)].sort();
      const channels = [...new Set(r.exempt.channels)].sort();
      if (!roles.length && !channels.length) {
        this.groupOf[i] = -1;
        return;
      }
      const key = JSON.stringify([roles, channels]);
      let g = keys.get(key);
      if (g === undefined) {
        g = this.groups.length;
        keys.set(key, g);
        this.groups.push({ roles: roles.length ? new Set(roles) : null, channels: channels.length ? new Set(channels) : null });
      }
      this.groupOf[i] = g;
    });
    // Reused across calls: evaluate() is synchronous and never re-entered.
    this.exemptNow = new Uint8Array(this.groups.length);
  }

  get rules(): readonly LoadedRule[] {
    return this.engineRules;
  }

  findRule(ref: string): LoadedRule | undefined {
    return this.byRef.get(ref);
  }

  evaluate(input: EvalInput): RuleHit[] {
    const hits: RuleHit[] = [];
    const groups = this.groups;
    if (groups.length) {
      const roles = input.member.roles;
      const channel = input.message.channel;
      for (let g = 0; g < groups.length; g++) {
        const grp = groups[g]!;
        this.exemptNow[g] =
          (grp.channels !== null && grp.channels.has(channel)) || (grp.roles !== null && hasAny(roles, grp.roles)) ? 1 : 0;
      }
    }
    const tests = this.tests;
    const groupOf = this.groupOf;
    const guidelineHit = this.guidelineHit;
    guidelineHit.fill(0);
    for (let i = 0; i < tests.length; i++) {
      const g = groupOf[i]!;
      if (g >= 0 && this.exemptNow[g] === 1) continue;
      if (this.fallback[i] === 1 && guidelineHit[this.guidelineOf[i]!] === 1) continue;
      const m = tests[i]!(input);
      if (m === null) continue;
      guidelineHit[this.guidelineOf[i]!] = 1;
      const r = this.engineRules[i]!;
      // Conditions may return shared arrays: the hit gets its own.
      const matches: Match[] = [];
      for (let j = 0; j < m.length; j++) matches.push(m[j]!);
      hits.push(new LazyRuleHit(r.guideline, r.rule, matches, r.ref));
    }
    return hits;
  }
}

export function createGuidelineSet(parts: {
  guidelines: readonly GuidelineInfo[];
  rules: readonly EngineRule[];
  escalation: Escalation;
  exempt: Exemptions;
  files: readonly string[];
}): LoadedGuidelineSet {
  return new CompiledGuidelineSet(parts.guidelines, parts.rules, parts.escalation, parts.exempt, parts.files);
}
