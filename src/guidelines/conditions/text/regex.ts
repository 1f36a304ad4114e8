// `regex`: RE2 regular expressions (linear time, no catastrophic backtracking). Patterns RE2
// cannot run in linear time (backreferences, lookahead/lookbehind) are refused at load. Simple
// patterns proven linear run on V8's RegExp, the rest on re2js (regex/engine.ts): same matches.
// Case-insensitive unless `case_sensitive: true`.
//
//   when: { regex: "\\bfree\\s+nitro\\b" }
//   when:
//     regex:
//       pattern: "k+i+l+l+ *(yo)?u+r+ *s+e+l+f+"   # or patterns: [...]
//       on: normalized      # normalized (default: folded text) | words (decoded words, one space apart) | raw
//       case_sensitive: false
import { z } from "zod";
import { defineCondition, type Match } from "../../types.js";
import type { TextAnalysis } from "../../text/analysis.js";
import { compilePattern } from "../../regex/engine.js";

const schema = z.union([
  z.string().min(1),
  z
    .object({
      pattern: z.string().min(1).optional(),
      patterns: z.array(z.string().min(1)).optional(),
      on: z.enum(["normalized", "words", "raw"]).optional().describe("which text to search (default normalized)"),
      case_sensitive: z.boolean().optional(),
    })
    .strict(),
]);

/** Original [start, end) of a match found in the chosen view of the text. */
function span(a: TextAnalysis, on: string, s: number, e: number): { start: number; end: number } {
  if (on === "raw") return { start: s, end: e };
  if (on === "normalized") return a.originalSpan(s, e);
  const tokens = a.tokens;
  if (!tokens.length) return { start: 0, end: 0 };
  const first = a.wordTokenAt(s);
  const last = a.wordTokenAt(Math.max(s, e - 1));
  return { start: tokens[first]!.start, end: tokens[last]!.end };
}

export const regex = defineCondition({
  name: "regex",
  description: "RE2 regular expressions (linear time) on the normalized text, its words, or the raw text.",
  schema,
  compile(config, ctx) {
    const opts = typeof config === "string" ? { pattern: config } : config;
    const sources = [...(opts.pattern ? [opts.pattern] : []), ...(opts.patterns ?? [])];
    if (!sources.length) ctx.fail("no pattern given", "write `pattern: \"...\"` or `patterns: [...]`");
    const on = opts.on ?? "normalized";
    const compiled = sources.map((src, i) => {
      try {
        return compilePattern(src, !opts.case_sensitive);
      } catch (err) {
        const why = err instanceof Error ? err.message : String(err);
        const hint = /\\[1-9]|\(\?[=!<]/.test(src)
          ? "RE2 runs in linear time and has no backreferences or lookaround; match the words with `phrases`, or split the rule with `all`/`not`"
          : "check the pattern's syntax (RE2)";
        return ctx.fail(`the pattern ${JSON.stringify(src)} cannot be used: ${why}`, hint, typeof config === "string" ? [] : opts.pattern ? ["pattern"] : ["patterns", i - (opts.pattern ? 1 : 0)]);
      }
    });
    return {
      cost: 20,
      test(input) {
        const a = input.text;
        const text = on === "raw" ? a.raw : on === "words" ? a.words : a.normalized;
        let out: Match[] | null = null;
        for (const re of compiled) {
          if (!re.find(text)) continue;
          const { start, end } = span(a, on, re.start, re.end);
          (out ??= []).push({ condition: "regex", text: a.raw.slice(start, end), start, end, detail: `matches /${re.pattern}/` });
        }
        return out;
      },
    };
  },
});
