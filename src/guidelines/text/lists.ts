// Word lists as written in guideline files, shared by the text conditions:
//   [idiot, moron]                          shorthand: the entries themselves
//   { list: [...], file: lists/x.txt, lists: [lists/a.txt, lists/b.txt],
//     allow: [shitake], match: word|prefix, plurals: true }
// Entries may end with `*` (prefix). An entry starting with `!` (inline or in a file) is an
// exception: "!shitake" in a list of shit* words keeps the mushroom clean.
import { z } from "zod";
import type { CompileContext, Match } from "../types.js";
import type { TextAnalysis } from "./analysis.js";
import { lexicon } from "./lexicon.js";
import { PatternSet, type PatternMatch } from "./patterns.js";

const entries = z.array(z.string().min(1));

export const listObject = z
  .object({
    list: entries.optional().describe("entries written here"),
    file: z.string().optional().describe("a list file, one entry a line, `#` comments"),
    lists: z.array(z.string()).optional().describe("several list files"),
    allow: entries.optional().describe("words and phrases that never count (innocent words containing an entry)"),
    match: z.enum(["word", "prefix"]).optional().describe("prefix: every entry also matches words starting with it"),
    plurals: z.boolean().optional().describe("also match plurals of one-word entries (default true)"),
  })
  .strict();

export const listSpec = z.union([entries, listObject]);
export type ListSpec = z.infer<typeof listSpec>;

export interface ResolvedList {
  entries: string[];
  allow: string[];
  prefix: boolean;
  plurals: boolean;
}

/** Reads the entries of a list spec (files through ctx.readList) and splits off `!` exceptions. */
export function resolveList(spec: ListSpec, ctx: CompileContext, pathSuffix: readonly (string | number)[] = []): ResolvedList {
  const obj = Array.isArray(spec) ? { list: spec } : spec;
  const all: string[] = [...(obj.list ?? [])];
  const files = [...(obj.file ? [obj.file] : []), ...(obj.lists ?? [])];
  for (const f of files) all.push(...ctx.readList(f));
  if (!all.length && !files.length) ctx.fail("the list is empty", "give entries with `list:`, or a file with `file:`", pathSuffix);
  const out: ResolvedList = { entries: [], allow: [...(obj.allow ?? [])], prefix: obj.match === "prefix", plurals: obj.plurals ?? true };
  for (const raw of all) {
    const e = raw.trim();
    if (!e || e.startsWith("#")) continue;
    if (e.startsWith("!")) out.allow.push(e.slice(1));
    else out.entries.push(e);
  }
  return out;
}

/** A compiled list: the entries as patterns, and the exceptions that cancel a match they overlap. */
export class CompiledList {
  constructor(
    readonly set: PatternSet,
    readonly allowSet: PatternSet | null,
  ) {}

  /** Matches not covered by an exception, without overlaps (the longest of overlapping ones). */
  match(a: TextAnalysis): PatternMatch[] {
    let found = this.set.match(a);
    if (!found.length) return found;
    if (this.allowSet) {
      const allowed = this.allowSet.match(a);
      if (allowed.length) found = found.filter((m) => !allowed.some((x) => x.first < m.end && m.first < x.end));
    }
    return found.length > 1 ? disjoint(found) : found;
  }
}

function disjoint(found: PatternMatch[]): PatternMatch[] {
  const sorted = [...found].sort((x, y) => x.first - y.first || y.end - x.end);
  const out: PatternMatch[] = [];
  for (const m of sorted) {
    const last = out[out.length - 1];
    if (!last || m.first >= last.end) out.push(m);
  }
  return out;
}

/**
 * Compiles entries into a PatternSet; `syntax` enables phrase syntax (| ? {set} * $).
 * Malformed entries are reported through ctx.fail.
 */
export function compileList(
  list: ResolvedList,
  ctx: CompileContext,
  opts: { syntax: boolean; sets?: ReadonlyMap<string, PatternSet>; name?: string },
  pathSuffix: readonly (string | number)[] = [],
): CompiledList {
  const set = new PatternSet(lexicon, opts.name);
  const parse = { syntax: opts.syntax, inflect: list.plurals, sets: opts.sets };
  for (const e of list.entries) {
    const entry = list.prefix && !opts.syntax && !e.includes(" ") && !e.endsWith("*") ? `${e}*` : e;
    try {
      set.add(entry, parse);
    } catch (err) {
      ctx.fail((err as Error).message, "fix or remove this entry", pathSuffix);
    }
  }
  let allow: PatternSet | null = null;
  if (list.allow.length) {
    allow = new PatternSet(lexicon);
    for (const e of list.allow) allow.add(e, { syntax: false, inflect: false });
  }
  return new CompiledList(set, allow);
}

/** Condition matches for pattern matches, with spans in the original text. */
export function toMatches(a: TextAnalysis, found: readonly PatternMatch[], condition: string, detail?: (m: PatternMatch) => string | undefined): Match[] {
  const tokens = a.tokens;
  return found.map((m) => {
    const start = tokens[m.first]!.start;
    const end = tokens[m.end - 1]!.end;
    const d = detail?.(m);
    return { condition, text: a.raw.slice(start, end), start, end, ...(d ? { detail: d } : {}) };
  });
}
