// The `regex` condition runs simple patterns on V8's RegExp and the rest on re2js: the native
// engine must find exactly what re2js finds, and patterns a backtracking engine could run in
// more than linear time must stay with re2js.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { RE2JS } from "re2js";
import { compilePattern } from "../../../src/guidelines/regex/engine.js";

const RESPECT_GATE = "(?:^|\\s)@\\w|<@[!&]?\\d+>";

/** re2js's first match, the reference. */
function re2Find(pattern: string, caseInsensitive: boolean, text: string): [number, number] | null {
  const m = RE2JS.compile(pattern, caseInsensitive ? RE2JS.CASE_INSENSITIVE : 0).matcher(text);
  return m.find() ? [m.start(), m.end()] : null;
}

function find(pattern: string, caseInsensitive: boolean, text: string): [number, number] | null {
  const m = compilePattern(pattern, caseInsensitive);
  return m.find(text) ? [m.start, m.end] : null;
}

// Characters where RE2 and JavaScript could disagree: case folding (K KELVIN SIGN, ſ LONG S),
// spaces (\v, NBSP, U+2028 are not RE2's \s), \r and \n for `.`, astral and lone surrogates.
const ALPHABET = [
  "a", "b", "A", "B", "k", "K", "s", "S", "x", "\u017f", "\u212a", "é", "É", "_", "0", "5", "@", "<", ">", "!", "&", "-", ".",
  " ", "\t", "\n", "\v", "\f", "\r", "\u00a0", "\u2028", "\u3000", "😀", "\ud800", "\udc00",
];
const text = fc.array(fc.constantFrom(...ALPHABET), { maxLength: 14 }).map((cs) => cs.join(""));

const ATOMS = ["a", "b", "k", "s", "x", "A", "K", "@", "<", ">", "-", "_", "0", ".", "\\.", "\\-", "\\d", "\\w", "\\s", "\\t", "\\v", "[a-c]", "[^ab]", "[!&]", "[\\d_]", "[^\\s]", "[]a]", "[k-s]", "[^\\w@]", "[-a]"];
const QUANTIFIERS = ["", "", "", "?", "*", "+", "{2}", "{1,3}", "{2,}"];
const { alternation: pattern } = fc.letrec<{ term: string; sequence: string; alternation: string }>((tie) => ({
  term: fc.oneof(
    { maxDepth: 2 },
    fc.tuple(fc.constantFrom(...ATOMS), fc.constantFrom(...QUANTIFIERS)).map(([a, q]) => a + q),
    fc.constantFrom("^", "$"),
    tie("alternation").map((a) => `(?:${a})`),
  ),
  sequence: fc.array(tie("term"), { minLength: 1, maxLength: 4 }).map((ts) => ts.join("")),
  alternation: fc.array(tie("sequence"), { minLength: 1, maxLength: 3 }).map((ss) => ss.join("|")),
}));

describe("regex engine", () => {
  it("runs the respect gate natively, finding what re2js finds", () => {
    expect(compilePattern(RESPECT_GATE, true).engine).toBe("native");
    const samples = ["@USER you are", "hi <@!123> there", "<@&99>", "<@>", "a@b", "\n@x", "\u00a0@x", "@ ", "<@12", "email me@x.com", "x <@1> @y"];
    for (const s of samples) expect(find(RESPECT_GATE, true, s), s).toEqual(re2Find(RESPECT_GATE, true, s));
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...ALPHABET, "<@", "<@!", "123", ">", "@USER"), { maxLength: 10 }), (parts) => {
        const s = parts.join("");
        expect(find(RESPECT_GATE, true, s)).toEqual(re2Find(RESPECT_GATE, true, s));
      }),
      { numRuns: 2000 },
    );
  });

  it("finds the same first match as re2js for every pattern it runs natively", () => {
    let native = 0;
    fc.assert(
      fc.property(pattern, fc.boolean(), fc.array(text, { minLength: 8, maxLength: 8 }), (p, ci, texts) => {
        let ok = true;
        try {
          RE2JS.compile(p, 0);
        } catch {
          ok = false; // not valid RE2 (e.g. a repeated anchor): compilePattern refuses it too
        }
        fc.pre(ok);
        const m = compilePattern(p, ci);
        if (m.engine !== "native") return;
        native++;
        for (const s of texts) expect(find(p, ci, s), `/${p}/${ci ? "i" : ""} on ${JSON.stringify(s)}`).toEqual(re2Find(p, ci, s));
      }),
      { numRuns: 3000 },
    );
    expect(native).toBeGreaterThan(300); // the property exercised the native engine
  });

  it("agrees with re2js where JavaScript's own meaning differs", () => {
    const cases: [string, boolean, string][] = [
      ["@\\w", true, "@\u017f"], // (?i)\w holds ſ and K in RE2
      ["@\\w", false, "@\u017f"],
      ["<k>", true, "<\u212a>"],
      ["<\\s>", true, "<\u000b> <\u00a0> <\u2028> < >"], // RE2's \s is ASCII, without \v
      ["<.>", false, "<\n> <\r> <\u2028> <😀>"], // . is anything but \n, a whole code point
      ["<[^a]>", false, "<😀>"],
      ["x$", false, "x\n"],
      ["^x", false, "\nx"],
      ["[^\\w@]<", true, "\u212a< \u017f< -<"],
    ];
    for (const [p, ci, s] of cases) {
      expect(compilePattern(p, ci).engine, p).toBe("native");
      expect(find(p, ci, s), `${p} on ${JSON.stringify(s)}`).toEqual(re2Find(p, ci, s));
    }
  });

  it("leaves patterns a backtracking engine could run slowly to re2js", () => {
    const dangerous = [
      "(a+)+$", // nested quantifiers: exponential
      "(?:a|a)*b", // quantified alternation
      "(?:a|ab)(?:c|bcd)d", // overlapping branches
      "a*a*a*b", // adjacent overlapping repetitions: polynomial
      "\\d+\\d+x",
      "\\w+@", // unguarded repetition: every start position rescans the run
      "\\s+$",
      "a?a?a?aaa", // optional characters that overlap what follows
      "<[<a]*>", // the guard overlaps the repetition
      "<[!&]?[!\\d]+>", // an optional guard overlapping the repetition
      "x(?:a|ab)",
    ];
    for (const p of dangerous) expect(compilePattern(p, true).engine, p).toBe("re2js");
    // still the right answers, from re2js
    expect(find("(a+)+$", true, "aaaa!")).toBeNull();
    expect(find("\\w+@", true, "mail me@x")).toEqual([5, 8]);
  });

  it("leaves syntax outside the shared subset to re2js", () => {
    for (const p of ["\\bfree\\b", "\\W", "\\S+", "café", "(?i)x", "a{,3}", "a{", "[[:alpha:]]", "\\pL", "a*?", "(?P<n>x)", "\\x41", "[a-c-e]", "(?:ab)+"]) {
      let engine: string;
      try {
        engine = compilePattern(p, true).engine;
      } catch {
        continue; // not RE2 at all
      }
      expect(engine, p).toBe("re2js");
    }
  });

  it("keeps re2js's errors for invalid patterns", () => {
    expect(() => compilePattern("(unclosed", true)).toThrow();
    expect(() => compilePattern("(a)\\1", true)).toThrow();
  });
});
