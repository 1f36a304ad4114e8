// `insult`: an insult aimed at a person, not just a rude word. The condition brings the frames
// (text/respect-grammar.ts) — "you are a …", "you …", "ur a …", "he is such a …", "… like you",
// "what a …", "Idiot!", Banglish "tui ekta …", "… kothakar", Bengali "তুই একটা …" — and the
// guideline brings the insult words. "This bug is stupid" is not an insult at a person;
// "you are stupid" is.
//
//   when:
//     insult:
//       nouns: { file: lists/respect-insult-nouns.txt }          # idiot, moron, loser, harami, শুয়োর
//       adjectives: { file: lists/respect-insult-adjectives.txt } # stupid, pathetic (optional)
//       patterns: ["stop being a|an {noun}"]   # more frames (optional); sets: {noun} {adj} {insult}
//                                              # and the grammar's ({you}, {youre}, {art}, {mod}, …)
//       allow: ["you are a bad bitch"]         # phrases that never count (optional)
//       repeated: { times: 3, within: 1h }     # only when the same member did it this often (optional)
import { z } from "zod";
import { defineCondition } from "../../types.js";
import { duration } from "../../../util/duration.js";
import { listSpec, resolveList, toMatches, type ResolvedList } from "../../text/lists.js";
import { compileGrammar, unionSet } from "../../text/grammar.js";
import { GRAMMAR_SETS, INSULT_PATTERNS } from "../../text/respect-grammar.js";
import type { PatternSet } from "../../text/patterns.js";

export const repeatedSchema = z
  .object({
    times: z.number().int().min(2).describe("how many times, this one included"),
    within: duration.describe("window, e.g. 1h"),
  })
  .strict();

const schema = z
  .object({
    nouns: listSpec.describe("insults naming a person: idiot, moron, loser"),
    adjectives: listSpec.optional().describe("insulting adjectives: stupid, pathetic"),
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
    const nouns = resolveList(config.nouns, ctx, ["nouns"]);
    const adjectives: ResolvedList | null = config.adjectives ? resolveList(config.adjectives, ctx, ["adjectives"]) : null;
    const own = new Map<string, PatternSet>([
      ["noun", unionSet("noun", [nouns])],
      ["adj", unionSet("adj", adjectives ? [adjectives] : [])],
      ["insult", unionSet("insult", adjectives ? [nouns, adjectives] : [nouns])],
    ]);
    const allow = [...nouns.allow, ...(adjectives?.allow ?? []), ...(config.allow ?? [])];
    const grammar = compileGrammar(ctx, INSULT_PATTERNS, GRAMMAR_SETS, own, config.patterns ?? [], allow, ["patterns"]);
    const repeated = config.repeated;
    const key = `insult:${ctx.instanceId}:`;
    return {
      cost: 8,
      test(input) {
        const found = grammar.match(input.text);
        if (!found.length) return null;
        const matches = toMatches(input.text, found, "insult", () => "insult aimed at a person");
        if (!repeated) return matches;
        const count = input.rates.hit(key + input.member.id, input.message.at, repeated.within);
        if (count < repeated.times) return null;
        for (const m of matches) m.detail = `insult aimed at a person, ${count} times within ${repeated.within / 60_000} min`;
        return matches;
      },
    };
  },
});
