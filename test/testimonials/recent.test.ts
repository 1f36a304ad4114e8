import { describe, expect, it } from "vitest";
import { RecentMessages } from "../../src/testimonials/recent.js";

const msg = (text: string, at = 0) => ({ author: "u1", channel: "general", text, at });

describe("recent messages (what a moderator's reaction can capture)", () => {
  it("keeps the last N messages and forgets the oldest first", () => {
    const r = new RecentMessages(3);
    for (let i = 1; i <= 5; i++) r.set(`m${i}`, msg(`text ${i}`, i));
    expect(r.size).toBe(3);
    expect(r.has("m1")).toBe(false);
    expect(r.has("m2")).toBe(false);
    expect(r.get("m3")?.text).toBe("text 3");
    expect(r.get("m5")?.text).toBe("text 5");
  });

  it("an edit replaces the text in place and does not push another message out", () => {
    const r = new RecentMessages(2);
    r.set("m1", msg("helo", 1));
    r.set("m2", msg("second", 2));
    r.set("m1", msg("hello", 1));
    expect(r.size).toBe(2);
    expect(r.get("m1")?.text).toBe("hello");
    expect(r.get("m2")?.text).toBe("second");
    r.set("m3", msg("third", 3));
    expect(r.has("m1")).toBe(false);
    expect(r.get("m2")?.text).toBe("second");
  });

  it("a deleted message is gone, and its slot is reused without losing newer ones", () => {
    const r = new RecentMessages(2);
    r.set("m1", msg("one"));
    r.set("m2", msg("two"));
    r.delete("m1");
    expect(r.get("m1")).toBeUndefined();
    r.set("m3", msg("three"));
    expect([r.has("m2"), r.has("m3"), r.size]).toEqual([true, true, 2]);
  });
});
