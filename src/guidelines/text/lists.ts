// Word lists as written in guideline files, shared by the text conditions:
//   [idiot, moron]                          shorthand: the entries themselves
//   { list: [...], file: lists/x.txt, lists: [lists/a.txt, lists/b.txt],
//     allow: [shitake], match: word|prefix, plurals: true }
// Entries may end with `*` (prefix). An entry starting with `!` (inline or in a file) is an
// exception: "!shitake" in a list of shit* words keeps the mushroom clean.
import { z } from "zod";
import type { CompileContext, Match } from "../types.js";
import { memoKey, type TextAnalysis } from "./analysis.js";
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
  private key: { readonly memoSlot: number } | null = null;
  constructor(
    readonly set: PatternSet,
    readonly allowSet: PatternSet | null,
  ) {}

  /**
   * Matches not covered by an exception, without overlaps (the longest of overlapping ones).
   * Once per message (shared by every condition using this list); do not modify the result.
   */
  match(a: TextAnalysis): readonly PatternMatch[] {
    const found = this.set.match(a);
    if (!found.length) return found;
    return a.memo((this.key ??= memoKey()), this.keptOf);
  }

  /** Bound once (no closure per message): the set's matches minus exceptions, without overlaps. */
  private readonly keptOf = (a: TextAnalysis): readonly PatternMatch[] => {
    let kept = this.set.match(a);
    if (this.allowSet && kept.length) {
      const allowed = this.allowSet.match(a);
      if (allowed.length) kept = kept.filter((m) => !allowed.some((x) => x.first < m.end && m.first < x.end));
    }
    return kept.length > 1 ? disjoint(kept) : kept;
  };
}

function disjoint(found: readonly PatternMatch[]): readonly PatternMatch[] {
  // Usually already in order and apart (one word after another): nothing to sort or drop.
  let apart = true;
  for (let i = 1; i < found.length && apart; i++) apart = found[i]!.first >= found[i - 1]!.end;
  if (apart) return found;
  const sorted = [...found].sort((x, y) => x.first - y.first || y.end - x.end);
  const out: PatternMatch[] = [];
  for (const m of sorted) {
    const last = out[out.length - 1];
    if (!last || m.first >= last.end) out.push(m);
  }
  return out;
}

/**
 * Compiled lists by content: conditions and rules with the same list share one PatternSet, so
 * its per-message result is computed once. Bounded: reloads with edited lists do not pile up.
 */
const compiledCache = new Map<string, CompiledList>();
const CACHE_LIMIT = 1000;

export function cached(key: string, build: () => CompiledList): CompiledList {
  let list = compiledCache.get(key);
  if (!list) {
    list = build();
    if (compiledCache.size >= CACHE_LIMIT) compiledCache.clear();
    compiledCache.set(key, list);
  }
  return list;
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
  const setIds = [...(opts.sets ?? new Map<string, PatternSet>())].map(([k, v]) => `${k}=${v.id}`).join(",");
  const key = JSON.stringify([list, opts.syntax, setIds]);
  return cached(key, () => {
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
    return new CompiledList(set, allowSet(list.allow));
  });
}

/** Exceptions as a set of plain phrases, or null when there are none. */
export function allowSet(entries: readonly string[]): PatternSet | null {
  if (!entries.length) return null;
  const allow = new PatternSet(lexicon);
  for (const e of entries) allow.add(e, { syntax: false, inflect: false });
  return allow;
}

/** Condition matches for pattern matches, with spans in the original text. */
export function toMatches(a: TextAnalysis, found: readonly PatternMatch[], condition: string, detail?: string): Match[] {
  const { nStart, nEnd, starts, ends } = a.table;
  const out: Match[] = [];
  for (const m of found) {
    const s = nStart[m.first]!;
    const e = nEnd[m.end - 1]!;
    const start = starts ? starts[s]! : s;
    const end = ends ? ends[e - 1]! : e;
    out.push(detail ? { condition, text: a.raw.slice(start, end), start, end, detail } : { condition, text: a.raw.slice(start, end), start, end });
  }
  return out;
}
