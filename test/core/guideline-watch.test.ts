// Guidelines hot-reload (issue 9): saving a rules file changes what Steward catches within a
// moment; saving an invalid one keeps the last good rules live and alerts moderators with the
// file, line and error.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { watchGuidelines } from "../../src/core/guideline-watch.js";
import { Pipeline, type DecisionRecord } from "../../src/core/pipeline.js";
import { stewardEvent } from "../../src/core/events.js";
import { ReplayAdapter } from "../../src/platforms/replay/adapter.js";
import { MemoryPersistence } from "../../src/core/memory-persistence.js";
import { SettingsProvider } from "../../src/config/settings.js";
import { GuidelineLibrary } from "../../src/guidelines/library.js";
import { silentLogger } from "../../src/log.js";

const until = async (what: string, ok: () => boolean, ms = 10_000) => {
  const end = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
};

describe("guidelines hot reload", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "steward-rules-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("a saved change is live at once; an invalid save keeps the last good rules and alerts moderators", async () => {
    cpSync(path.resolve("test/fixtures/rules"), dir, { recursive: true });
    const file = path.join(dir, "basic.yaml");
    const adapter = new ReplayAdapter();
    const decisions: DecisionRecord[] = [];
    const library = await GuidelineLibrary.load(dir);
    const pipeline = new Pipeline({ adapter, persistence: new MemoryPersistence(), settings: new SettingsProvider(), library, logger: silentLogger, onDecision: (d) => decisions.push(d) });
    let n = 0;
    const post = async (text: string) => {
      n++;
      await pipeline.handle(stewardEvent.parse({ type: "message.created", at: new Date(Date.parse("2026-11-01T00:00:00Z") + n * 3_600_000).toISOString(), community: "acme", channel: "general", message: { id: `m${n}`, author: `u${n}`, text } }));
      return decisions.find((d) => d.message === `m${n}`);
    };
    await post("hello"); // loads the community, so its moderators can be alerted
    const reloads: boolean[] = [];
    const w = watchGuidelines(dir, () => void pipeline.reloadChangedGuidelines().then((r) => reloads.push(r.ok)), { debounceMs: 100 });
    try {
      expect(await post("what a potato")).toBeUndefined();
      writeFileSync(file, readFileSync(file, "utf8").replace("words: [idiot, moron]", "words: [idiot, moron, potato]"));
      await until("the reload", () => reloads.length === 1);
      expect(reloads).toEqual([true]);
      expect((await post("what a potato"))?.rule).toBe("insult");

      // A typo in a condition name: refused, the rules with "potato" stay live, moderators told where.
      writeFileSync(file, readFileSync(file, "utf8").replace("when: { words: [idiot, moron, potato] }", "when: { wrods: [idiot] }"));
      await until("the failed reload", () => reloads.length === 2);
      expect(reloads).toEqual([true, false]);
      expect((await post("such a potato"))?.rule).toBe("insult");
      const alert = adapter.performed.find((a) => a.kind === "alertModerators");
      expect(alert && "text" in alert ? alert.text : "").toMatch(/last good rules stay live[\s\S]*basic\.yaml:\d+:\d+[\s\S]*wrods/);
    } finally {
      w.close();
    }
  }, 30_000);
});
