// Text matching speed: the respect guideline (and the whole default rule set) against obscenity's
// English preset and bad-words, on the same messages in the same process, one core.
//   npx tsx bench/text.ts [--messages 100000] [--rounds 3]
// Messages: the labelled corpora (OLID, Davidson, SMS, YouTube) when ../shared/corpora is there,
// else a synthetic mix. Goals: ≥ 300,000 messages/s with p99 < 0.2 ms; ≥ 10× obscenity, ≥ 100× bad-words.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { RegExpMatcher, englishDataset, englishRecommendedTransformers } from "obscenity";
import { Filter } from "bad-words";
import { loadGuidelines } from "../src/guidelines/loader/index.js";
import type { LoadedGuidelineSet } from "../src/guidelines/loader/index.js";
import { MessageInput, defaultCommunity, establishedMember } from "../src/guidelines/input.js";
import { MemoryRateStore } from "../src/guidelines/rates.js";
import type { MemberFacts, MessageFacts } from "../src/guidelines/types.js";

// The repository root, whether this runs from bench/ (tsx) or dist/bench/ (compiled).
const here = path.dirname(fileURLToPath(import.meta.url));
const root = [path.resolve(here, ".."), path.resolve(here, "../..")].find((d) => existsSync(path.join(d, "rules/respect.yaml"))) ?? path.resolve(here, "..");
const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};

function messages(): string[] {
  const dir = process.env.STEWARD_CORPORA ?? path.resolve(root, "../shared/corpora");
  const files = ["olid-train.jsonl", "davidson.jsonl", "sms-spam.jsonl", "youtube-spam-dev.jsonl"].map((f) => path.join(dir, f));
  if (files.every((f) => existsSync(f))) {
    return files.flatMap((f) =>
      readFileSync(f, "utf8")
        .split("\n")
        .filter((l) => l.trim())
        .map((l) => (JSON.parse(l) as { text: string }).text),
    );
  }
  const base = ["thanks, the order arrived today", "you are an idiot", "where do I reset my password?", "this update sucks", "f u c k this", "ami tomake bhalobashi", "তুই একটা শুয়োর", "Great support, 10/10!"];
  return Array.from({ length: 5000 }, (_, i) => `${base[i % base.length]} #${i}`);
}

interface Result {
  name: string;
  perSecond: number;
  p99ms: number;
  hits: number;
}

/**
 * Runs `fn` over the messages `rounds` times. Throughput is from this process's CPU time for the
 * best round (other work on the machine does not count against it); p99 from per-message wall times.
 */
function measure(name: string, texts: readonly string[], rounds: number, fn: (text: string, i: number) => boolean): Result {
  for (let i = 0; i < Math.min(texts.length, 20_000); i++) fn(texts[i]!, i); // warm up
  const times = new Float64Array(texts.length);
  let best = Infinity;
  let hits = 0;
  for (let r = 0; r < rounds; r++) {
    hits = 0;
    const c0 = process.cpuUsage();
    for (let i = 0; i < texts.length; i++) if (fn(texts[i]!, i)) hits++;
    const c = process.cpuUsage(c0);
    best = Math.min(best, (c.user + c.system) / 1e6);
  }
  for (let i = 0; i < texts.length; i++) {
    const t0 = process.hrtime.bigint();
    fn(texts[i]!, i);
    times[i] = Number(process.hrtime.bigint() - t0) / 1e6;
  }
  times.sort();
  return { name, perSecond: texts.length / best, p99ms: times[Math.floor(times.length * 0.99)]!, hits };
}

function engineRunner(set: LoadedGuidelineSet): (text: string, i: number) => boolean {
  const at = Date.UTC(2025, 0, 6, 12);
  const member: MemberFacts = establishedMember(at);
  const community = defaultCommunity();
  const rates = new MemoryRateStore();
  return (text, i) => {
    const message: MessageFacts = { id: `m${i}`, community: "c", channel: "general", at, text, attachments: 0, mentions: 0, mentionsEveryone: false };
    return set.evaluate(new MessageInput(message, { ...member, id: `u${i % 1000}` }, community, rates)).length > 0;
  };
}

async function main(): Promise<void> {
  const all = messages();
  const n = arg("messages", all.length);
  const texts = Array.from({ length: n }, (_, i) => all[i % all.length]!);
  const rounds = arg("rounds", 3);
  console.error(`text bench: ${texts.length.toLocaleString("en")} messages, ${rounds} rounds`);

  const respect = await loadGuidelines([path.join(root, "rules/respect.yaml")]);
  const whole = await loadGuidelines(path.join(root, "rules"));
  const obscenity = new RegExpMatcher({ ...englishDataset.build(), ...englishRecommendedTransformers });
  const badWords = new Filter();

  const results = [
    measure(`steward respect guideline (${respect.ruleCount} rules)`, texts, rounds, engineRunner(respect)),
    measure(`steward default rule set (${whole.ruleCount} rules)`, texts, rounds, engineRunner(whole)),
    measure("obscenity RegExpMatcher (English preset)", texts, rounds, (t) => obscenity.hasMatch(t)),
    measure("bad-words isProfane", texts.slice(0, Math.min(texts.length, 20_000)), 1, (t) => badWords.isProfane(t)),
  ];
  const [ours, , obs, bw] = results;
  for (const r of results) console.log(`${r.name.padEnd(48)} ${Math.round(r.perSecond).toLocaleString("en").padStart(10)} msg/s   p99 ${r.p99ms.toFixed(3)} ms   hits ${r.hits}`);
  console.log(`respect vs obscenity: ${(ours!.perSecond / obs!.perSecond).toFixed(1)}×   vs bad-words: ${(ours!.perSecond / bw!.perSecond).toFixed(0)}×   (goals ≥ 300,000 msg/s, p99 < 0.2 ms, ≥ 10× obscenity, ≥ 100× bad-words)`);
}

await main();
