// Turns zod issues into messages a community admin can act on: what is wrong, in plain words,
// and a fix where we can tell (e.g. the closest allowed key).
import type { z } from "zod";
import type { RawIssue } from "./raw-issue.js";
import { objectKeysAt } from "./zod-shape.js";
import { closest } from "./suggest.js";

type Issue = z.core.$ZodIssue;
type Path = readonly (string | number)[];

const typeNames: Record<string, string> = {
  string: "text",
  number: "a number",
  int: "a whole number",
  boolean: "true or false",
  array: "a list",
  object: "a mapping (key: value)",
  record: "a mapping (key: value)",
  null: "nothing",
  undefined: "nothing",
};

export function describeValue(v: unknown): string {
  if (v === undefined || v === null) return "nothing";
  if (typeof v === "string") return `the text ${JSON.stringify(v.length > 40 ? v.slice(0, 40) + "…" : v)}`;
  if (typeof v === "number") return `the number ${v}`;
  if (typeof v === "boolean") return String(v);
  if (Array.isArray(v)) return "a list";
  if (typeof v === "object") return "a mapping";
  return typeof v;
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let v = input;
  for (const seg of path) {
    if (v === null || typeof v !== "object") return undefined;
    v = (v as Record<PropertyKey, unknown>)[seg];
  }
  return v;
}

const code = (s: string | number) => `\`${String(s)}\``;

function toPath(p: readonly PropertyKey[]): (string | number)[] {
  return p.map((s) => (typeof s === "number" ? s : String(s)));
}

/** A branch that failed only because the value is of another type: not what the user meant. */
function wrongType(branch: readonly Issue[]): boolean {
  const i = branch[0];
  return branch.length === 1 && !!i && i.path.length === 0 && (i.code === "invalid_type" || i.code === "invalid_value");
}

/** Of the union branches the value's type fits, the one that got furthest (deepest issue). */
function bestBranch(errors: readonly (readonly Issue[])[]): readonly Issue[] | undefined {
  let best: readonly Issue[] | undefined;
  let bestDepth = -1;
  for (const branch of errors) {
    if (wrongType(branch)) continue;
    const depth = Math.max(...branch.map((i) => i.path.length));
    if (depth > bestDepth) {
      best = branch;
      bestDepth = depth;
    }
  }
  return best;
}

function expectedOfBranch(branch: readonly Issue[]): string | undefined {
  const i = branch[0];
  if (!i || branch.length !== 1 || i.path.length) return undefined;
  if (i.code === "invalid_type") return typeNames[i.expected] ?? i.expected;
  if (i.code === "invalid_value") return i.values.map((v) => code(String(v))).join(" or ");
  return undefined;
}

/**
 * @param schema the schema that was parsed (for allowed keys), @param input what was parsed,
 * @param base where `input` sits in the file.
 */
export function fromZodIssues(issues: readonly Issue[], schema: z.ZodType, input: unknown, base: Path = []): RawIssue[] {
  const out: RawIssue[] = [];
  const visit = (issue: Issue, prefix: Path) => {
    const rel = [...prefix, ...toPath(issue.path)];
    const path = [...base, ...rel];
    const value = valueAt(input, rel);
    const params = (issue as { params?: { fix?: string; at?: "key" | "value"; known?: string[] } }).params;
    const last = rel[rel.length - 1];
    switch (issue.code) {
      case "invalid_type": {
        const expected = typeNames[issue.expected] ?? issue.expected;
        if (value === undefined && last !== undefined && typeof last === "string")
          out.push({ path, message: `missing ${code(last)}${typeNames[issue.expected] ? ` (${expected})` : ""}`, fix: `add \`${last}:\``, at: "key" });
        else if (value === null && typeof last === "string")
          out.push({ path, message: `${code(last)} has no value; expected ${expected}`, at: "key" });
        else out.push({ path, message: `expected ${expected}, got ${describeValue(value)}` });
        return;
      }
      case "unrecognized_keys": {
        const known = params?.known ?? objectKeysAt(schema, rel);
        for (const key of issue.keys) {
          const guess = closest(key, known);
          const allowed = known.length ? `Allowed keys: ${known.map(code).join(", ")}` : undefined;
          out.push({
            path: [...path, key],
            message: `unknown key ${code(key)}`,
            fix: guess ? `did you mean ${code(guess)}? ${allowed}` : allowed,
            at: "key",
          });
        }
        return;
      }
      case "invalid_union": {
        const best = bestBranch(issue.errors);
        if (best) {
          for (const i of best) visit(i, rel);
          return;
        }
        const expected = issue.errors.map(expectedOfBranch);
        if (expected.every((e) => e)) out.push({ path, message: `expected ${[...new Set(expected)].join(" or ")}, got ${describeValue(value)}` });
        else out.push({ path, message: `${describeValue(value)} is not allowed here` });
        return;
      }
      case "invalid_value":
        out.push({ path, message: `expected ${issue.values.map((v) => code(String(v))).join(" or ")}, got ${describeValue(value)}` });
        return;
      case "too_small": {
        const n = Number(issue.minimum);
        const custom = !issue.message.startsWith("Too small");
        if (custom) out.push({ path, message: issue.message });
        else if (issue.origin === "array") out.push({ path, message: `needs at least ${n} item${n === 1 ? "" : "s"}` });
        else if (issue.origin === "string") out.push({ path, message: n <= 1 ? "must not be empty" : `must be at least ${n} characters` });
        else out.push({ path, message: `must be ${issue.inclusive ? "at least" : "more than"} ${n}, got ${describeValue(value)}` });
        return;
      }
      case "too_big": {
        const n = Number(issue.maximum);
        const custom = !issue.message.startsWith("Too big");
        if (custom) out.push({ path, message: issue.message });
        else if (issue.origin === "array") out.push({ path, message: `has more than ${n} item${n === 1 ? "" : "s"}` });
        else if (issue.origin === "string") out.push({ path, message: `is longer than ${n} characters` });
        else out.push({ path, message: `must be ${issue.inclusive ? "at most" : "less than"} ${n}, got ${describeValue(value)}` });
        return;
      }
      default: {
        const r: RawIssue = { path, message: issue.message };
        if (params?.fix) r.fix = params.fix;
        if (params?.at) r.at = params.at;
        out.push(r);
      }
    }
  };
  for (const i of issues) {
    const from = out.length;
    visit(i, []);
    // A fix attached where the issue was raised (params.fix) wins over none.
    const fix = (i as { params?: { fix?: string } }).params?.fix;
    if (fix) for (let k = from; k < out.length; k++) out[k]!.fix ??= fix;
  }
  return out;
}
