// `phrases`: token patterns. Same normalization as `words`, plus a small pattern syntax:
// `a|an` alternatives, `so?` optional, `{name}` any entry of a named set, `*` any one word,
// `$` end of sentence. Patterns never run across a sentence break.
//
//   when: { phrases: ["shut up", "go to hell"] }
//   when:
//     phrases:
//       list: ["you are a|an? {insult}", "{insult} like you"]   # or file: / lists:
//       sets:
//         insult: { file: lists/respect-insults.txt }            # each a list (see `words`)
//       allow: ["shut up and take my money"]
import { z } from "zod";
import { defineCondition } from "../../types.js";
import { compileList, listObject, listSpec, resolveList, toMatches } from "../../text/lists.js";
import type { PatternSet } from "../../text/patterns.js";

const schema = z.union([
  z.array(z.string().min(1)),
  listObject.extend({ sets: z.record(z.string().regex(/^[\w-]+$/), listSpec).optional().describe("named word lists used as {name}") }).strict(),
]);

export const phrases = defineCondition({
  name: "phrases",
  description: "Any of a list of word patterns (phrases with alternatives, optional words and named sets).",
  schema,
  compile(config, ctx) {
    const sets = new Map<string, PatternSet>();
    if (!Array.isArray(config)) {
      for (const [name, spec] of Object.entries(config.sets ?? {})) {
        sets.set(name, compileList(resolveList(spec, ctx, ["sets", name]), ctx, { syntax: false, name }, ["sets", name]).set);
      }
    }
    const { sets: _unused, ...listConfig } = Array.isArray(config) ? { sets: undefined } : config;
    const list = compileList(resolveList(Array.isArray(config) ? config : listConfig, ctx), ctx, { syntax: true, sets });
    return {
      cost: 6,
      test(input) {
        const found = list.match(input.text);
        return found.length ? toMatches(input.text, found, "phrases") : null;
      },
    };
  },
});
