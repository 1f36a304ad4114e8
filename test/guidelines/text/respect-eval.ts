// Scores the respect guideline on the labelled corpora (OLID, Davidson, SMS ham): used by the
// corpus tests and runnable by hand to tune lists:
//   npx tsx test/guidelines/text/respect-eval.ts [olid|davidson|sms] [--fp N] [--fn N] [--rules]
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { loadGuidelines } from "../../../src/guidelines/loader/index.js";
import type { LoadedGuidelineSet } from "../../../src/guidelines/loader/index.js";
import { MessageInput, defaultCommunity, establishedMember } from "../../../src/guidelines/input.js";
import { MemoryRateStore } from "../../../src/guidelines/rates.js";
import type { RuleHit } from "../../../src/guidelines/api.js";

export const respectFile = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../rules/respect.yaml");

export interface Row {
  text: string;
  label: string;
  target_type?: string | null;
  expected?: string;
  input?: string;
}

export function readJsonl(file: string): Row[] {
  return readFileSync(file, "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Row);
}

export async function loadRespect(): Promise<LoadedGuidelineSet> {
  return loadGuidelines([respectFile]);
}

let seq = 0;
/** Judges one message out of context (an established member, a fresh rate store). */
export function judge(set: LoadedGuidelineSet, text: string): RuleHit[] {
  const at = 1_736_164_800_000;
  const input = new MessageInput(
    { id: `m${seq++}`, community: "c", channel: "general", at, text, attachments: 0, mentions: 0, mentionsEveryone: false },
    establishedMember(at),
    defaultCommunity(),
    new MemoryRateStore(),
  );
  return set.evaluate(input).filter((h) => h.guideline.id === "respect");
}

export interface Score {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
  precision: number;
  recall: number;
  f1: number;
}

export function score(pairs: readonly { predicted: boolean; actual: boolean }[]): Score {
  let tp = 0, fp = 0, fn = 0, tn = 0;
  for (const { predicted, actual } of pairs) {
    if (predicted && actual) tp++;
    else if (predicted) fp++;
    else if (actual) fn++;
    else tn++;
  }
  const precision = tp / Math.max(1, tp + fp);
  const recall = tp / Math.max(1, tp + fn);
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { tp, fp, fn, tn, precision, recall, f1 };
}

const pct = (x: number) => (100 * x).toFixed(1);
export const formatScore = (s: Score) => `P ${pct(s.precision)}% R ${pct(s.recall)}% F1 ${pct(s.f1)}% (tp ${s.tp} fp ${s.fp} fn ${s.fn} tn ${s.tn})`;

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const which = args[0] ?? "olid";
  const nFp = args.includes("--fp") ? Number(args[args.indexOf("--fp") + 1]) : 0;
  const nFn = args.includes("--fn") ? Number(args[args.indexOf("--fn") + 1]) : 0;
  const corpora = process.env.STEWARD_CORPORA ?? path.resolve(path.dirname(respectFile), "../../shared/corpora");
  const set = await loadRespect();
  const file = { olid: "olid-train.jsonl", davidson: "davidson.jsonl", sms: "sms-spam.jsonl" }[which] ?? which;
  let rows = readJsonl(path.join(corpora, file));
  if (which === "sms") rows = rows.filter((r) => r.label === "ham");
  const isPos = (r: Row) => (which === "davidson" ? r.label !== "neither" : r.label === "OFF" || r.label === "spam");
  const results = rows.map((r) => ({ r, hits: judge(set, r.text) }));
  const all = score(results.map(({ r, hits }) => ({ predicted: hits.length > 0, actual: isPos(r) })));
  console.log(`${which}: ${formatScore(all)}`);
  if (which === "olid") {
    const ind = results.filter(({ r }) => r.target_type === "IND");
    console.log(`OLID IND recall: ${pct(ind.filter((x) => x.hits.length).length / ind.length)}% of ${ind.length}`);
  }
  if (args.includes("--rules")) {
    const byRule = new Map<string, { tp: number; fp: number }>();
    for (const { r, hits } of results)
      for (const h of new Set(hits.map((h) => h.rule.id))) {
        const s = byRule.get(h) ?? { tp: 0, fp: 0 };
        if (isPos(r)) s.tp++;
        else s.fp++;
        byRule.set(h, s);
      }
    for (const [rule, s] of byRule) console.log(`  ${rule}: tp ${s.tp} fp ${s.fp} precision ${pct(s.tp / (s.tp + s.fp))}%`);
  }
  const show = (xs: typeof results) => xs.forEach(({ r, hits }) => console.log(`  ${hits.map((h) => `${h.rule.id}:"${h.matches[0]?.text}"`).join(" ")} | ${r.text.slice(0, 160).replace(/\n/g, " ")}`));
  if (nFp) {
    console.log("false positives:");
    show(results.filter(({ r, hits }) => hits.length && !isPos(r)).slice(0, nFp));
  }
  if (nFn) {
    console.log("missed:");
    show(results.filter(({ r, hits }) => !hits.length && isPos(r)).sort(() => Math.random() - 0.5).slice(0, nFn));
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
