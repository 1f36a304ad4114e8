import { z } from "zod";
import { defineConsequence } from "./define.js";

export const warnConsequence = defineConsequence({
  name: "warn",
  description: "Warn the member, quoting the guideline; `{ warn: \"...\" }` gives the text instead.",
  example: '{ warn: "Please keep it civil." }',
  bare: { kind: "warn" },
  value: z
    .string()
    .trim()
    .min(1, "the warning text is empty; write the text or use a bare `warn`")
    .transform((message) => ({ kind: "warn" as const, message })),
});
