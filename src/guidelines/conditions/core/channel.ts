import { z } from "zod";
import { defineCondition, type CompiledCondition, type EvalInput, type Match } from "../../types.js";
import { factMatch } from "./child.js";

// Channels are compared as the platform reports them; a leading "#" in YAML is ignored.
const channelList = z.array(z.string().trim().min(1).transform((s) => s.replace(/^#/, ""))).min(1);

const schema = z
  .object({
    in: channelList.optional().describe("The message is in one of these channels."),
    not_in: channelList.optional().describe("The message is in none of these channels."),
  })
  .strict()
  .refine((c) => c.in !== undefined || c.not_in !== undefined, { message: "`channel` needs `in` or `not_in`" });

class ChannelCondition implements CompiledCondition {
  readonly cost = 1;
  private readonly matches: Match[];
  constructor(
    private readonly inSet: ReadonlySet<string> | null,
    private readonly notIn: ReadonlySet<string> | null,
    detail: string,
  ) {
    this.matches = factMatch("channel", detail);
  }

  test(input: EvalInput): Match[] | null {
    const ch = input.message.channel;
    if (this.inSet !== null && !this.inSet.has(ch)) return null;
    if (this.notIn !== null && this.notIn.has(ch)) return null;
    return this.matches;
  }
}

export const channelCondition = defineCondition({
  name: "channel",
  description: "The channel the message is in: `{ in: [general] }`, `{ not_in: [promo] }`.",
  schema,
  compile(c) {
    const detail = [c.in && `in #${c.in.join(" or #")}`, c.not_in && `not in #${c.not_in.join(" or #")}`].filter(Boolean).join(", ");
    return new ChannelCondition(c.in ? new Set(c.in) : null, c.not_in ? new Set(c.not_in) : null, `channel ${detail}`);
  },
});
