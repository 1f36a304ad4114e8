// What composition conditions (all/any/not) hold: a nested condition. It is validated when the
// parent compiles it (ctx.compileChild), so errors point inside the nesting; the JSON Schema
// (schema.ts) replaces this marker with a reference to the condition union.
import { z } from "zod";
import type { Match } from "../../types.js";

export const conditionRef = z.unknown().describe("A condition: a mapping with exactly one key naming a condition, e.g. `{ member: { joined_within: 24h } }`");

// Shared results are not frozen: frozen arrays take slow paths in V8 (copying one costs ~100x).
// Nobody mutates a condition's result; the engine copies matches into each hit.

/** True with nothing to show. Shared: never mutate a condition's result. */
export const NO_MATCHES: Match[] = [];

/** Any of `roles` in `set`. Loops over the member's few roles rather than the set. */
export function hasAny(roles: readonly string[], set: ReadonlySet<string>): boolean {
  for (let i = 0; i < roles.length; i++) if (set.has(roles[i]!)) return true;
  return false;
}

/** A match not tied to the text (member facts, channel), made once at compile time. */
export function factMatch(condition: string, detail: string): Match[] {
  return [{ condition, text: "", start: -1, end: -1, detail }];
}
