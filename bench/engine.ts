// Engine speed: the default guidelines (rules/, classifier rules included when they reference
// one) against bad-words and obscenity on the same shuffled corpus, in one process on one core.
//   npx tsx bench/engine.ts [--messages N] [--rounds 3] [--proposed] [--no-baselines] [--json]
// --proposed adds bench/engine/proposed-classifier.yaml (the classifier rules proposed for
// respect and no-self-promotion) when rules/ does not use the classifier yet.
// Goals: ≥ 10× obscenity, ≥ 100× bad-words, p99 < 0.2 ms per message.
import { existsSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Filter } from "bad-words";
import { RegExpMatcher, englishDataset, englishRecommendedTransformers } from "obscenity";
import type { GuidelineSet, RuleHit } from "../src/guidelines/api.js";
import { MessageInput, defaultCommunity, establishedMember } from "../src/guidelines/input.js";
import { loadGuidelines } from "../src/guidelines/loader/index.js";
import { MemoryRateStore } from "../src/guidelines/rates.js";
import type { MemberFacts } from "../src/guidelines/types.js";
import { bundledPath } from "../src/util/paths.js";
import { benchCorpus } from "./engine/corpus.js";
import { formatBaselineTables, guidelineDetector, runBaselineEval, type BaselineTable } from "./engine/baselines.js";
import { measureLatency, measureThroughput, type Latency, type Throughput } from "./engine/timing.js";

export interface EngineBenchOptions {
  /** Guideline folder or files; default the bundled rules/. */
  rules?: string | string[];
  /** Extra guideline files loaded with them (e.g. the proposed classifier rules). */
  extraRules?: string[];
  /** Labelled corpora; default STEWARD_CORPORA or ../shared/corpora beside the repository. */
  corporaDir?: string;
  /** Messages per round; default the whole mixed corpus (~44,700) or 40,000 generated. */
  messages?: number;
  rounds?: number;
  /** Messages timed one by one for p50/p99. */
  latencySample?: number;
  /** bad-words is slow: it runs on this many messages. */
  badWordsMessages?: number;
  seed?: number;
  /** Also precision/recall/F1 of the peers and Steward on OLID and YouTube. */
  baselines?: boolean;
}

export interface EngineBenchResult {
  corpus: { source: "corpora" | "generated"; messages: number; averageChars: number };
  rules: { files: string[]; count: number; classifierRules: number };
  steward: Throughput & Latency;
  obscenity: Throughput;
  badWords: Throughput;
  ratios: { overObscenity: number; overBadWords: number };
  goals: { overObscenity10x: boolean; overBadWords100x: boolean; p99Under200us: boolean };
  baselines?: BaselineTable[];
}

function defaultCorporaDir(): string {
  return process.env.STEWARD_CORPORA ?? path.resolve(bundledPath(), "../shared/corpora");
}

/** Runs each message as a member of a 500-member community, 100 ms apart, like a busy server; returns the hits. */
export function stewardRunner(set: GuidelineSet): (text: string) => RuleHit[] {
  const start = Date.UTC(2025, 0, 6, 12);
  const base = establishedMember(start);
  const members: MemberFacts[] = Array.from({ length: 500 }, (_, i) => ({ ...base, id: `member-${i}`, messageCount: 100 }));
  const community = defaultCommunity();
  const rates = new MemoryRateStore();
  let clock = start;
  let n = 0;
  return (text) => {
    clock += 100;
    const member = members[n % members.length]!;
    const message = { id: `m${n++}`, community: community.id, channel: "general", at: clock, text, attachments: 0, mentions: 0, mentionsEveryone: false };
    return set.evaluate(new MessageInput(message, member, community, rates));
  };
}

function countClassifierRules(set: { rules?: readonly { when: unknown }[] }): number {
  return (set.rules ?? []).filter((r) => JSON.stringify(r.when).includes('"classifier"')).length;
}

