// The messages the engine benchmark runs on: the labelled corpora's texts shuffled together with
// a fixed seed, or (when the corpora are absent) generated chat of similar length and mix.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { mulberry32, shuffleWith as shuffle } from "../../src/util/rng.js";

export const CORPUS_FILES = ["olid-train.jsonl", "davidson.jsonl", "sms-spam.jsonl", "youtube-spam-dev.jsonl"];

export interface BenchCorpus {
  texts: string[];
  source: "corpora" | "generated";
  averageChars: number;
}

const OPENERS = ["hi", "hey all", "ok so", "lol", "honestly", "quick question:", "guys", "update:", "", ""];
const BODIES = [
  "my order still says processing, can someone check",
  "the delivery was super fast, thanks!",
  "is the blue one back in stock",
  "this app keeps crashing when I open the cart",
  "you are an idiot and nobody likes you",
  "check out my channel and subscribe http://bit.ly/x",
  "damn that was fast",
  "what the hell happened to my refund",
  "FREE entry! text WIN to 80082 to claim your prize",
  "ami order korsi 3 din age, ekhono ashe nai",
  "আমার অর্ডার এখনো আসেনি, একটু দেখবেন?",
  "shut up you stupid b1tch",
  "can I pay cash on delivery in Dhaka?",
  "visit www.cheap-deals.example for 50% off",
];
const CLOSERS = ["", "", "thanks", "pls", "😀", "!!", "?", "asap"];

/** Synthetic chat (fixed seed): openers, bodies and closers combined, ~60 characters. */
export function generatedTexts(count: number, seed = 1): string[] {
  const rand = mulberry32(seed);
  const pick = (xs: readonly string[]) => xs[Math.floor(rand() * xs.length)]!;
  return Array.from({ length: count }, () => [pick(OPENERS), pick(BODIES), pick(CLOSERS)].filter(Boolean).join(" "));
}

export function benchCorpus(options: { corporaDir?: string; messages?: number; seed?: number } = {}): BenchCorpus {
  const seed = options.seed ?? 1;
  const dir = options.corporaDir;
  let texts: string[];
  let source: BenchCorpus["source"];
  if (dir && CORPUS_FILES.every((f) => existsSync(path.join(dir, f)))) {
    texts = CORPUS_FILES.flatMap((f) =>
      readFileSync(path.join(dir, f), "utf8")
        .split("\n")
        .filter((l) => l.trim())
        .map((l) => (JSON.parse(l) as { text: string }).text),
    );
    shuffle(texts, mulberry32(seed));
    source = "corpora";
  } else {
    texts = generatedTexts(options.messages ?? 40_000, seed);
    source = "generated";
  }
  if (options.messages !== undefined) texts = Array.from({ length: options.messages }, (_, i) => texts[i % texts.length]!);
  let chars = 0;
  for (const t of texts) chars += t.length;
  return { texts, source, averageChars: texts.length ? chars / texts.length : 0 };
}
