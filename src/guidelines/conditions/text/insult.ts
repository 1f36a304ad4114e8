// `insult`: an insult aimed at a person, not just a rude word. The condition brings the frames
// (text/respect-grammar.ts) — "you are a …", "you …", "ur a …", "he is such a …", "… like you",
// "liberals are …", "these …", "what a …", "Idiot!", Banglish "tui ekta …", "… kothakar",
// Bengali "তুই একটা …" — and the guideline brings the insult words. "This bug is stupid" is
// not an insult at a person; "you are stupid" is.
//
//   when:
//     insult:
//       nouns: { file: lists/respect-insult-nouns.txt }          # idiot, moron, loser, harami, শুয়োর
//       adjectives: { file: lists/respect-insult-adjectives.txt } # stupid, pathetic
//       anywhere: false      # true: the words count without a frame too ("what idiots")
// Never counted: insults said of oneself or denied ("I'm such an idiot", "he is not a moron").
//       patterns: ["stop being a|an {noun}"]   # more frames (optional); sets: {noun} {adj} {insult}
//                                              # and the grammar's ({you}, {youre}, {art}, {mod}, …)
//       allow: ["you are a bad bitch"]         # phrases that never count (optional)
//       repeated: { times: 3, within: 1h }     # only when the same member did it this often (optional)
// At least one of `nouns` and `adjectives` is needed.
import { z } from "zod";
import { defineCondition } from "../../types.js";
import { duration } from "../../../util/duration.js";
import { listSpec, resolveList, toMatches, CompiledList, type ResolvedList } from "../../text/lists.js";
import { compileGrammar, unionSet } from "../../text/grammar.js";
import { GRAMMAR_SETS, INSULT_PATTERNS, SELF_PATTERNS } from "../../text/respect-grammar.js";
import type { PatternMatch, PatternSet } from "../../text/patterns.js";

export const repeatedSchema = z
  .object({
    times: z.number().int().min(2).describe("how many times, this one included"),
    within: duration.describe("window, e.g. 1h"),
  })
  .strict();

const schema = z
  .object({
    nouns: listSpec.optional().describe("insults naming a person: idiot, moron, loser"),
    adjectives: listSpec.optional().describe("insulting adjectives: stupid, pathetic"),
    anywhere: z.boolean().optional().describe("also count the words outside the frames, except said of oneself"),
    patterns: z.array(z.string().min(1)).optional().describe("more frames using {noun}, {adj}, {insult} and the built-in sets"),
    allow: z.array(z.string().min(1)).optional(),
    repeated: repeatedSchema.optional(),
  })
  .strict();

export const insult = defineCondition({
  name: "insult",
  description: "An insult aimed at a person (\"you are a …\", \"… like you\", \"tui ekta …\"), with the insult words from lists.",
  schema,
  compile(config, ctx) {
    if (!config.nouns && !config.adjectives) ctx.fail("no insult words given", "add `nouns:` and/or `adjectives:` (each a list)");
    const nouns: ResolvedList | null = config.nouns ? resolveList(config.nouns, ctx, ["nouns"]) : null;
    const adjectives: ResolvedList | null = config.adjectives ? resolveList(config.adjectives, ctx, ["adjectives"]) : null;
    const both = [nouns, adjectives].filter((l): l is ResolvedList => l !== null);
    const insultSet = unionSet("insult", both);
    const own = new Map<string, PatternSet>([
      ["noun", unionSet("noun", nouns ? [nouns] : [])],
      ["adj", unionSet("adj", adjectives ? [adjectives] : [])],
      ["insult", insultSet],
    ]);
    const allow = [...(nouns?.allow ?? []), ...(adjectives?.allow ?? []), ...(config.allow ?? [])];
    const grammar = compileGrammar(ctx, INSULT_PATTERNS, GRAMMAR_SETS, own, config.patterns ?? [], allow, ["patterns"]);
    const anywhere = config.anywhere ? new CompiledList(insultSet, grammar.allowSet) : null;
    const framesToo = (config.patterns ?? []).length > 0;
    const excused = compileGrammar(ctx, SELF_PATTERNS, GRAMMAR_SETS, own, [], [], []).set;
    const repeated = config.repeated;
    const key = `insult:${ctx.instanceId}:`;
    return {
      cost: 8,
      test(input) {
        const a = input.text;
        // With `anywhere`, every built-in frame match contains a word match: the words decide
        // (frames still run when the guideline added its own).
        let found: readonly PatternMatch[] = anywhere ? anywhere.match(a) : grammar.match(a);
        if (anywhere && framesToo) found = found.concat(grammar.match(a).filter((m) => !found.some((x) => x.first < m.end && m.first < x.end)));
        if (found.length) {
          // Said of oneself or denied: "I'm such an idiot", "he is not a moron".
          const mine = excused.match(a);
          if (mine.length) found = found.filter((m) => !mine.some((x) => x.first <= m.first && m.end <= x.end));
        }
        if (!found.length) return null;
        const matches = toMatches(a, found, "insult", "insult aimed at a person");
        if (!repeated) return matches;
        const count = input.rates.hit(key + input.member.id, input.message.at, repeated.within);
        if (count < repeated.times) return null;
        for (const m of matches) m.detail = `insult aimed at a person, ${count} times within ${repeated.within / 60_000} min`;
        return matches;
      },
    };
  },
});
