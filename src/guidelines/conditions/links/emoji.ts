// `emoji`: emoji flood. Counts Unicode pictographs (a ZWJ sequence or a flag is one) and
// custom platform emoji (<:name:id>, <a:name:id>).
//
//   when:
//     emoji:
//       max: 10           # true with MORE than 10 emoji
//       ratio: 0.8        # or: emoji make up at least this share of the non-space characters…
//       min: 5            # …when there are at least this many (default 5)
import { z } from "zod";
import { defineCondition, type CompiledCondition, type EvalInput, type Match } from "../../types.js";
import { countMatch } from "./shared.js";

const schema = z
  .object({
    max: z.number().int().min(0).optional().describe("True with more than this many emoji."),
    ratio: z.number().gt(0).max(1).optional().describe("True when emoji are at least this share of non-space characters (with `min`)."),
    min: z.number().int().min(1).default(5).describe("`ratio` applies from this many emoji."),
  })
  .strict()
  .refine((c) => c.max !== undefined || c.ratio !== undefined, { message: "`emoji` needs `max` or `ratio`" });

// One emoji: a pictograph with its modifiers/ZWJ joins, a flag pair, or a custom emoji.
const EMOJI = /<a?:\w{2,32}:\d{5,}>|[\u{1F1E6}-\u{1F1FF}]{2}|\p{Extended_Pictographic}(?:\uFE0F|[\u{1F3FB}-\u{1F3FF}])*(?:\u200D\p{Extended_Pictographic}(?:\uFE0F|[\u{1F3FB}-\u{1F3FF}])*)*/gu;

/** Emoji count and the number of non-space characters when each emoji counts as one. */
export function countEmoji(text: string): { emoji: number; chars: number } {
  let mayHave = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x2000 || c === 60 /* < */ || c === 0xa9 || c === 0xae) {
      mayHave = true;
      break;
    }
  }
  if (!mayHave) return { emoji: 0, chars: text.length };
  let emoji = 0;
  let emojiChars = 0;
  EMOJI.lastIndex = 0;
  for (let m = EMOJI.exec(text); m !== null; m = EMOJI.exec(text)) {
    emoji++;
    emojiChars += m[0].length;
  }
  const nonSpace = text.replace(/\s+/g, "").length;
  return { emoji, chars: nonSpace - emojiChars + emoji };
}

class EmojiCondition implements CompiledCondition {
  readonly cost = 3;
  constructor(
    private readonly max: number,
    private readonly ratio: number,
    private readonly min: number,
  ) {}

  test(input: EvalInput): Match[] | null {
    const { emoji, chars } = countEmoji(input.message.text);
    if (emoji > this.max) return [countMatch("emoji", `${emoji} emoji (max ${this.max})`)];
    if (emoji >= this.min && chars > 0 && emoji / chars >= this.ratio) {
      return [countMatch("emoji", `${emoji} emoji, ${Math.round((emoji / chars) * 100)}% of the message`)];
    }
    return null;
  }
}

export const emojiCondition = defineCondition({
  name: "emoji",
  description: "Emoji flood: more than `max` emoji, or emoji making up `ratio` of the message (from `min` emoji).",
  schema,
  compile: (c) => new EmojiCondition(c.max ?? Infinity, c.ratio ?? Infinity, c.min),
});
