// Scores the respect guideline on the labelled corpora (OLID, Davidson, SMS ham): used by the
// corpus tests and runnable by hand to tune lists:
//   npx tsx test/guidelines/text/respect-eval.ts [olid|davidson|sms] [--fp N] [--fn N] [--rules]
import path from "node:path";
import { fileURLToPath } from "node:url";
import { loadGuidelines } from "../../../src/guidelines/loader/index.js";
import type { LoadedGuidelineSet } from "../../../src/guidelines/loader/index.js";
import type { RuleHit } from "../../../src/guidelines/api.js";
import { formatScore, judgeText, readJsonl as readRows, scorePairs, type Score } from "../../helpers/judge.js";

export const respectFile = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../rules/respect.yaml");

export interface Row {
  text: string;
  label: string;
  target_type?: string | null;
  expected?: string;
  input?: string;
}

export const readJsonl = (file: string): Row[] => readRows<Row>(file);

export async function loadRespect(): Promise<LoadedGuidelineSet> {
  return loadGuidelines([respectFile]);
}

/** Judges one message out of context; only the respect guideline's hits. */
export function judge(set: LoadedGuidelineSet, text: string): RuleHit[] {
  return judgeText(set, text).filter((h) => h.guideline.id === "respect");
}

export { scorePairs as score, formatScore, type Score };

const pct = (x: number) => (100 * x).toFixed(1);

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
  const all = scorePairs(results.map(({ r, hits }) => ({ predicted: hits.length > 0, actual: isPos(r) })));
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
