// Token patterns: word lists, phrases and the targeted-insult/threat grammars all compile to
// one trie over lexicon ids, walked once from each token that can start a pattern.
//
// Pattern syntax (one pattern a line; `phrases` and the built-in grammars use all of it,
// `words` only the trailing `*`):
//   shut up            words in sequence (never across a sentence break: "shut. Up" is not it)
//   fuck*              a word starting with "fuck"
//   a|an|the           one of several words
//   so?                an optional element (also `a|an?`)
//   {insult}           any entry of a named set (entries may be phrases: "piece of shit")
//   *                  any one word
//   $                  end of the sentence or message
//   ^ (first)          the pattern starts a sentence or the message: "^ {insult} $" is "Idiot!"
import type { TextAnalysis } from "./analysis.js";
import { TokenFlag } from "./tokenize.js";
import { entryWord, internWord } from "./entries.js";
import type { LexHits, Lexicon } from "./lexicon.js";

type Alt =
  | { kind: "word"; ids: number[] }
  | { kind: "set"; set: PatternSet }
  | { kind: "any" }
  | { kind: "end" };

interface Element {
  alts: Alt[];
  optional: boolean;
}

class Node {
  next: Map<number, Node[]> | null = null;
  keyed: Map<string, Node> | null = null;
  sets: { set: PatternSet; child: Node }[] | null = null;
  any: Node | null = null;
  end: Node | null = null;
  terminal = -1;
}

export interface PatternMatch {
  /** Token index of the first word. */
  first: number;
  /** Token index after the last word. */
  end: number;
  /** Index of the pattern (in the order added). */
  pattern: number;
}

export interface ParseOptions {
  /** Full pattern syntax (| ? {set} * $); otherwise only a trailing `*` is special. */
  syntax: boolean;
  /** Add plurals of single-word entries. */
  inflect: boolean;
  sets?: ReadonlyMap<string, PatternSet>;
}

/** The widest a pattern may expand to with alternatives and optional elements. */
const MAX_EXPANSION = 4096;
/** Patterns added: matches past this many per message are not collected. */
const MAX_MATCHES = 16;

let nextSetId = 0;

/** A trie root and its quick filter: the lexicon ids and sets that can start a pattern. */
class Root {
  readonly node = new Node();
  ids = new Uint8Array(0);
  sets: PatternSet[] = [];

  finish(size: number): void {
    const bits = new Uint8Array(size);
    if (this.node.next) for (const id of this.node.next.keys()) bits[id] = 1;
    this.ids = bits;
    this.sets = (this.node.sets ?? []).map((s) => s.set);
  }

  mayStart(h: LexHits, p: number): boolean {
    for (let i = h.first[p]!; i < h.first[p + 1]!; i++) if (this.ids[h.ids[i]!] === 1) return true;
    for (const s of this.sets) if (s.mayStart(h, p)) return true;
    return false;
  }
}

export class PatternSet {
  readonly id = nextSetId++;
  private readonly free = new Root();
  /** Patterns written with a leading `^`: tried only where a sentence starts. */
  private readonly anchored = new Root();
  private hasAnchored = false;
  private count = 0;
  private dirty = false;

  constructor(
    private readonly lex: Lexicon,
    readonly name = "",
  ) {}

  get size(): number {
    return this.count;
  }

  /**
   * Adds one pattern; returns its index, or throws an Error with a readable message when the
   * pattern is malformed (the caller turns it into ctx.fail).
   */
  add(src: string, opts: ParseOptions): number {
    let text = src.trim();
    const anchored = opts.syntax && /^\^(\s|$)/.test(text);
    if (anchored) text = text.slice(1);
    const elements = parse(this.lex, text, opts, src);
    const index = this.count++;
    if (!elements.length) return index;
    let seqs: Alt[][] = [[]];
    for (const el of elements) {
      const nextSeqs: Alt[][] = [];
      for (const s of seqs) {
        if (el.optional) nextSeqs.push(s);
        for (const alt of el.alts) nextSeqs.push([...s, alt]);
      }
      seqs = nextSeqs;
      if (seqs.length > MAX_EXPANSION) throw new Error(`"${src}" has too many alternatives (more than ${MAX_EXPANSION} ways to read it)`);
    }
    const root = anchored ? this.anchored : this.free;
    this.hasAnchored ||= anchored;
    for (const seq of seqs) {
      if (!seq.length) throw new Error(`"${src}" can match nothing: make at least one element required`);
      const lead = seq[0]!;
      if (lead.kind === "any" || lead.kind === "end") throw new Error(`"${src}" cannot start with \`*\` or \`$\`: start with a word`);
      let node = root.node;
      for (const alt of seq) node = childFor(node, alt);
      if (node.terminal < 0) node.terminal = index;
    }
    this.dirty = true;
    return index;
  }

  private finish(): void {
    this.dirty = false;
    this.free.finish(this.lex.size);
    this.anchored.finish(this.lex.size);
  }

