// `mentions`: mention spam in one message.
//
//   when:
//     mentions:
//       max: 5            # true with MORE than 5 user/role mentions
//       everyone: true    # true when it pings @everyone or @here
//
// Either given limit makes it true. Repeated pings over time: `rate: { count: mentions, ... }`.
import { z } from "zod";
import { defineCondition, type CompiledCondition, type EvalInput, type Match } from "../../types.js";
import { countMatch } from "./shared.js";

const schema = z
  .object({
    max: z.number().int().min(0).optional().describe("True with more than this many user and role mentions."),
    everyone: z.boolean().optional().describe("True when the message pings @everyone or @here."),
  })
  .strict()
  .refine((c) => c.max !== undefined || c.everyone, { message: "`mentions` needs `max` or `everyone: true`" });

const EVERYONE = /@(?:everyone|here)\b/;

class MentionsCondition implements CompiledCondition {
  readonly cost = 1;
  constructor(
    private readonly max: number,
    private readonly everyone: boolean,
  ) {}

  test(input: EvalInput): Match[] | null {
    const m = input.message;
    if (m.mentions > this.max) return [countMatch("mentions", `${m.mentions} mentions (max ${this.max})`)];
    if (this.everyone) {
      if (m.mentionsEveryone) return [countMatch("mentions", "pings @everyone/@here")];
      // Platforms that do not report it (and replays) still show it in the text.
      if (m.text.indexOf("@") !== -1) {
        const hit = EVERYONE.exec(m.text);
        if (hit) return [{ condition: "mentions", text: hit[0], start: hit.index, end: hit.index + hit[0].length, detail: `pings ${hit[0]}` }];
      }
    }
    return null;
  }
}

export const mentionsCondition = defineCondition({
  name: "mentions",
  description: "Mention spam: more than `max` user/role mentions, or @everyone/@here with `everyone: true`.",
  schema,
  compile: (c) => new MentionsCondition(c.max ?? Infinity, c.everyone ?? false),
});
