// Durations as written in YAML and commands: "90s", "10m", "1h", "1d", "2w", or a number of ms.
import { z } from "zod";

const pattern = /^(\d+(?:\.\d+)?)\s*(ms|s|m|h|d|w)$/;
const factors: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };

export function parseDuration(text: string): number | null {
  const m = pattern.exec(text.trim());
  if (!m) return null;
  return Math.round(Number(m[1]) * factors[m[2]!]!);
}

/** A zod schema accepting "10m"-style strings and positive integers (ms); output is milliseconds. */
export const duration = z
  .union([z.string(), z.number().int().positive()])
  .transform((v, ctx) => {
    if (typeof v === "number") return v;
    const ms = parseDuration(v);
    if (ms === null || ms <= 0) {
      ctx.addIssue({ code: "custom", message: `"${v}" is not a duration; write a number and a unit: 90s, 10m, 1h, 1d, 2w` });
      return z.NEVER;
    }
    return ms;
  });
