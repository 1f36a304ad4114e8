// The goals of no-link-spam + no-self-promotion on the labelled corpora (development sets; the
// held-out sets of the same kinds are checked separately). Each message is judged as an
// established member posting their first message of the run (see spam-eval.ts).
import { beforeAll, describe, expect, it } from "vitest";
import type { LoadedGuidelineSet } from "../../../src/guidelines/loader/index.js";
import { corpus, haveCorpora, noCorporaReason } from "../../helpers/corpora.js";
import { flaggedBy, formatScore, loadRules, readJsonl, score } from "./spam-eval.js";

describe.skipIf(!haveCorpora)("spam guidelines on the corpora", () => {
  let set: LoadedGuidelineSet;
  beforeAll(async () => {
    set = await loadRules();
  });

  it("YouTube comments: F1 ≥ 0.90 (our two guidelines, and any guideline)", () => {
    const rows = readJsonl(corpus("youtube-spam-dev.jsonl"));
    const ours = score(rows, flaggedBy(set));
    const any = score(rows, flaggedBy(set, true));
    console.log(`YouTube spam, no-link-spam + no-self-promotion: ${formatScore(ours)}`);
    console.log(`YouTube spam, any guideline: ${formatScore(any)}`);
    expect(ours.f1).toBeGreaterThanOrEqual(0.9);
    expect(any.f1).toBeGreaterThanOrEqual(0.9);
  });

  it("SMS: at most 1% of ham flagged; spam recall reported", () => {
    const rows = readJsonl(corpus("sms-spam.jsonl"));
    const s = score(rows, flaggedBy(set));
    console.log(`SMS, no-link-spam + no-self-promotion: ${formatScore(s)} (spam recall ${(100 * s.recall).toFixed(1)}%)`);
    expect(s.fpRate).toBeLessThanOrEqual(0.01);
  });
});

if (!haveCorpora) describe.skip(noCorporaReason, () => it("needs the corpora", () => {}));
