// Orders consequences so several hits on one message combine into one case with the
// strongest response, and the escalation ladder only ever adds something stronger.
import type { Consequence } from "../guidelines/api.js";

const rank: Record<Consequence["kind"], number> = {
  reply: 0,
  alert: 1,
  warn: 2,
  hold: 3,
  delete: 4,
  timeout: 5,
  kick: 6,
  ban: 7,
};

export function severity(c: Consequence): number {
  return rank[c.kind] * 1e12 + (c.kind === "timeout" ? c.durationMs : 0);
}

export function strongest(list: readonly Consequence[]): number {
  let best = -1;
  for (const c of list) best = Math.max(best, severity(c));
  return best;
}

/**
 * Merges consequences: one of each kind, the longest timeout, and members removed
 * (kick/ban) are not also timed out. Order: delete/hold first, then member actions, then notices.
 */
export function mergeConsequences(list: readonly Consequence[]): Consequence[] {
  const byKind = new Map<Consequence["kind"], Consequence>();
  for (const c of list) {
    const prev = byKind.get(c.kind);
    if (!prev || severity(c) > severity(prev)) byKind.set(c.kind, c);
  }
  if (byKind.has("ban")) byKind.delete("kick");
  if (byKind.has("ban") || byKind.has("kick")) byKind.delete("timeout");
  if (byKind.has("delete")) byKind.delete("hold");
  const order: Consequence["kind"][] = ["delete", "hold", "ban", "kick", "timeout", "warn", "reply", "alert"];
  return order.flatMap((k) => (byKind.has(k) ? [byKind.get(k)!] : []));
}
