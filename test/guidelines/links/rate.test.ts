import { describe, expect, it } from "vitest";
import { rateCondition, duplicateKey, duplicateLength } from "../../../src/guidelines/conditions/links/rate.js";
import { MemoryRateStore } from "../../../src/guidelines/rates.js";
import { compile, fakeContext, message } from "./fake-context.js";

const T0 = Date.UTC(2026, 0, 1);
const rate = (config: unknown, id = `rate-${Math.random()}`) => compile(rateCondition, config, fakeContext(process.cwd(), id));

describe("rate", () => {
  it("a burst of 20 fires from the message past the threshold, naming the burst", () => {
    const c = rate({ count: "messages", per: "member", max: 5, within: "10s" });
    const rates = new MemoryRateStore();
    const results = Array.from({ length: 20 }, (_, i) => c.test(message(`msg ${i}`, { at: T0 + i * 200, rates })));
    expect(results.slice(0, 5).every((r) => r === null)).toBe(true);
    expect(results.slice(5).every((r) => r !== null)).toBe(true);
    expect(results[5]![0]!.detail).toBe("6 messages in 10s (max 5)");
    expect(results[19]![0]!.detail).toBe("20 messages in 10s (max 5)");
    expect(results[5]![0]!.start).toBe(-1);
  });

  it("windows expire", () => {
    const c = rate({ count: "messages", max: 2, within: "10s" });
    const rates = new MemoryRateStore();
    const at = (s: number, text = "x") => c.test(message(text, { at: T0 + s * 1000, rates }));
    expect(at(0)).toBeNull();
    expect(at(1)).toBeNull();
    expect(at(2)).not.toBeNull(); // 3 within 10s
    expect(at(11)).toBeNull(); // 0 and 1 have left; 2 and 11 remain
    expect(at(11.5)).not.toBeNull(); // 2, 11, 11.5
    expect(at(13)).not.toBeNull(); // 11, 11.5, 13 (2 has left)
    expect(at(40)).toBeNull();
  });

  it("keeps members, channels and the community apart as asked", () => {
    const rates = new MemoryRateStore();
    const perMember = rate({ count: "messages", per: "member", max: 1, within: "1m" });
    expect(perMember.test(message("a", { at: T0, rates, member: { id: "u1" } }))).toBeNull();
    expect(perMember.test(message("b", { at: T0 + 1, rates, member: { id: "u2" } }))).toBeNull();
    expect(perMember.test(message("c", { at: T0 + 2, rates, member: { id: "u1" } }))).not.toBeNull();

    const perChannel = rate({ count: "messages", per: "channel", max: 1, within: "1m" });
    expect(perChannel.test(message("a", { at: T0, rates, channel: "general", member: { id: "u1" } }))).toBeNull();
    expect(perChannel.test(message("b", { at: T0 + 1, rates, channel: "orders", member: { id: "u2" } }))).toBeNull();
    const hit = perChannel.test(message("c", { at: T0 + 2, rates, channel: "general", member: { id: "u3" } }));
    expect(hit?.[0]?.detail).toBe("2 messages in 1m in this channel (max 1)");

    const community = rate({ count: "messages", per: "community", max: 2, within: "1h" });
    for (let i = 0; i < 2; i++) expect(community.test(message("x", { at: T0 + i, rates, member: { id: `m${i}` }, channel: `c${i}` }))).toBeNull();
    expect(community.test(message("x", { at: T0 + 5, rates, member: { id: "m9" } }))?.[0]?.detail).toBe("3 messages in 1h across the community (max 2)");
  });

  it("rules with the same settings keep separate windows (instance ids)", () => {
    const rates = new MemoryRateStore();
    const a = rate({ count: "messages", max: 1, within: "1m" }, "g/a:when.rate");
    const b = rate({ count: "messages", max: 1, within: "1m" }, "g/b:when.rate");
    expect(a.test(message("1", { at: T0, rates }))).toBeNull();
    expect(a.test(message("2", { at: T0 + 1, rates }))).not.toBeNull();
    expect(b.test(message("3", { at: T0 + 2, rates }))).toBeNull();
  });

  it("counts duplicates, ignoring case, spacing and short messages", () => {
    const c = rate({ count: "duplicates", max: 2, within: "10m" });
    const rates = new MemoryRateStore();
    const send = (text: string, s: number) => c.test(message(text, { at: T0 + s * 1000, rates }));
    expect(send("Buy cheap followers", 0)).toBeNull();
    expect(send("something else entirely", 1)).toBeNull();
    expect(send("buy  CHEAP followers ", 2)).toBeNull();
    const hit = send("BUY CHEAP FOLLOWERS", 3);
    expect(hit?.[0]).toMatchObject({ text: "BUY CHEAP FOLLOWERS", start: 0, detail: "3 identical messages in 10m (max 2)" });
    for (let i = 0; i < 5; i++) expect(send("ok", 10 + i)).toBeNull();
    expect(duplicateKey("A  b\n")).toBe(duplicateKey("a b"));
    expect(duplicateKey("a b")).not.toBe(duplicateKey("ab"));
    expect(duplicateLength(duplicateKey("  A  b\n"))).toBe(3);
  });

  it("counts links, mentions and attachments by weight, skipping messages without any", () => {
    const rates = new MemoryRateStore();
    const links = rate({ count: "links", max: 3, within: "30s" });
    expect(links.test(message("a.com/1 b.com/2", { at: T0, rates }))).toBeNull();
    expect(links.test(message("no links here", { at: T0 + 1, rates }))).toBeNull();
    expect(links.test(message("c.com/3 d.com/4", { at: T0 + 2, rates }))?.[0]?.detail).toBe("4 links in 30s (max 3)");
    const own = rate({ count: "links", max: 0, within: "30s" });
    expect(own.test(message("myshop.com.bd/p/1", { at: T0, rates, community: { ownDomains: ["myshop.com.bd"] } }))).toBeNull();

    const mentions = rate({ count: "mentions", max: 5, within: "1m" });
    expect(mentions.test(message("hey", { at: T0, rates, mentions: 3 }))).toBeNull();
    expect(mentions.test(message("hey", { at: T0 + 1, rates, mentions: 3 }))?.[0]?.detail).toBe("6 mentions in 1m (max 5)");

    const attachments = rate({ count: "attachments", max: 4, within: "1m" });
    expect(attachments.test(message("", { at: T0, rates, attachments: 5 }))?.[0]?.detail).toBe("5 attachments in 1m (max 4)");
  });

  it("keeps counting each member's window across many members (scope table cleared and rebuilt)", () => {
    const rates = new MemoryRateStore();
    const c = rate({ count: "messages", max: 1, within: "1h" });
    const other = rate({ count: "messages", per: "channel", max: 1_000_000, within: "1h" });
    const send = (member: string, i: number) => {
      const input = message("hi", { at: T0 + i, rates, member: { id: member }, channel: `ch${i % 3}` });
      other.test(input); // alternates member and channel scopes
      return c.test(input);
    };
    expect(send("first", 0)).toBeNull();
    for (let i = 1; i <= 60_000; i++) expect(send(`m${i}`, i)).toBeNull();
    expect(send("first", 60_001)?.[0]?.detail).toBe("2 messages in 1h (max 1)");
    expect(send("m60000", 60_002)?.[0]?.detail).toBe("2 messages in 1h (max 1)");
    expect(send("m5", 60_003)?.[0]?.detail).toBe("2 messages in 1h (max 1)");
  });

  it("does not count the same message twice", () => {
    const c = rate({ count: "messages", max: 1, within: "1m" });
    const rates = new MemoryRateStore();
    const first = message("hello", { at: T0, rates });
    expect(c.test(first)).toBeNull();
    expect(c.test(first)).toBeNull();
    expect(c.test(message("again", { at: T0 + 1, rates }))).not.toBeNull();
  });
});

