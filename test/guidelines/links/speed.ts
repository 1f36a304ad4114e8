// Speed of the guideline rules on real chat text: messages/s and per-message latency (p50, p99)
// for the whole rules folder and for no-link-spam + no-self-promotion alone. Each message gets a
// fresh MessageInput (as in production: text analysis and links are computed per message).
// Throughput is CPU time, best of several passes; latencies are wall-clock (inflated on a busy machine).
//   npx tsx test/guidelines/links/speed.ts [--passes N]
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { loadGuidelines, type LoadedGuidelineSet } from "../../../src/guidelines/loader/index.js";
import { MessageInput, defaultCommunity } from "../../../src/guidelines/input.js";
import { MemoryRateStore } from "../../../src/guidelines/rates.js";
import type { MemberFacts, MessageFacts } from "../../../src/guidelines/types.js";
import { readJsonl, rulesDir } from "./spam-eval.js";

export interface SpeedResult {
  messagesPerSecond: number;
  p50us: number;
  p99us: number;
}

const community = defaultCommunity({ ownDomains: ["myshop.com.bd"], protectedNames: ["myshop"] });

/** Messages from the corpora: SMS and YouTube comments (spam-heavy, long). */
export function corpusTexts(corporaDir: string): string[] {
  const sms = readJsonl(path.join(corporaDir, "sms-spam.jsonl")).map((r) => r.text);
  const yt = readJsonl(path.join(corporaDir, "youtube-spam-dev.jsonl")).map((r) => r.text);
  return [...sms, ...yt];
}

// A shop community's everyday chat (English, Bengali, Banglish), about 3% of it spam: what the
// rules see most of the time.
const CHAT = [
  "hi everyone, just joined!", "when will my order arrive? ordered last tuesday", "the jute bag I got is beautiful, stitching is perfect",
  "delivery charge koto dhaka te?", "অর্ডার কবে পাবো?", "thanks for the quick reply :)", "does the blue one come in XL?",
  "I paid with bKash, is that ok?", "let me assess the damage, the box was crushed", "darun quality, abar order korbo",
  "আপনাদের শাড়িটা অসাধারণ, ধন্যবাদ!", "can someone share the size chart please", "Got it. Thanks a lot.", "ok",
  "is the red kurti back in stock?", "my parcel says delivered but I didn't get it. order #48213", "lol same here 😂",
  "can I DM the support team?", "what's your WhatsApp for orders?", "here is the product page https://myshop.com.bd/p/jute-bag-12",
  "price koto? inbox e bolben please", "Eid offer ta kobe shesh hobe?", "ধন্যবাদ ভাই, পেয়ে গেছি", "the app keeps logging me out...",
  "Has anyone tried the new leather wallet? worth it?", "Good morning all! Any updates on restock?",
];
const SPAM = ["claim your prize at dlscord-gift.xyz now", "DM me for cheap followers", "subscribe to my youtube channel!!", "earn $500 a day from home, inbox me"];

export function chatTexts(n = 5000): string[] {
  const out: string[] = [];
  let s = 42;
  const rand = () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
  for (let i = 0; i < n; i++) out.push(rand() < 0.03 ? SPAM[Math.floor(rand() * SPAM.length)]! : CHAT[Math.floor(rand() * CHAT.length)]!);
  return out;
}

export function measure(set: LoadedGuidelineSet, texts: readonly string[], passes = 5): SpeedResult {
  const rates = new MemoryRateStore();
  const t0 = Date.UTC(2025, 0, 1);
  // Like bench/generate-events.ts: 2,000 members, about one message a second.
  const members: MemberFacts[] = Array.from({ length: 2000 }, (_, i) => ({
    id: `u${i}`,
    roles: [],
    joinedAt: i % 20 === 0 ? t0 - 3_600_000 : t0 - 365 * 86_400_000,
    strikes: 0,
    messageCount: i % 20 === 0 ? 1 : 100,
    isModerator: false,
  }));
  let seq = 0;
  const make = (text: string): MessageInput => {
    const i = seq++;
    const message: MessageFacts = { id: `m${i}`, community: "c", channel: `ch${i % 5}`, at: t0 + i * 1000, text, attachments: 0, mentions: i % 50 === 0 ? 1 : 0, mentionsEveryone: false };
    return new MessageInput(message, members[i % members.length]!, community, rates);
  };
  let hits = 0;
  for (let r = 0; r < 3; r++) for (const t of texts) hits += set.evaluate(make(t)).length; // warm up
  // CPU time of this process, best of `passes` passes of about 100,000 messages each (CPU time
  // is counted in scheduler ticks: short passes would be too coarse). Other work on a busy
  // machine inflates some passes, never deflates one.
  const repeat = Math.max(1, Math.round(100_000 / texts.length));
  let best = Infinity;
  for (let r = 0; r < passes; r++) {
    const start = process.cpuUsage().user;
    for (let k = 0; k < repeat; k++) for (const t of texts) hits += set.evaluate(make(t)).length;
    best = Math.min(best, (process.cpuUsage().user - start) / 1e6 / repeat);
  }
  const times = new Float64Array(texts.length * 3);
  let k = 0;
  for (let r = 0; r < 3; r++) {
    for (const t of texts) {
      const input = make(t);
      const a = process.hrtime.bigint();
      hits += set.evaluate(input).length;
      times[k++] = Number(process.hrtime.bigint() - a) / 1000;
    }
  }
  times.sort();
  if (hits < 0) console.log(hits);
  return { messagesPerSecond: texts.length / best, p50us: times[Math.floor(k * 0.5)]!, p99us: times[Math.floor(k * 0.99)]! };
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const passes = args.includes("--passes") ? Number(args[args.indexOf("--passes") + 1]) : 5;
  const corpora = process.env.STEWARD_CORPORA ?? path.resolve(rulesDir, "../../shared/corpora");
  const all = await loadGuidelines(rulesDir);
  const ours = await loadGuidelines([path.join(rulesDir, "no-link-spam.yaml"), path.join(rulesDir, "no-self-promotion.yaml")]);
  const fmt = (r: SpeedResult) => `${Math.round(r.messagesPerSecond).toLocaleString("en")} messages/s, p50 ${r.p50us.toFixed(1)} µs, p99 ${r.p99us.toFixed(1)} µs`;
  const mixes: [string, string[]][] = [["shop chat (3% spam)", chatTexts()]];
  if (existsSync(path.join(corpora, "sms-spam.jsonl"))) mixes.push(["SMS + YouTube corpora", corpusTexts(corpora)]);
  for (const [name, texts] of mixes) {
    console.log(`${name}: ${texts.length} different messages, best of ${passes} passes`);
    console.log(`  no-link-spam + no-self-promotion (${ours.ruleCount} rules): ${fmt(measure(ours, texts, passes))}`);
    console.log(`  whole rules folder (${all.ruleCount} rules): ${fmt(measure(all, texts, passes))}`);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) void main();
