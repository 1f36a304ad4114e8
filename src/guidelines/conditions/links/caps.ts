// `caps`: shouting — most letters in capitals.
//
//   when:
//     caps:
//       ratio: 0.7        # share of capital letters among letters that have a case (default 0.7)
//       min_length: 12    # ignore messages with fewer cased letters ("OK", "LOL", "USA") (default 12)
import { z } from "zod";
import { defineCondition, type CompiledCondition, type EvalInput, type Match } from "../../types.js";
import { countMatch } from "./shared.js";

const schema = z
  .object({
    ratio: z.number().gt(0).max(1).default(0.7).describe("Share of capitals among cased letters, 0–1."),
    min_length: z.number().int().min(1).default(12).describe("Only messages with at least this many cased letters."),
  })
  .strict();

class CapsCondition implements CompiledCondition {
  readonly cost = 2;
  constructor(
    private readonly ratio: number,
    private readonly minLength: number,
  ) {}

  test(input: EvalInput): Match[] | null {
    const text = input.message.text;
    if (text.length < this.minLength) return null;
    let upper = 0;
    let cased = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c >= 65 && c <= 90) {
        upper++;
        cased++;
      } else if (c >= 97 && c <= 122) cased++;
      else if (c >= 0xc0) {
        const ch = text[i]!;
        const lo = ch.toLowerCase();
        if (lo !== ch.toUpperCase()) {
          cased++;
          if (ch !== lo) upper++;
        }
      }
    }
    if (cased < this.minLength || upper < cased * this.ratio) return null;
    return [countMatch("caps", `${Math.round((upper / cased) * 100)}% capitals`)];
  }
}

export const capsCondition = defineCondition({
  name: "caps",
  description: "Shouting: at least `ratio` of the cased letters are capitals, in messages with at least `min_length` of them.",
  schema,
  compile: (c) => new CapsCondition(c.ratio, c.min_length),
});
