import { z } from "zod";
import { duration } from "../../util/duration.js";
import { defineConsequence } from "./define.js";

// Discord deletes at most the last 7 days of a banned member's messages.
const MAX_DELETE_MS = 7 * 86_400_000;

export const banConsequence = defineConsequence({
  name: "ban",
  description: "Ban the member; `{ ban: { delete_messages: 1d } }` also deletes their messages of the last day (at most 7d).",
  example: "{ ban: { delete_messages: 1d } }",
  bare: { kind: "ban", deleteMessagesMs: 0 },
  value: z
    .object({
      delete_messages: duration
        .refine((ms) => ms <= MAX_DELETE_MS, "platforms delete at most the last 7d of messages")
        .optional(),
    })
    .strict()
    .transform((o) => ({ kind: "ban" as const, deleteMessagesMs: o.delete_messages ?? 0 })),
});
