// The featurizer's normalization: what counts as the same word, what is skipped.
import { describe, expect, it } from "vitest";
import { FeatureBuffer, featureCodes, featurize, type FeatureOptions } from "../../../src/guidelines/classifier/features.js";

const words: FeatureOptions = { bigrams: false, caps: false, charMin: 0, charMax: 0 };
const codes = (t: string, o = words) => [...featureCodes(t, o)];

describe("featurize", () => {
  it.each([
    ["fuuuuck", "fuck"],
    ["1d10t", "idiot"],
    ["@ss", "ass"],
    ["don't", "dont"],
    ["Idiot", "idiot"],
    ["ＩＤＩＯＴ", "idiot"],
    ["іdіot", "idiot"], // Cyrillic і
    ["@USER you", "you"],
    ["<@123456> you", "you"],
    ["*sigh*", "sigh"],
    ["check http://x.com/a?b now", "check https://y.org now"],
    ["URL", "www.example.com"],
    ["order #48213 now", "order now"],
  ])("%j is featurized like %j", (a, b) => {
    expect(codes(a)).toEqual(codes(b));
  });

  it.each([
    ["f*ck", "fck"],
    ["2 eyes", "z eyes"],
    ["good", "god"],
  ])("%j differs from %j", (a, b) => {
    expect(codes(a)).not.toEqual(codes(b));
  });

  it("skips other scripts and emoji entirely", () => {
    expect(codes("আমার অর্ডার এখনো আসেনি 😀")).toEqual([]);
    expect(codes("ok আমার")).toEqual(codes("ok"));
  });

  it("records word offsets in the original text", () => {
    const buf = new FeatureBuffer();
    const text = "Hey @USER, you 1d10t!!";
    featurize(text, words, buf);
    const spans = Array.from({ length: buf.words }, (_, w) => text.slice(buf.wordStart[w], buf.wordEnd[w]));
    expect(spans).toEqual(["Hey", "you", "1d10t"]);
  });

  it("reuses one buffer without carrying anything over", () => {
    const buf = new FeatureBuffer();
    featurize("a long message with many many words ".repeat(50), { ...words, bigrams: true }, buf);
    featurize("short", { ...words, bigrams: true }, buf);
    expect(buf.words).toBe(1);
    expect(buf.count).toBe(1);
  });
});