  /** Whether some pattern can start at token position p (a cheap filter). */
  mayStart(h: LexHits, p: number): boolean {
    if (this.dirty) this.finish();
    return this.free.mayStart(h, p) || (this.hasAnchored && this.anchored.mayStart(h, p));
  }

  /** All matches in the message (at most a few), in order of their first word. */
  match(a: TextAnalysis, limit = MAX_MATCHES): PatternMatch[] {
    const h = this.lex.hits(a);
    const out: PatternMatch[] = [];
    const tokens = a.tokens;
    for (let p = 0; p < tokens.length && out.length < limit; p++) {
      if (!this.mayStart(h, p)) continue;
      this.endsFrom(h, tokens, p, (end, pattern) => {
        if (out.length < limit) out.push({ first: p, end, pattern });
      });
    }
    return out;
  }

  /** Calls `found` with each end position of a pattern starting at token p. */
  endsFrom(h: LexHits, tokens: TextAnalysis["tokens"], p: number, found: (end: number, pattern: number) => void): void {
    if (this.dirty) this.finish();
    if (this.free.mayStart(h, p)) walk(this.free.node, h, tokens, p, p, found);
    if (this.hasAnchored && (p === 0 || (tokens[p]!.flags & TokenFlag.BREAK_BEFORE) !== 0) && this.anchored.mayStart(h, p)) {
      walk(this.anchored.node, h, tokens, p, p, found);
    }
  }
}

function walk(
  node: Node,
  h: LexHits,
  tokens: TextAnalysis["tokens"],
  start: number,
  pos: number,
  found: (end: number, pattern: number) => void,
): void {
  if (node.terminal >= 0) found(pos, node.terminal);
  const n = tokens.length;
  if (node.end && (pos === n || (tokens[pos]!.flags & TokenFlag.BREAK_BEFORE) !== 0)) walk(node.end, h, tokens, start, pos, found);
  if (pos >= n) return;
  if (pos > start && (tokens[pos]!.flags & TokenFlag.BREAK_BEFORE) !== 0) return;
  if (node.next) {
    for (let i = h.first[pos]!; i < h.first[pos + 1]!; i++) {
      const children = node.next.get(h.ids[i]!);
      if (children) for (const c of children) walk(c, h, tokens, start, h.ends[i]!, found);
    }
  }
  if (node.sets) for (const { set, child } of node.sets) set.endsFrom(h, tokens, pos, (e) => walk(child, h, tokens, start, e, found));
  if (node.any) walk(node.any, h, tokens, start, pos + 1, found);
}

function childFor(node: Node, alt: Alt): Node {
  const key = alt.kind === "word" ? `w${alt.ids.join(",")}` : alt.kind === "set" ? `s${alt.set.id}` : alt.kind;
  const keyed = (node.keyed ??= new Map());
  const known = keyed.get(key);
  if (known) return known;
  const child = new Node();
  keyed.set(key, child);
  switch (alt.kind) {
    case "word": {
      const next = (node.next ??= new Map());
      for (const id of alt.ids) {
        const list = next.get(id);
        if (list) list.push(child);
        else next.set(id, [child]);
      }
      break;
    }
    case "set":
      (node.sets ??= []).push({ set: alt.set, child });
      break;
    case "any":
      node.any = child;
      break;
    case "end":
      node.end = child;
      break;
  }
  return child;
}

function parse(lex: Lexicon, text: string, opts: ParseOptions, src: string): Element[] {
  const parts = text.trim().split(/\s+/).filter(Boolean);
  // Plurals only for one-word entries of lists ("idiots"), never inside phrases ("you are as").
  const inflect = opts.inflect && parts.length === 1;
  const elements: Element[] = [];
  for (const part of parts) {
    if (!opts.syntax) {
      const w = entryWord(part);
      if (w) elements.push({ alts: [{ kind: "word", ids: internWord(lex, w, inflect) }], optional: false });
      continue;
    }
    let body = part;
    const optional = body.length > 1 && body.endsWith("?");
    if (optional) body = body.slice(0, -1);
    const alts: Alt[] = [];
    // Word alternatives share one slot (one trie edge set); sets, `*` and `$` are alternatives of their own.
    const wordIds = new Set<number>();
    for (const a of body.split("|")) {
      if (a === "*") alts.push({ kind: "any" });
      else if (a === "$") alts.push({ kind: "end" });
      else if (a.startsWith("{") && a.endsWith("}")) {
        const name = a.slice(1, -1);
        const set = opts.sets?.get(name);
        if (!set) {
          const known = [...(opts.sets?.keys() ?? [])].map((k) => `{${k}}`).join(", ");
          throw new Error(`"${src}" uses the set {${name}}, which is not defined${known ? ` (known: ${known})` : ""}`);
        }
        alts.push({ kind: "set", set });
      } else if (a) {
        const w = entryWord(a);
        if (w) for (const id of internWord(lex, w, inflect)) wordIds.add(id);
      }
    }
    if (wordIds.size) alts.push({ kind: "word", ids: [...wordIds].sort((x, y) => x - y) });
    if (alts.length) elements.push({ alts, optional });
  }
  return elements;
}
