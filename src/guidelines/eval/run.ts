// `steward eval FILE.jsonl`: judges every line of a labelled file with the guidelines and counts
// what they got right, overall and per guideline.
//
// Each message is judged out of context unless its line gives `context` (as in rule tests): an
// established member (joined 365 days ago, 100 earlier messages, no strikes, not a moderator) in
// #general, with a fresh rate store per line so rate and repetition rules never carry over from
// one line to the next (`context.before` messages are judged first, in the same store).
//
// Counting:
// - "any": the message is positive when its line lists a violated guideline (`violates`) or has
//   a positive label; it is flagged when any guideline hits.
// - per guideline G, violates-style lines: positive when G is in `violates`, flagged when G hits.
// - per guideline G, label-style lines: positive when the label is positive (the label does not
//   say which guideline), flagged when G hits. So G's recall is the share of all positives G
//   catches on its own, and its false positives are its hits on negatives.
// - `guidelines` restricts everything to those ids: other guidelines' hits are ignored and
//   `violates` entries outside the list are dropped.
import { readFile } from "node:fs/promises";
import type { GuidelineSet, RuleHit } from "../api.js";
import { loadGuidelines, type LoadOptions } from "../loader/index.js";
import { defaultRulesDir } from "../loader/sources.js";
import { MemoryRateStore } from "../rates.js";
import { contextInputs } from "../testing/context.js";
import type { EvalInput } from "../types.js";
import { isBadLine, parseLine, type BadLine, type EvalCase } from "./lines.js";
import { Tally, type Scores } from "./metrics.js";

export interface EvalOptions extends LoadOptions {
  /** The JSON-lines file to judge. */
  file: string;
  /** Folder of guideline files; default the bundled rules/ (or STEWARD_RULES_DIR). Ignored with `set`/`evaluate`. */
  rulesDir?: string;
  /** Labels counted as positive on lines with "label" (e.g. ["spam"], ["OFF"]). */
  positive?: readonly string[];
  /** Only these guideline ids count. */
  guidelines?: readonly string[];
  /** An already loaded set (tests, tools). */
  set?: GuidelineSet;
  /** Or just an evaluate function (then guideline ids come from hits and `violates`). */
  evaluate?: (input: EvalInput) => RuleHit[];
}

export interface EvalReport {
  file: string;
  /** Messages judged (bad lines not included). */
  total: number;
  any: Scores;
  guidelines: Record<string, Scores>;
  /** Messages judged per second (building the input and evaluating; not reading the file). */
  messagesPerSecond: number;
  /** Lines skipped, with why. */
  skipped: BadLine[];
  positiveLabels: string[];
}

export async function runEval(options: EvalOptions): Promise<EvalReport> {
  const text = await readFile(options.file, "utf8");
  let evaluate = options.evaluate;
  let known: string[] = [];
  if (!evaluate) {
    const set = options.set ?? (await loadGuidelines(options.rulesDir ?? process.env.STEWARD_RULES_DIR ?? defaultRulesDir(), options));
    evaluate = (input) => set.evaluate(input);
    known = set.guidelines.map((g) => g.id);
  } else if (options.set) {
    known = options.set.guidelines.map((g) => g.id);
  }
  const only = options.guidelines?.length ? new Set(options.guidelines) : null;
  const positiveLabels = new Set(options.positive ?? []);

  const cases: EvalCase[] = [];
  const skipped: BadLine[] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const parsed = parseLine(lines[i]!, i + 1, positiveLabels);
    if (parsed === null) continue;
    if (isBadLine(parsed)) skipped.push(parsed);
    else cases.push(parsed);
  }

  // Judge everything first (timed), count after.
  const hitIds: Set<string>[] = [];
  let nanos = 0n;
  for (const c of cases) {
    const started = process.hrtime.bigint();
    const inputs = contextInputs(c.text, c.context, new MemoryRateStore());
    for (let k = 0; k < inputs.length - 1; k++) evaluate(inputs[k]!);
    const hits = evaluate(inputs[inputs.length - 1]!);
    nanos += process.hrtime.bigint() - started;
    const ids = new Set<string>();
    for (const h of hits) if (!only || only.has(h.guideline.id)) ids.add(h.guideline.id);
    hitIds.push(ids);
  }

  const ids = new Set<string>(only ? [...only] : known);
  if (!only) {
    for (const c of cases) for (const v of c.violates ?? []) ids.add(v);
    for (const h of hitIds) for (const g of h) ids.add(g);
  }
  const any = new Tally();
  const per = new Map<string, Tally>([...ids].sort().map((g) => [g, new Tally()]));
  cases.forEach((c, i) => {
    const hit = hitIds[i]!;
    const violates = c.violates && only ? c.violates.filter((v) => only.has(v)) : c.violates;
    any.add(hit.size > 0, violates ? violates.length > 0 : c.positive);
    for (const [g, tally] of per) tally.add(hit.has(g), violates ? violates.includes(g) : c.positive);
  });

  const seconds = Number(nanos) / 1e9;
  return {
    file: options.file,
    total: cases.length,
    any: any.scores(),
    guidelines: Object.fromEntries([...per].map(([g, t]) => [g, t.scores()])),
    messagesPerSecond: seconds > 0 ? Math.round(cases.length / seconds) : 0,
    skipped,
    positiveLabels: [...positiveLabels],
  };
}
