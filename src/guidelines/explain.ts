// `steward check "<text>"`: which rules match a message and why, with the matched spans marked.
// The result is plain data (print it as JSON) and formatCheck renders it for a terminal.
import { formatConsequence } from "./actions/format.js";
import type { LoadedGuidelineSet } from "./engine.js";
import { loadGuidelines, type LoadOptions } from "./loader/index.js";
import { defaultRulesDir } from "./loader/sources.js";
import { contextInputs, messageContextSchema, type MessageContext, type MessageContextInput } from "./testing/context.js";

export interface CheckedMatch {
  condition: string;
  /** "" when the match is a fact (member, channel, rate) rather than a span of the text. */
  text: string;
  start: number;
  end: number;
  detail?: string;
}

export interface CheckedHit {
  /** "<guideline>/<rule>". */
  ref: string;
  guideline: { id: string; title: string; file: string };
  rule: { id: string; explain: string; line: number; strikes: number; then: string[] };
  /** The engine's one line, as the mod log shows it. */
  explanation: string;
  matches: CheckedMatch[];
}

export interface CheckResult {
  text: string;
  context: MessageContext;
  hits: CheckedHit[];
  /** The text with every matched span in «guillemets». */
  marked: string;
  /** Rules not run because the context's roles or channel are exempt from them. */
  exempt: string[];
}

export interface CheckOptions extends LoadOptions {
  /** Folder of guideline files; default `<repo>/rules` (or STEWARD_RULES_DIR). */
  rulesDir?: string;
  /** An already loaded set (then rulesDir is not read). */
  set?: LoadedGuidelineSet;
  /** Who posts, where, what before (same format as `context:` in rule tests). */
  context?: MessageContextInput;
}

/** Marks [start, end) spans (overlapping ones merged) with « ». */
export function markSpans(text: string, spans: readonly { start: number; end: number }[]): string {
  const sorted = spans.filter((s) => s.start >= 0 && s.end > s.start && s.end <= text.length).sort((a, b) => a.start - b.start);
  const merged: { start: number; end: number }[] = [];
  for (const s of sorted) {
    const last = merged[merged.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else merged.push({ start: s.start, end: s.end });
  }
  let out = "";
  let at = 0;
  for (const s of merged) {
    out += `${text.slice(at, s.start)}«${text.slice(s.start, s.end)}»`;
    at = s.end;
  }
  return out + text.slice(at);
}

/** Judges `text` in `context` against a loaded set (the `before` messages go first). */
export function explainText(set: LoadedGuidelineSet, text: string, contextInput: MessageContextInput = {}): CheckResult {
  const parsed = messageContextSchema.safeParse(contextInput);
  if (!parsed.success) throw new Error(`invalid context: ${parsed.error.issues.map((i) => `${i.path.join(".") || "(top)"}: ${i.message}`).join("; ")}`);
  const context = parsed.data;
  const inputs = contextInputs(text, context);
  for (let i = 0; i < inputs.length - 1; i++) set.evaluate(inputs[i]!);
  const last = inputs[inputs.length - 1]!;
  const hits = set.evaluate(last).map((h): CheckedHit => ({
    ref: `${h.guideline.id}/${h.rule.id}`,
    guideline: { id: h.guideline.id, title: h.guideline.title, file: h.guideline.file },
    rule: { id: h.rule.id, explain: h.rule.explain, line: h.rule.line, strikes: h.rule.strikes, then: h.rule.then.map(formatConsequence) },
    explanation: h.explanation,
    matches: h.matches.map((m) => ({ condition: m.condition, text: m.text, start: m.start, end: m.end, ...(m.detail !== undefined && { detail: m.detail }) })),
  }));
  const roles = last.member.roles;
  const channel = last.message.channel;
  const exempt = set.rules.filter((r) => r.exempt.channels.includes(channel) || r.exempt.roles.some((x) => roles.includes(x))).map((r) => r.ref);
  return { text, context, hits, marked: markSpans(text, hits.flatMap((h) => h.matches)), exempt };
}

/** Loads the rules (unless `set` is given) and explains `text`. @throws GuidelineError when the rules are invalid. */
export async function checkText(text: string, options: CheckOptions = {}): Promise<CheckResult> {
  const set = options.set ?? (await loadGuidelines(options.rulesDir ?? defaultRulesDir(), options));
  return explainText(set, text, options.context);
}

/** For a terminal: the marked text, then each matching rule with its spans and consequences. */
export function formatCheck(result: CheckResult): string {
  const lines = [`message: ${result.marked}`];
  if (!result.hits.length) lines.push("no rule matches");
  else lines.push(`${result.hits.length} rule${result.hits.length === 1 ? "" : "s"} match:`);
  for (const h of result.hits) {
    lines.push("", `  ${h.ref} — ${h.guideline.title} (${h.guideline.file}:${h.rule.line})`, `    ${h.rule.explain}`);
    for (const m of h.matches) {
      if (m.text && m.start >= 0) lines.push(`    «${m.text}» at ${m.start}–${m.end}${m.detail ? `: ${m.detail}` : ""} [${m.condition}]`);
      else lines.push(`    ${m.detail ?? m.condition} [${m.condition}]`);
    }
    lines.push(`    then: ${h.rule.then.join(", ")} · ${h.rule.strikes} strike${h.rule.strikes === 1 ? "" : "s"}`);
  }
  if (result.exempt.length) lines.push("", `exempt here (not run): ${result.exempt.join(", ")}`);
  return lines.join("\n");
}
