import { describe, expect, it } from "vitest";
import { splitMessage } from "../../src/util/split-text.js";

describe("splitting long messages for a platform's limit", () => {
  it("keeps short text whole", () => {
    expect(splitMessage("hello\nworld", 2000)).toEqual(["hello\nworld"]);
  });

  it("cuts at line breaks, every part within the limit, nothing lost", () => {
    const lines = Array.from({ length: 30 }, (_, i) => `line ${i} ${"x".repeat(i * 3)}`);
    const text = lines.join("\n");
    const parts = splitMessage(text, 200);
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) expect(p.length).toBeLessThanOrEqual(200);
    expect(parts.join("\n")).toBe(text);
    for (const p of parts) expect(p.startsWith("line ")).toBe(true);
  });

  it("cuts a single line longer than the limit", () => {
    const parts = splitMessage(`short\n${"y".repeat(25)}\nend`, 10);
    expect(parts).toEqual(["short", "yyyyyyyyyy", "yyyyyyyyyy", "yyyyy\nend"]);
  });
});
