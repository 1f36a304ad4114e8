// `attachments`: files and images in one message.
//
//   when:
//     attachments:
//       max: 4            # true with MORE than 4 attachments
//       min: 1            # or: true with at least 1 (e.g. images from brand-new members)
import { z } from "zod";
import { defineCondition, type CompiledCondition, type EvalInput, type Match } from "../../types.js";
import { countMatch, plural } from "./shared.js";

const schema = z
  .object({
    max: z.number().int().min(0).optional().describe("True with more than this many attachments."),
    min: z.number().int().min(1).optional().describe("True with at least this many attachments."),
  })
  .strict()
  .refine((c) => (c.max === undefined) !== (c.min === undefined), { message: "`attachments` needs exactly one of `max` or `min`" });

class AttachmentsCondition implements CompiledCondition {
  readonly cost = 1;
  constructor(private readonly atLeast: number) {}

  test(input: EvalInput): Match[] | null {
    const n = input.message.attachments;
    return n >= this.atLeast ? [countMatch("attachments", plural(n, "attachment"))] : null;
  }
}

export const attachmentsCondition = defineCondition({
  name: "attachments",
  description: "Attachments in one message: more than `max`, or at least `min`.",
  schema,
  compile: (c) => new AttachmentsCondition(c.min ?? c.max! + 1),
});
