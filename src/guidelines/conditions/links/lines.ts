// `lines`: line flood — walls of text that push the conversation off screen.
//
//   when:
//     lines:
//       max: 15           # true with MORE than 15 lines (blank lines count)
import { z } from "zod";
import { defineCondition, type CompiledCondition, type EvalInput, type Match } from "../../types.js";
import { countMatch } from "./shared.js";

const schema = z
  .object({
    max: z.number().int().min(1).describe("True with more than this many lines."),
  })
  .strict();

class LinesCondition implements CompiledCondition {
  readonly cost = 1;
  constructor(private readonly max: number) {}

  test(input: EvalInput): Match[] | null {
    const text = input.message.text;
    if (text.length <= this.max) return null; // fewer characters than lines allowed
    let lines = 1;
    for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) lines++;
    return lines > this.max ? [countMatch("lines", `${lines} lines (max ${this.max})`)] : null;
  }
}

export const linesCondition = defineCondition({
  name: "lines",
  description: "Line flood: more than `max` lines in one message.",
  schema,
  compile: (c) => new LinesCondition(c.max),
});
