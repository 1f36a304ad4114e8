// Generates a realistic-looking event log for benchmarks: members join, talk, react and
// now and then break a guideline. Deterministic for a given seed.
import { createWriteStream } from "node:fs";
import { once } from "node:events";
import { mulberry32 } from "../src/util/rng.js";

const clean = [
  "hi everyone, just joined!",
  "when will my order arrive? ordered last tuesday",
  "the jute bag I got is beautiful, stitching is perfect",
  "delivery charge koto dhaka te?",
  "অর্ডার কবে পাবো?",
  "thanks for the quick reply :)",
  "does the blue one come in XL?",
  "I paid with bKash, is that ok?",
  "let me assess the damage, the box was crushed",
  "darun quality, abar order korbo",
  "আপনাদের শাড়িটা অসাধারণ, ধন্যবাদ!",
  "can someone share the size chart please",
];
const bad = [
  "you are an idiot",
  "claim your prize at dlscord-gift.xyz now",
  "DM me for cheap followers",
  "subscribe to my youtube channel!!",
  "shut up moron",
];

export async function generateEvents(file: string, count: number, opts: { members?: number; communities?: number; seed?: number } = {}): Promise<void> {
  const members = opts.members ?? 2000;
  const communities = opts.communities ?? 4;
  const rand = mulberry32(opts.seed ?? 42);
  const out = createWriteStream(file);
  const start = Date.parse("2026-09-01T00:00:00Z");
  let t = start;
  let msg = 0;
  const joined = new Set<string>();
  for (let i = 0; i < count; i++) {
    t += Math.floor(rand() * 2000);
    const community = `c${Math.floor(rand() * communities)}`;
    const member = `u${Math.floor(rand() * members)}`;
    const key = `${community}/${member}`;
    const at = new Date(t).toISOString();
    let line: object;
    if (!joined.has(key)) {
      joined.add(key);
      line = { type: "member.joined", at, community, member: { id: member, name: `Member ${member}`, roles: rand() < 0.01 ? ["moderator"] : [] } };
    } else if (rand() < 0.1 && msg > 0) {
      line = { type: "reaction.added", at, community, channel: "general", message: `m${Math.floor(rand() * msg)}`, member, emoji: "👍" };
    } else {
      const text = rand() < 0.03 ? bad[Math.floor(rand() * bad.length)]! : clean[Math.floor(rand() * clean.length)]!;
      line = { type: "message.created", at, community, channel: rand() < 0.7 ? "general" : "orders", message: { id: `m${msg++}`, author: member, text } };
    }
    if (!out.write(JSON.stringify(line) + "\n")) await once(out, "drain");
  }
  out.end();
  await once(out, "finish");
}
