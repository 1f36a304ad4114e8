import { z } from "zod";
import { duration } from "../../util/duration.js";
import { defineConsequence } from "./define.js";

// Discord caps timeouts at 28 days; other platforms emulate it. Longer is a ban.
const MAX_TIMEOUT_MS = 28 * 86_400_000;

export const timeoutConsequence = defineConsequence({
  name: "timeout",
  description: "Time the member out (they cannot post) for a duration, at most 28d: `{ timeout: 1h }`.",
  example: "{ timeout: 1h }",
  value: duration
    .refine((ms) => ms <= MAX_TIMEOUT_MS, "a timeout is at most 28d; use `ban` for longer")
    .transform((durationMs) => ({ kind: "timeout" as const, durationMs })),
});
