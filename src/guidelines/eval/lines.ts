// One line of an eval file: {"text", "violates": [guideline ids]} (empty = clean), or
// {"text", "label"} with the positive labels given by the caller; optionally "context" (the
// same format as `context:` in rule tests). Other fields ("source", "target", …) are ignored.
import { messageContextSchema, type MessageContext } from "../testing/context.js";

export interface EvalCase {
  line: number;
  text: string;
  /** Guideline ids the message violates (violates-style lines), or null for label-style lines. */
  violates: string[] | null;
  /** Whether the message is a positive (any violation, or a positive label). */
  positive: boolean;
  context: MessageContext;
}

export interface BadLine {
  line: number;
  reason: string;
}

/** Parses line `n` (1-based); null for blank lines. */
export function parseLine(raw: string, n: number, positiveLabels: ReadonlySet<string>): EvalCase | BadLine | null {
  const trimmed = raw.trim();
  if (!trimmed) return null;
  let value: unknown;
  try {
    value = JSON.parse(trimmed);
  } catch (e) {
    return { line: n, reason: `not JSON: ${(e as Error).message}` };
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) return { line: n, reason: "not a JSON object" };
  const o = value as Record<string, unknown>;
  if (typeof o.text !== "string") return { line: n, reason: `"text" must be a string` };
  let context: MessageContext = {};
  if (o.context !== undefined) {
    const parsed = messageContextSchema.safeParse(o.context);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      return { line: n, reason: `"context.${issue.path.join(".")}": ${issue.message}` };
    }
    context = parsed.data;
  }
  if (o.violates !== undefined) {
    if (!Array.isArray(o.violates) || !o.violates.every((v) => typeof v === "string" && v.length > 0)) {
      return { line: n, reason: `"violates" must be a list of guideline ids ([] = clean)` };
    }
    const violates = [...new Set(o.violates as string[])];
    return { line: n, text: o.text, violates, positive: violates.length > 0, context };
  }
  if (o.label !== undefined) {
    if (typeof o.label !== "string" && typeof o.label !== "number" && typeof o.label !== "boolean") {
      return { line: n, reason: `"label" must be a string, number or boolean` };
    }
    if (positiveLabels.size === 0) return { line: n, reason: `has "label" but no positive labels were given (--positive spam,OFF)` };
    return { line: n, text: o.text, violates: null, positive: positiveLabels.has(String(o.label)), context };
  }
  return { line: n, reason: `needs "violates" (guideline ids, [] = clean) or "label"` };
}

export function isBadLine(x: EvalCase | BadLine): x is BadLine {
  return "reason" in x;
}
