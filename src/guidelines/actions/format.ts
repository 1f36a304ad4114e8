// Consequences and durations as moderators read them: "timeout 1d", "ban (delete 7d of messages)".
import type { Consequence } from "../api.js";

const units: readonly [string, number][] = [
  ["w", 604_800_000],
  ["d", 86_400_000],
  ["h", 3_600_000],
  ["m", 60_000],
  ["s", 1000],
];

/** The largest unit that divides the duration: 86400000 → "1d", 90000 → "90s". */
export function formatDuration(ms: number): string {
  for (const [unit, size] of units) if (ms >= size && ms % size === 0) return `${ms / size}${unit}`;
  return `${ms}ms`;
}

export function formatConsequence(c: Consequence): string {
  switch (c.kind) {
    case "warn":
      return c.message ? `warn ${JSON.stringify(c.message)}` : "warn";
    case "timeout":
      return `timeout ${formatDuration(c.durationMs)}`;
    case "ban":
      return c.deleteMessagesMs ? `ban (delete ${formatDuration(c.deleteMessagesMs)} of messages)` : "ban";
    case "reply":
      return `reply ${JSON.stringify(c.text)}`;
    default:
      return c.kind;
  }
}
