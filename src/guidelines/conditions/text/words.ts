// `words`: any of a list of words or phrases, after normalization (case, lookalikes, leet,
// stretched letters, spelled-out and starred words). Whole words only: "classic" is not "ass".
//
//   when: { words: [idiot, "fuck*", "son of a bitch"] }
//   when:
//     words:
//       file: lists/respect-profanity.txt   # or list: [...], or lists: [a.txt, b.txt]
//       allow: [shitake]                    # exceptions; "!shitake" inside a list works too
//       match: word                         # word (default) | prefix: entries also match word starts
//       plurals: true                       # one-word entries also match their plural (default)
import { defineCondition } from "../../types.js";
import { compileList, listSpec, resolveList, toMatches } from "../../text/lists.js";

export const words = defineCondition({
  name: "words",
  description: "Any listed word or phrase, matched on normalized words (leet, lookalikes, stretched or spaced letters).",
  schema: listSpec,
  compile(config, ctx) {
    const list = compileList(resolveList(config, ctx), ctx, { syntax: false });
    return {
      cost: 5,
      test(input) {
        const found = list.match(input.text);
        return found.length ? toMatches(input.text, found, "words") : null;
      },
    };
  },
});
