// The engine's output over the bench corpus as one hash: every hit of every message (rule, and
// each match's condition, span, text and detail) in order. A speed change must leave it as it
// was; a rule change shows up here too. Also prints msg/s against obscenity (best of 3 rounds,
// same process) so a change can be judged in one run.
//   npx tsx bench/fingerprint.ts [--messages N] [--rules DIR] [--no-speed] [--per-rule]
import { createHash } from "node:crypto";
import path from "node:path";
import { RegExpMatcher, englishDataset, englishRecommendedTransformers } from "obscenity";
import { loadGuidelines } from "../src/guidelines/loader/index.js";
import { bundledPath } from "../src/util/paths.js";
import { benchCorpus } from "./engine/corpus.js";
import { measureThroughput } from "./engine/timing.js";
import { stewardRunner } from "./engine.js";

export async function fingerprint(options: { rules?: string; messages?: number; corporaDir?: string } = {}): Promise<{ hash: string; messages: number; hits: number; perRule: Map<string, number> }> {
  const set = await loadGuidelines(options.rules ?? bundledPath("rules"));
  const corporaDir = options.corporaDir ?? process.env.STEWARD_CORPORA ?? path.resolve(bundledPath(), "../shared/corpora");
  const texts = benchCorpus({ corporaDir, messages: options.messages, seed: 1 }).texts;
  const run = stewardRunner(set);
  const hash = createHash("sha256");
  const perRule = new Map<string, number>();
  let hits = 0;
  texts.forEach((text, i) => {
    for (const h of run(text)) {
      hits++;
      const ref = `${h.guideline.id}/${h.rule.id}`;
      perRule.set(ref, (perRule.get(ref) ?? 0) + 1);
      hash.update(`${i}\t${ref}\t${h.explanation}\n`);
      for (const m of h.matches) hash.update(`\t${m.condition}\t${m.start}\t${m.end}\t${m.text ?? ""}\t${m.detail ?? ""}\n`);
    }
  });
  return { hash: hash.digest("hex").slice(0, 16), messages: texts.length, hits, perRule };
}

async function main(argv: string[]): Promise<void> {
  const opt = (name: string) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const messages = opt("messages") ? Number(opt("messages")) : undefined;
  const rules = opt("rules");
  const fp = await fingerprint({ rules, messages });
  console.log(`fingerprint ${fp.hash}  (${fp.messages.toLocaleString("en")} messages, ${fp.hits.toLocaleString("en")} hits)`);
  if (argv.includes("--per-rule")) for (const [ref, n] of [...fp.perRule].sort()) console.log(`  ${String(n).padStart(6)}  ${ref}`);
  if (argv.includes("--no-speed")) return;
  const set = await loadGuidelines(rules ?? bundledPath("rules"));
  const texts = benchCorpus({ corporaDir: process.env.STEWARD_CORPORA ?? path.resolve(bundledPath(), "../shared/corpora"), messages, seed: 1 }).texts;
  const run = stewardRunner(set);
  const steward = measureThroughput(texts, (t) => run(t).length > 0, { rounds: 3 });
  const obscenity = new RegExpMatcher({ ...englishDataset.build(), ...englishRecommendedTransformers });
  const peer = measureThroughput(texts, (t) => obscenity.hasMatch(t), { rounds: 3 });
  const ratio = steward.messagesPerSecond / peer.messagesPerSecond;
  console.log(`steward ${steward.messagesPerSecond.toLocaleString("en")} msg/s, obscenity ${peer.messagesPerSecond.toLocaleString("en")} msg/s: ${ratio.toFixed(2)}×`);
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith("fingerprint.ts")) {
  main(process.argv.slice(2)).catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
