// The engine benchmark runs and reports what it promises (shape only: timing goals live in
// bench/, never in tests). Generated messages, so it runs without the corpora too.
import { describe, expect, it } from "vitest";
import { formatEngineBench, runEngineBench } from "../../../bench/engine.js";
import { benchCorpus, generatedTexts } from "../../../bench/engine/corpus.js";

describe("engine bench", () => {
  it("generates the same chat for the same seed", () => {
    expect(generatedTexts(50, 3)).toEqual(generatedTexts(50, 3));
    expect(benchCorpus({ corporaDir: "/nonexistent", messages: 10 })).toMatchObject({ source: "generated" });
  });

  it("measures Steward, obscenity and bad-words on the same messages", async () => {
    const r = await runEngineBench({ corporaDir: "/nonexistent", messages: 300, rounds: 1, latencySample: 300, badWordsMessages: 50, baselines: false });
    expect(r.corpus).toMatchObject({ source: "generated", messages: 300 });
    expect(r.rules.count).toBeGreaterThan(0);
    for (const x of [r.steward, r.obscenity, r.badWords]) expect(x.messagesPerSecond).toBeGreaterThan(0);
    expect(r.steward.p99Micros).toBeGreaterThanOrEqual(r.steward.p50Micros);
    expect(r.ratios.overObscenity).toBeGreaterThan(0);
    expect(formatEngineBench(r)).toMatch(/Steward \/ obscenity: [\d.]+×/);
  });
});
