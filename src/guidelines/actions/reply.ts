import { z } from "zod";
import { defineConsequence } from "./define.js";

export const replyConsequence = defineConsequence({
  name: "reply",
  description: "Reply to the message in the channel with a text: `{ reply: \"...\" }`.",
  example: '{ reply: "Please use #promo for offers." }',
  value: z
    .string()
    .trim()
    .min(1, "the reply text is empty")
    .transform((text) => ({ kind: "reply" as const, text })),
});
