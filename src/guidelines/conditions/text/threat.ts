// `threat`: threats of violence and violent wishes, in English, Banglish and Bengali — "I will
// kill you", "watch your back", "I know where you live", "he should be shot", "kys",
// "tor barite ashbo", "tore mere felbo", "তোকে মেরে ফেলব". The frames are built in
// (text/respect-grammar.ts); "this bug is killing me" or "kill the process" are not threats.
//
//   when: { threat: {} }
//   when:
//     threat:
//       insults: { file: lists/respect-insult-nouns.txt }   # for "traitors should be shot" (optional)
//       patterns: ["i will dox you"]                         # more frames (optional)
//       allow: ["i will kill you at chess"]                  # phrases that never count (optional)
import { z } from "zod";
import { defineCondition } from "../../types.js";
import { listSpec, resolveList, toMatches } from "../../text/lists.js";
import { compileGrammar, unionSet } from "../../text/grammar.js";
import { GRAMMAR_SETS, THREAT_PATTERNS, THREAT_SETS } from "../../text/respect-grammar.js";
import type { PatternSet } from "../../text/patterns.js";

const schema = z
  .object({
    insults: listSpec.optional().describe("insult words, for \"<insult> should be shot\""),
    patterns: z.array(z.string().min(1)).optional().describe("more threat frames (pattern syntax, built-in sets)"),
    allow: z.array(z.string().min(1)).optional(),
  })
  .strict();

export const threat = defineCondition({
  name: "threat",
  description: "Threats of violence and violent wishes (\"I will kill you\", \"watch your back\", \"tore mere felbo\").",
  schema,
  compile(config, ctx) {
    const insults = config.insults ? resolveList(config.insults, ctx, ["insults"]) : null;
    const own = new Map<string, PatternSet>([["insult", unionSet("insult", insults ? [insults] : [])]]);
    const allow = [...(insults?.allow ?? []), ...(config.allow ?? [])];
    const grammar = compileGrammar(ctx, THREAT_PATTERNS, { ...GRAMMAR_SETS, ...THREAT_SETS }, own, config.patterns ?? [], allow, ["patterns"]);
    return {
      cost: 8,
      test(input) {
        const found = grammar.match(input.text);
        return found.length ? toMatches(input.text, found, "threat", "threat of violence") : null;
      },
    };
  },
});
