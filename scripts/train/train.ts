// Trains the shipped classifier models: `npm run build && node scripts/train/train.mjs --model offensive`
// (or `npx tsx scripts/train/train.ts --model offensive`).
//   --model NAME|all     which model (offensive, spam; insult is an unshipped experiment); default all
//   --corpora DIR        labelled corpora (default ../shared/corpora beside the repo, or STEWARD_CORPORA)
//   --out DIR            where model files go (default models/)
//   --folds N --seed N   cross-validation (default 5 folds, seed 1)
//   --no-cv              skip cross-validation (threshold 0.5; for quick experiments only)
//   --check              retrain and compare with the committed file instead of writing (exit 1 if different)
//   --oof FILE           also write the out-of-fold scores (JSON lines: text, y, tag, score)
//   --with-rules DIR     also print how the model adds to the rules of DIR doing the same job
//                        (rules ∪ model ≥ threshold on the out-of-fold scores), to pick rule thresholds
// Deterministic: the same data and settings write byte-identical files.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { readCleanLines, trainSpec } from "./pipeline.js";
import { specs } from "./specs.js";
import { formatUnionTable, ruleHits, unionTable } from "./union.js";

function repoRoot(): string {
  // works from scripts/train (sources) and dist/scripts/train (compiled)
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, "package.json"))) {
    const up = path.dirname(dir);
    if (up === dir) throw new Error("could not find the repository root");
    dir = up;
  }
  return dir;
}

export function serializeModel(file: unknown): string {
  return JSON.stringify(file, null, 1) + "\n";
}

export async function main(argv: string[]): Promise<number> {
  const root = repoRoot();
  const arg = (name: string): string | undefined => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const which = arg("--model") ?? "all";
  const corporaDir = arg("--corpora") ?? process.env.STEWARD_CORPORA ?? path.resolve(root, "../shared/corpora");
  const outDir = arg("--out") ?? path.join(root, "models");
  const folds = Number(arg("--folds") ?? 5);
  const seed = Number(arg("--seed") ?? 1);
  const check = argv.includes("--check");
  const names = which === "all" ? Object.values(specs).filter((s) => s.shipped).map((s) => s.name) : which.split(",");
  for (const n of names) {
    if (!specs[n]) {
      console.error(`train: unknown model "${n}" (known: ${Object.keys(specs).join(", ")})`);
      return 2;
    }
  }
  if (!existsSync(corporaDir)) {
    console.error(`train: corpora not found at ${corporaDir} (use --corpora DIR or STEWARD_CORPORA)`);
    return 2;
  }
  const cleanLines = readCleanLines(path.join(root, "scripts/train/clean-support.txt"));
  let failed = false;
  for (const n of names) {
    const result = trainSpec(specs[n]!, {
      corporaDir,
      folds,
      seed,
      cv: !argv.includes("--no-cv"),
      cleanLines,
      log: (l) => console.error(l),
    });
    const text = serializeModel(result.file);
    const target = path.join(outDir, `${n}.json`);
    if (check) {
      const same = existsSync(target) && readFileSync(target, "utf8") === text;
      console.error(`${n}: ${same ? "identical to" : "DIFFERENT from"} ${path.relative(root, target)}`);
      failed ||= !same;
    } else {
      mkdirSync(outDir, { recursive: true });
      writeFileSync(target, text);
      console.error(`${n}: wrote ${path.relative(root, target)} (${(text.length / 1024).toFixed(0)} KiB, ${result.file.weights.count} weights)`);
    }
    const withRules = arg("--with-rules");
    if (withRules && result.oof) {
      const spec = specs[n]!;
      const hits = await ruleHits(result.examples, withRules, spec.rulesGuidelines);
      const grid = [...new Set([...Array.from({ length: 13 }, (_, i) => Math.round(30 + i * 5) / 100), result.file.threshold])].sort((a, b) => a - b);
      const thresholds = [null, ...grid];
      console.error(formatUnionTable(unionTable(result.examples, result.oof, hits, spec.slices, thresholds), spec.rulesGuidelines.join(", ")));
    }
    const oofFile = arg("--oof");
    if (oofFile && result.oof) {
      const lines = result.examples.map((e, i) => JSON.stringify({ text: e.text, y: e.y, group: e.group, tag: e.tag, score: result.oof![i] }));
      writeFileSync(oofFile.replace("{model}", n), lines.join("\n") + "\n");
    }
  }
  return failed ? 1 : 0;
}

const invoked = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (invoked) process.exitCode = await main(process.argv.slice(2));
