// The normalizer: folding, tokens, leet, joins, and offsets back into the original text.
import { describe, expect, it } from "vitest";
import { analyzeText } from "../../../src/guidelines/text/analysis.js";

const words = (s: string) => analyzeText(s).tokens.map((t) => t.leet);
const joined = (s: string) => analyzeText(s).joined.map((j) => j.text);
const codePoints = (s: string) => [...s].map((c) => c.codePointAt(0)!.toString(16));

describe("folding", () => {
  it("lower-cases plain ASCII without building offset maps", () => {
    const a = analyzeText("Hello WORLD");
    expect(a.normalized).toBe("hello world");
    expect(a.originalSpan(6, 11)).toEqual({ start: 6, end: 11 });
  });
  it("applies NFKC: fullwidth, math letters, circled letters, ligatures", () => {
    expect(analyzeText("ＦＵＣＫ").normalized).toBe("fuck");
    expect(analyzeText("𝐟𝐮𝐜𝐤").normalized).toBe("fuck");
    expect(analyzeText("ⓕⓤⓒⓚ").normalized).toBe("fuck");
    expect(analyzeText("ﬁne").normalized).toBe("fine");
  });
  it("strips Latin diacritics", () => {
    expect(analyzeText("fück śhït").normalized).toBe("fuck shit");
    expect(analyzeText("fu\u0308ck").normalized).toBe("fuck");
  });
  it("removes zero-width and bidi control characters", () => {
    expect(analyzeText("f\u200bu\u200cc\u200dk").normalized).toBe("fuck");
    expect(analyzeText("sh\u202eit\u2066\u00ad").normalized).toBe("shit");
    expect(analyzeText("\ufefffuck\u2060").normalized).toBe("fuck");
  });
  it("folds Cyrillic and Greek lookalikes inside Latin-looking words only", () => {
    expect(analyzeText("раураl").normalized).toBe("paypal"); // Cyrillic р а у а + Latin l
    expect(analyzeText("ѕһіт").normalized).toBe("shit"); // all lookalikes
    expect(analyzeText("fυck").normalized).toBe("fuck"); // Greek upsilon
    expect(analyzeText("ᴅɪᴄᴋ").normalized).toBe("dick"); // small capitals
    expect(analyzeText("Привет").normalized).toBe("привет"); // a Russian word stays Russian
  });
  it("keeps Bengali intact: vowel signs, virama, nukta, joiners", () => {
    for (const s of ["কুত্তার বাচ্চা", "তুই একটা শুয়োর", "র‍্যাব", "আমি তোমাকে ভালোবাসি", "ক্ষমা", "বাংলা ভাষা", "হারামজাদা"]) {
      const n = analyzeText(s).normalized;
      expect(codePoints(n)).toEqual(codePoints(s.normalize("NFKC")));
    }
    // Precomposed nukta letters become base + nukta under NFKC (the same text, canonically).
    const yya = "\u09df";
    expect(codePoints(analyzeText(yya).normalized)).toEqual(["9af", "9bc"]);
    // Signs that a Latin-only normalizer would strip survive.
    const n = analyzeText("কুত্তা").normalized;
    expect(n).toContain("\u09cd"); // virama
    expect(n).toContain("\u09c1"); // vowel sign u
  });
  it("maps normalized ranges back to original offsets", () => {
    const raw = "ｓｈ\u200bｉｔ happens";
    const a = analyzeText(raw);
    expect(a.normalized).toBe("shit happens");
    const tok = a.tokens[0]!;
    expect(raw.slice(tok.start, tok.end)).toBe("ｓｈ\u200bｉｔ");
    const i = a.normalized.indexOf("happens");
    const span = a.originalSpan(i, i + 7);
    expect(raw.slice(span.start, span.end)).toBe("happens");
  });
});

describe("tokens", () => {
  it("drops apostrophes, hashtags and trailing punctuation", () => {
    expect(words("You're #stupid!!! don’t")).toEqual(["youre", "stupid", "dont"]);
  });
  it("decodes leetspeak only inside words with letters", () => {
    expect(words("sh1t $hit @ss f4g a55 b!tch")).toEqual(["shit", "shit", "ass", "fag", "ass", "bitch"]);
    expect(words("I have 2 eyes and 420 friends")).toEqual(["i", "have", "2", "eyes", "and", "420", "friends"]);
    expect(analyzeText("1diot").tokens[0]!.alt).toBe("ldiot"); // 1 may be l too
  });
  it("keeps * and # as wildcards", () => {
    expect(words("f*ck a**hole sh#t")).toEqual(["f*ck", "a**hole", "sh#t"]);
    expect(words("*really* great")).toEqual(["really", "great"]);
  });
  it("joins spelled-out letters and glued words", () => {
    expect(joined("f u c k")).toContain("fuck");
    expect(joined("f.u.c.k")).toContain("fuck");
    expect(joined("f-u-c-k")).toContain("fuck");
    expect(joined("f - u - c - k")).toContain("fuck");
    expect(joined("mother-fucker")).toContain("motherfucker");
    expect(joined("a-hole")).toContain("ahole");
    expect(analyzeText("f*u*c*k").tokens[0]!.alt).toBe("fuck");
    expect(joined("the pen is here")).toEqual([]);
  });
  it("marks sentence breaks", () => {
    const t = analyzeText("shut. Up").tokens;
    expect(t[1]!.flags & 16).toBe(16);
  });
  it("gives the words view with token positions", () => {
    const a = analyzeText("You're an 1d10t");
    expect(a.words).toBe("youre an idiot");
    expect(a.wordTokenAt(a.words.indexOf("idiot"))).toBe(2);
  });
});

describe("laziness", () => {
  it("does no work until asked and caches per message", () => {
    const a = analyzeText("hello");
    const key = {};
    let n = 0;
    a.memo(key, () => ++n);
    a.memo(key, () => ++n);
    expect(n).toBe(1);
    expect(a.tokens).toBe(a.tokens);
  });
});
