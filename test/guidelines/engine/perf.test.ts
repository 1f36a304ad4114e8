// The engine's own overhead: 30 cheap rules (member/channel facts, composition, exemptions)
// must leave room for the real conditions within the 300,000 messages/s budget.
import { describe, expect, it } from "vitest";
import { MemoryRateStore } from "../../../src/guidelines/rates.js";
import { MessageInput, defaultCommunity } from "../../../src/guidelines/input.js";
import { load } from "./helpers.js";

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

describe("engine overhead", () => {
  it("evaluates 30 trivial rules at well over 300,000 messages/s", () => {
    const set = load(thirtyRules());
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
    const n = 500_000;
    const start = process.hrtime.bigint();
    for (let i = 0; i < n; i++) hits += set.evaluate(inputs[i % 1000]!).length;
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    const perSecond = n / seconds;
    console.log(`engine overhead: 30 trivial rules, ${Math.round(perSecond).toLocaleString("en")} messages/s (${((seconds / n) * 1e6).toFixed(2)} µs/message)`);
    expect(hits).toBeGreaterThan(0);
    expect(perSecond).toBeGreaterThan(300_000);
  });
});
