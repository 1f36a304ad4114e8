// The engine's own overhead: 30 cheap rules (member/channel facts, composition, exemptions)
// on a short message, so the loop, exemptions and composition stay far below the real
// conditions' cost. Printed by `npm run bench` (goal: well over 300,000 messages/s).
import { loadGuidelinesFromText } from "../../src/guidelines/loader/index.js";
import { MemoryRateStore } from "../../src/guidelines/rates.js";
import { MessageInput, defaultCommunity } from "../../src/guidelines/input.js";

function thirtyRules(): string {
  const rules: string[] = [];
  for (let i = 0; i < 30; i++) {
    const when =
      i % 3 === 0
        ? `{ channel: { in: [c${i}] } }`
        : i % 3 === 1
          ? `{ all: [ { member: { joined_within: 1d } }, { channel: { not_in: [general] } } ] }`
          : `{ any: [ { member: { roles: [r${i}] } }, { all: [ { member: { strikes_at_least: 5 } }, { not: { channel: { in: [general] } } } ] } ] }`;
    rules.push(`      - { id: r${i}, when: ${when}, then: [delete]${i % 5 === 0 ? ", exempt: { roles: [partner] }" : ""} }`);
  }
  return `guidelines:\n  - id: g\n    title: T\n    description: D\n    rules:\n${rules.join("\n")}\nexempt: { roles: [moderator], channels: [mods] }\n`;
}

export function engineOverhead(messages = 500_000): { messagesPerSecond: number; hits: number } {
  const set = loadGuidelinesFromText(thirtyRules(), "overhead.yaml");
  const community = defaultCommunity();
  const rates = new MemoryRateStore();
  const now = Date.UTC(2025, 0, 1);
  const inputs = Array.from({ length: 1000 }, (_, i) => {
    const member = { id: `m${i % 50}`, roles: i % 7 === 0 ? ["member", "regular"] : ["member"], joinedAt: now - 365 * 86_400_000, strikes: i % 6, messageCount: 100, isModerator: false };
    const message = { id: `x${i}`, community: "c", channel: i % 10 === 0 ? "c3" : "general", at: now + i, text: "hello", attachments: 0, mentions: 0, mentionsEveryone: false };
    return new MessageInput(message, member, community, rates);
  });
  let hits = 0;
  for (let i = 0; i < 200_000; i++) hits += set.evaluate(inputs[i % 1000]!).length; // warm up
  hits = 0;
  const c0 = process.cpuUsage();
  for (let i = 0; i < messages; i++) hits += set.evaluate(inputs[i % 1000]!).length;
  const c = process.cpuUsage(c0);
  return { messagesPerSecond: Math.round(messages / ((c.user + c.system) / 1e6)), hits };
}
