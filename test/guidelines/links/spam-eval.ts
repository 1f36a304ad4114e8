// Scores no-link-spam and no-self-promotion on the labelled corpora through the YAML rules:
// used by the corpus tests and runnable by hand to tune:
//   npx tsx test/guidelines/links/spam-eval.ts [youtube|sms] [--fp N] [--fn N] [--any]
// Each message is judged as an established member (joined a year ago, no strikes, first message
// of the run, fresh rates) in #general of a community with no own domains.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { loadGuidelines, type LoadedGuidelineSet } from "../../../src/guidelines/loader/index.js";
import { formatScore, judgeText, readJsonl as readRows, scorePairs, type Score } from "../../helpers/judge.js";

export const rulesDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../rules");
export const SPAM_GUIDELINES: ReadonlySet<string> = new Set(["no-link-spam", "no-self-promotion"]);

export interface Row {
  text: string;
  label: string;
}

export const readJsonl = (file: string): Row[] => readRows<Row>(file);

/** The whole rules folder, as in production. */
export function loadRules(): Promise<LoadedGuidelineSet> {
  return loadGuidelines(rulesDir);
}

export const judge = judgeText;

export function score(rows: readonly Row[], flagged: (r: Row) => boolean, positive = "spam"): Score {
  return scorePairs(rows.map((r) => ({ predicted: flagged(r), actual: r.label === positive })));
}

export { formatScore, type Score };

/** Flagged by our two guidelines, or (anyGuideline) by any. */
export function flaggedBy(set: LoadedGuidelineSet, anyGuideline = false): (r: Row) => boolean {
  return (r) => judge(set, r.text).some((h) => anyGuideline || SPAM_GUIDELINES.has(h.guideline.id));
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const which = args[0] ?? "youtube";
  const nFp = args.includes("--fp") ? Number(args[args.indexOf("--fp") + 1]) : 0;
  const nFn = args.includes("--fn") ? Number(args[args.indexOf("--fn") + 1]) : 0;
  const any = args.includes("--any");
  const corpora = process.env.STEWARD_CORPORA ?? path.resolve(rulesDir, "../../shared/corpora");
  const set = await loadRules();
  const rows = readJsonl(path.join(corpora, which === "sms" ? "sms-spam.jsonl" : "youtube-spam-dev.jsonl"));
  const perRule = new Map<string, [number, number]>();
  const fps: string[] = [];
  const fns: string[] = [];
  const s = score(rows, (r) => {
    const hits = judge(set, r.text).filter((h) => any || SPAM_GUIDELINES.has(h.guideline.id));
    for (const h of hits) {
      const k = `${h.guideline.id}/${h.rule.id}`;
      const c = perRule.get(k) ?? [0, 0];
      c[r.label === "spam" ? 0 : 1]++;
      perRule.set(k, c);
    }
    if (hits.length && r.label !== "spam") fps.push(`${hits.map((h) => h.rule.id).join(",")} | ${r.text.slice(0, 160)}`);
    if (!hits.length && r.label === "spam") fns.push(r.text.slice(0, 160));
    return hits.length > 0;
  });
  console.log(`${which}${any ? " (any guideline)" : ""}: ${formatScore(s)}`);
  for (const [k, [sp, hm]] of [...perRule].sort((a, b) => b[1][0] - a[1][0])) console.log(`  ${k}: spam ${sp}, ham ${hm}`);
  for (const t of fps.slice(0, nFp)) console.log(`FP ${t}`);
  for (const t of fns.slice(0, nFn)) console.log(`FN ${t}`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) void main();
