// The settings search behind specs.ts, rerunnable: 5-fold CV of variants of the offensive and
// spam models, each printed with the figure its threshold policy optimizes.
//   npx tsx scripts/train/search.ts [--corpora DIR] [--model offensive|spam]   (or node dist/scripts/train/search.js after npm run build)
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chooseThreshold, loadExamples } from "./pipeline.js";
import { crossValidate, featurizeAll, type Hyper } from "./core.js";
import { specs, type ModelSpec } from "./specs.js";

interface Variant {
  name: string;
  change(h: Hyper): Hyper;
  /** Change the data (e.g. weights of a source) instead of / as well as the settings. */
  spec?(s: ModelSpec): ModelSpec;
}

const variants: Variant[] = [
  { name: "shipped settings", change: (h) => h },
  { name: "plain logistic regression (no NB weighting)", change: (h) => ({ ...h, nb: 0 }) },
  { name: "no character n-grams", change: (h) => ({ ...h, features: { ...h.features, charMin: 0, charMax: 0 } }) },
  { name: "character 3–5-grams", change: (h) => ({ ...h, features: { ...h.features, charMin: 3 } }) },
  { name: "no word bigrams", change: (h) => ({ ...h, features: { ...h.features, bigrams: false } }) },
  { name: "λ = 1e-4", change: (h) => ({ ...h, fit: { ...h.fit, lambda: 1e-4 } }) },
  { name: "λ = 1e-3", change: (h) => ({ ...h, fit: { ...h.fit, lambda: 1e-3 } }) },
  { name: "length norm √n", change: (h) => ({ ...h, lengthNorm: 0.5 }) },
  { name: "length norm none", change: (h) => ({ ...h, lengthNorm: 0 }) },
  { name: "2^17 buckets", change: (h) => ({ ...h, bits: 17 }) },
];

function withSourceWeight(s: ModelSpec, file: string, weight: number): ModelSpec {
  return {
    ...s,
    sources: s.sources.map((src) => (src.file === file ? { ...src, map: (r) => ({ ...src.map(r)!, weight }) } : src)),
  };
}

const extra: Record<string, Variant[]> = {
  offensive: [
    {
      name: "+ Davidson (hate/offensive vs neither) at weight 0.2, trained on only",
      change: (h) => h,
      spec: (s) => ({
        ...s,
        sources: [
          ...s.sources,
          { file: "davidson.jsonl", map: (r) => ({ y: r.label === "neither" ? 0 : 1, weight: 0.2, group: "davidson", evaluate: false }) },
        ],
      }),
    },
  ],
  spam: [
    { name: "SMS at weight 1", change: (h) => h, spec: (s) => withSourceWeight(s, "sms-spam.jsonl", 1) },
    { name: "SMS at weight 0.3", change: (h) => h, spec: (s) => withSourceWeight(s, "sms-spam.jsonl", 0.3) },
  ],
};

export function main(argv: string[]): void {
  const arg = (name: string) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const here = path.dirname(fileURLToPath(import.meta.url));
  const corporaDir =
    arg("--corpora") ??
    process.env.STEWARD_CORPORA ??
    [path.resolve(here, "../../../shared/corpora"), path.resolve(here, "../../../../shared/corpora")].find((d) => existsSync(d)) ??
    "../shared/corpora";
  const models = (arg("--model") ?? "offensive,spam").split(",");
  for (const name of models) {
    const base = specs[name]!;
    console.log(`${name}: ${base.policy.describe} (5-fold CV, seed 1)`);
    for (const v of [...variants, ...(extra[name] ?? [])]) {
      const spec = v.spec ? v.spec(base) : base;
      const hyper = v.change(spec.hyper);
      const { examples } = loadExamples(spec, corporaDir);
      const scores = crossValidate(featurizeAll(examples, hyper.features), examples, hyper, 5, 1);
      let figure: string;
      try {
        const m = chooseThreshold(scores, examples, spec.policy);
        figure = `t ${m.threshold.toFixed(2)}  P ${m.precision.toFixed(3)}  R ${m.recall.toFixed(3)}  F1 ${m.f1.toFixed(3)}`;
      } catch {
        figure = "no threshold meets the policy";
      }
      console.log(`  ${v.name.padEnd(72)} ${figure}`);
    }
  }
}

const invoked = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (invoked) main(process.argv.slice(2));
