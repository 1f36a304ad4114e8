// Small helpers shared by the links-group conditions.
import { z } from "zod";
import type { Match } from "../../types.js";

/** A list of domains as written in YAML: "example.com", "*.example.com", "https://example.com/". */
export const domainList = z.array(z.string().trim().min(1)).min(1);

/** A match tied to no text (counts, rates): shown with its detail only. */
export function countMatch(condition: string, detail: string): Match {
  return { condition, text: "", start: -1, end: -1, detail };
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
