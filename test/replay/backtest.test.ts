// Backtest: the same history through two rule sets, nothing acted on or stored.
import { describe, expect, it } from "vitest";
import { PassThrough } from "node:stream";
import path from "node:path";
import { runBacktest, formatBacktest } from "../../src/platforms/replay/backtest.js";
import { GuidelineLibrary } from "../../src/guidelines/library.js";
import { SettingsProvider, loadAllSettings } from "../../src/config/settings.js";
import { runCli } from "../../src/cli/main.js";

const fixtures = path.resolve("test/fixtures");

describe("backtest", () => {
  it("counts each rule's hits under both rule sets and lists the decisions that differ", async () => {
    const settings = new SettingsProvider(await loadAllSettings(path.join(fixtures, "communities")));
    const prev = await GuidelineLibrary.load(path.join(fixtures, "rules"));
    // The new set also calls "hello" an insult and matches "nitro" alone.
    const next = await GuidelineLibrary.load(path.join(fixtures, "rules-next"));
    const r = await runBacktest({ file: path.join(fixtures, "small.jsonl"), prev, next, settings, err: new PassThrough() });
    expect(r.events).toBe(12);
    expect(r.skippedLines).toBe(2);
    const counts = Object.fromEntries(r.rules.map((x) => [x.rule, [x.before, x.after]]));
    expect(counts["respect/insult"]).toEqual([2, 3]);
    expect(counts["no-link-spam/scam"]).toEqual([3, 3]);
    // "hello all" (line 3) is a new decision; nothing disappears.
    expect(r.added.map((s) => [s.line, s.after])).toEqual([[3, "respect/insult → delete, warn"]]);
    expect(r.removed).toEqual([]);
    // Case numbers shift by one after line 3, but decisions compare by rule and actions: u1's later
    // hold (line 11) is still a hold, so nothing else changed.
    expect(r.changed).toEqual([]);
    const text = formatBacktest(r, 3);
    expect(text).toMatch(/respect\/insult\s+2 → 3\s+\+1/);
    expect(text).toMatch(/new decisions: 1\n  line 3 \(u1\): no decision  ⇒  respect\/insult → delete, warn  matched "hello"/);
  });

  it("runs from the command line and prints JSON", async () => {
    const out = new PassThrough();
    let o = "";
    out.on("data", (c) => (o += String(c)));
    const code = await runCli(
      ["backtest", path.join(fixtures, "small.jsonl"), "--rules", path.join(fixtures, "rules-next"), "--against", path.join(fixtures, "rules"), "--communities", path.join(fixtures, "communities"), "--json"],
      { out, err: new PassThrough(), env: {}, version: "0" },
    );
    expect(code).toBe(0);
    expect(JSON.parse(o).added).toHaveLength(1);
  });
});