describe("MemoryRateStore", () => {
  it("sums weights within the window and counts equal values", () => {
    const s = new MemoryRateStore();
    expect(s.hit("k", 0, 1000)).toBe(1);
    expect(s.hit("k", 10, 1000, 3)).toBe(4);
    expect(s.hit("k", 1005, 1000)).toBe(4); // the first left: 3 + 1
    expect(s.hitValue("v", "a", 0, 1000)).toBe(1);
    expect(s.hitValue("v", "b", 1, 1000)).toBe(1);
    expect(s.hitValue("v", "a", 2, 1000)).toBe(2);
    expect(s.hitValue("v", "a", 1001, 1000)).toBe(2); // the first "a" left
  });

  it("counts duplicates in busy windows (map) the same as in small ones (scan)", () => {
    const s = new MemoryRateStore();
    let spam = 0;
    for (let i = 0; i < 200; i++) {
      const n = s.hitValue("busy", i % 3 === 0 ? "spam" : `m${i}`, i, 100_000);
      if (i % 3 === 0) spam = n;
    }
    expect(spam).toBe(67);
    // window slides past most events: back to scanning, counts still right
    expect(s.hitValue("busy", "spam", 100_190, 100_000)).toBe(4);
  });

  it("keeps windows exact as its rings wrap around and grow", () => {
    // Reference: the events of the last windowMs, recounted from scratch at every hit.
    const s = new MemoryRateStore();
    const events: { at: number; weight: number; value: number }[] = [];
    let at = 0;
    let seed = 7;
    const rand = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
    for (let i = 0; i < 3000; i++) {
      // a steady stream, then a burst (the ring grows while it has wrapped), then a lull (it
      // empties); values repeat often
      const phase = Math.floor(i / 150) % 3;
      at += phase === 0 ? 40 + Math.floor(rand() * 60) : phase === 1 ? Math.floor(rand() * 6) : i % 150 === 0 ? 5000 : Math.floor(rand() * 300);
      const weight = rand() < 0.2 ? 1 + Math.floor(rand() * 3) : 1;
      const value = Math.floor(rand() * 4);
      events.push({ at, weight, value });
      const live = events.filter((e) => e.at > at - 1000);
      expect(s.hit("w", at, 1000, weight)).toBe(live.reduce((t, e) => t + e.weight, 0));
      expect(s.hitValue("v", `x${value}`, at, 1000)).toBe(live.filter((e) => e.value === value).length);
    }
  });

  it("keeps at most 10,000 events per key", () => {
    const s = new MemoryRateStore();
    let n = 0;
    for (let i = 0; i < 12_000; i++) n = s.hitValue("flood", "same", i, 3_600_000);
    expect(n).toBe(10_000);
    expect(s.hit("plain", 0, 3_600_000, 2)).toBe(2);
    for (let i = 1; i < 12_000; i++) n = s.hit("plain", i, 3_600_000);
    expect(n).toBe(10_000);
  });

  it("forgets idle keys once it holds many", () => {
    const s = new MemoryRateStore(24 * 3_600_000, 100);
    for (let i = 0; i < 100; i++) s.hit(`k${i}`, 0, 1000);
    expect(s.size).toBe(100);
    s.hit("late", 3_600_000, 1000);
    expect(s.size).toBe(1);
    for (let i = 0; i < 150; i++) s.hit(`busy${i}`, 3_600_000 + i, 60_000);
    expect(s.size).toBeLessThanOrEqual(100);
    expect(s.hit("busy149", 3_600_200, 60_000)).toBe(2);
  });
});
