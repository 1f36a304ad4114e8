// Same-process A/B of two builds of the engine: both load the bundled rules and run the same
// corpus in one process, alternating rounds, so load from other work on a shared machine hits
// both alike. Prints msg/s (best and median of the rounds, CPU time) and the ratio B/A.
//
//   # a build of the old commit beside the new one (any folder with a dist/ and models/):
//   mkdir -p /tmp/old && git archive HEAD~1 src bench scripts tsconfig.json package.json | tar -x -C /tmp/old
//   ln -s "$PWD/node_modules" /tmp/old/node_modules && ln -s "$PWD/models" /tmp/old/models
//   (cd /tmp/old && node node_modules/typescript/bin/tsc -p tsconfig.json --outDir dist)
//   node scripts/prepare.mjs && node dist/bench/engine/ab.js /tmp/old/dist dist [--rounds 9]
//
// Timings on a loaded machine still wander by ±5% between rounds: for small changes compare
// instruction counts too (valgrind --tool=callgrind, instrumentation switched on around the
// measured rounds with callgrind_control -i on/off), which repeat exactly.
import path from "node:path";
import { pathToFileURL } from "node:url";
import { bundledPath } from "../../src/util/paths.js";

type Runner = (text: string) => { length: number };

async function load(dist: string, rules: string, corporaDir: string): Promise<{ run: Runner; texts: string[] }> {
  const url = (p: string) => pathToFileURL(path.resolve(dist, p)).href;
  const { loadGuidelines } = await import(url("src/guidelines/loader/index.js"));
  const { stewardRunner } = await import(url("bench/engine.js"));
  const { benchCorpus } = await import(url("bench/engine/corpus.js"));
  const set = await loadGuidelines(rules);
  return { run: stewardRunner(set), texts: benchCorpus({ corporaDir, seed: 1 }).texts };
}

function cpuSeconds(run: Runner, texts: readonly string[]): number {
  const c0 = process.cpuUsage();
  for (let i = 0; i < texts.length; i++) run(texts[i]!);
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / 1e6;
}

async function main(argv: string[]): Promise<void> {
  const [a, b] = argv.filter((x) => !x.startsWith("--"));
  if (!a || !b) throw new Error("usage: ab.js OLD_DIST NEW_DIST [--rounds N]");
  const i = argv.indexOf("--rounds");
  const rounds = i >= 0 ? Number(argv[i + 1]) : 7;
  const rules = bundledPath("rules");
  const corporaDir = process.env.STEWARD_CORPORA ?? path.resolve(bundledPath(), "../shared/corpora");
  const A = await load(a, rules, corporaDir);
  const B = await load(b, rules, corporaDir);
  const texts = A.texts;
  cpuSeconds(A.run, texts); // warm-up
  cpuSeconds(B.run, texts);
  const ta: number[] = [];
  const tb: number[] = [];
  for (let r = 0; r < rounds; r++) {
    ta.push(cpuSeconds(A.run, texts));
    tb.push(cpuSeconds(B.run, texts));
  }
  const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[xs.length >> 1]!;
  const rate = (s: number) => Math.round(texts.length / s).toLocaleString("en-US");
  console.log(`A ${a}: best ${rate(Math.min(...ta))} msg/s, median ${rate(median(ta))}`);
  console.log(`B ${b}: best ${rate(Math.min(...tb))} msg/s, median ${rate(median(tb))}`);
  console.log(`B/A: best ${(Math.min(...ta) / Math.min(...tb)).toFixed(3)}×, median ${(median(ta) / median(tb)).toFixed(3)}× (${texts.length.toLocaleString("en-US")} messages, ${rounds} rounds each)`);
}

main(process.argv.slice(2)).catch((e) => {
  console.error(e);
  process.exit(1);
});