export async function runEngineBench(options: EngineBenchOptions = {}): Promise<EngineBenchResult> {
  const rules = options.rules ?? bundledPath("rules");
  const sources = [...(Array.isArray(rules) ? rules : [rules]), ...(options.extraRules ?? [])];
  const set = await loadGuidelines(sources.length === 1 ? sources[0]! : sources);
  const corporaDir = options.corporaDir ?? defaultCorporaDir();
  const corpus = benchCorpus({ corporaDir, messages: options.messages, seed: options.seed ?? 1 });
  const texts = corpus.texts;
  const rounds = options.rounds ?? 3;

  const run = stewardRunner(set);
  const steward = (text: string) => run(text).length > 0;
  const obscenity = new RegExpMatcher({ ...englishDataset.build(), ...englishRecommendedTransformers });
  const badWords = new Filter();

  const stewardThroughput = measureThroughput(texts, steward, { rounds });
  const latency = measureLatency(texts, steward, options.latencySample ?? 20_000);
  const obscenityThroughput = measureThroughput(texts, (t) => obscenity.hasMatch(t), { rounds });
  const bw = texts.slice(0, options.badWordsMessages ?? 5_000);
  const badWordsThroughput = measureThroughput(bw, (t) => badWords.isProfane(t), { rounds: 1, warmup: 500 });

  const overObscenity = stewardThroughput.messagesPerSecond / obscenityThroughput.messagesPerSecond;
  const overBadWords = stewardThroughput.messagesPerSecond / badWordsThroughput.messagesPerSecond;
  const result: EngineBenchResult = {
    corpus: { source: corpus.source, messages: texts.length, averageChars: Math.round(corpus.averageChars) },
    rules: { files: [...set.files], count: set.ruleCount, classifierRules: countClassifierRules(set) },
    steward: { ...stewardThroughput, ...latency },
    obscenity: obscenityThroughput,
    badWords: badWordsThroughput,
    ratios: { overObscenity: Math.round(overObscenity * 10) / 10, overBadWords: Math.round(overBadWords) },
    goals: { overObscenity10x: overObscenity >= 10, overBadWords100x: overBadWords >= 100, p99Under200us: latency.p99Micros < 200 },
  };
  if (options.baselines !== false) {
    result.baselines = runBaselineEval({
      corporaDir,
      detectors: [
        { name: "bad-words 4 isProfane", olid: (t) => badWords.isProfane(t), youtube: (t) => badWords.isProfane(t) },
        { name: "obscenity 0.4 English preset", olid: (t) => obscenity.hasMatch(t), youtube: (t) => obscenity.hasMatch(t) },
        { name: "Steward (any guideline)", olid: guidelineDetector(set), youtube: guidelineDetector(set) },
      ],
    });
  }
  return result;
}

export function formatEngineBench(r: EngineBenchResult): string {
  const int = (n: number) => n.toLocaleString("en-US");
  const ok = (b: boolean) => (b ? "met" : "NOT met");
  const lines = [
    `engine bench: ${int(r.corpus.messages)} ${r.corpus.source} messages (${r.corpus.averageChars} characters on average), one process, one core`,
    `rules: ${r.rules.count} rules from ${r.rules.files.length} files (${r.rules.classifierRules} using the classifier)`,
    "",
    `  Steward default rules   ${int(r.steward.messagesPerSecond).padStart(10)} msg/s   p50 ${r.steward.p50Micros.toFixed(1)} µs   p99 ${r.steward.p99Micros.toFixed(1)} µs   max ${r.steward.maxMicros.toFixed(0)} µs   (${int(r.steward.hits)} messages hit)`,
    `  obscenity hasMatch      ${int(r.obscenity.messagesPerSecond).padStart(10)} msg/s   (${int(r.obscenity.hits)} hit)`,
    `  bad-words isProfane     ${int(r.badWords.messagesPerSecond).padStart(10)} msg/s   (${int(r.badWords.hits)} of ${int(r.badWords.messages)} hit)`,
    "",
    `  Steward / obscenity: ${r.ratios.overObscenity}× (goal ≥ 10×: ${ok(r.goals.overObscenity10x)})`,
    `  Steward / bad-words: ${r.ratios.overBadWords}× (goal ≥ 100×: ${ok(r.goals.overBadWords100x)})`,
    `  Steward p99: ${r.steward.p99Micros.toFixed(1)} µs (goal < 200 µs: ${ok(r.goals.p99Under200us)})`,
  ];
  if (r.baselines?.length) {
    lines.push("", formatBaselineTables(r.baselines));
    if (r.rules.classifierRules > 0) {
      lines.push("", "note: the classifier models were trained on these files, so Steward's rows are in-sample here; cross-validated figures: docs/classifier.md");
    }
  }
  return lines.join("\n");
}

async function main(argv: string[]): Promise<void> {
  const num = (name: string) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? Number(argv[i + 1]) : undefined;
  };
  const proposed = bundledPath("bench/engine/proposed-classifier.yaml");
  const rulesDir = bundledPath("rules");
  const useProposed = argv.includes("--proposed") && existsSync(proposed) && statSync(rulesDir).isDirectory();
  const result = await runEngineBench({
    ...(useProposed && { rules: rulesDir, extraRules: [proposed] }),
    messages: num("messages"),
    rounds: num("rounds"),
    baselines: !argv.includes("--no-baselines"),
  });
  console.log(argv.includes("--json") ? JSON.stringify(result, null, 2) : formatEngineBench(result));
}

const invoked = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (invoked) {
  main(process.argv.slice(2)).catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
