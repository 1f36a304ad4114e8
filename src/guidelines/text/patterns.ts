// Token patterns: word lists, phrases and the targeted-insult/threat grammars all compile to
// one trie over lexicon ids, built here as patterns are added, then compiled to flat arrays
// (automaton.ts) and walked from each token that can start a pattern.
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
import { memoKey, type TextAnalysis } from "./analysis.js";
import { TokenFlag, type TokenTable } from "./tokenize.js";
import { entryWord, internWord } from "./entries.js";
import { STOP_WORDS } from "./stopwords.js";
import type { LexHits, Lexicon } from "./lexicon.js";
import { AnchorIndex } from "./anchors.js";
import { Automaton, MAX_MATCHES, Sink, resetEndSinks, takeEndSink, type PatternMatch, type SetEnds, type TrieNode } from "./automaton.js";

export type { PatternMatch } from "./automaton.js";

type Alt =
  | { kind: "word"; ids: number[] }
  | { kind: "set"; set: PatternSet }
  | { kind: "any" }
  | { kind: "end" };

interface Element {
  alts: Alt[];
  optional: boolean;
}

class Node implements TrieNode {
  next: Map<number, Node[]> | null = null;
  /** The child made for each distinct element (`w1,2`, `s<set id>`, `any`, `end`): patterns share prefixes. */
  keyed: Map<string, Node> | null = null;
  sets: { set: PatternSet; child: Node }[] | null = null;
  any: Node | null = null;
  end: Node | null = null;
  terminal = -1;
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

let nextSetId = 0;

/**
 * Pattern sets matched at top level get a bit (up to 30 per lexicon): by lexicon id, the bits
 * of the sets that id can start, and (separately) of the sets needing it as a required word.
 * Per message, one pass over the hits ORs them (cached on the hits, by version), so each set's
 * "could anything match?" check is one bit test instead of a pass over every hit.
 */
class SetBits {
  bits = new Int32Array(0);
  used = 0;
  version = 0;

  set(bit: number, starts: Uint8Array, required: Uint8Array | null): void {
    const need = Math.max(starts.length, required?.length ?? 0);
    if (this.bits.length < need) {
      const grown = new Int32Array(Math.max(need, this.bits.length * 2));
      grown.set(this.bits);
      this.bits = grown;
    }
    const start = 1 << bit;
    const req = 1 << (bit + 1);
    const bits = this.bits;
    for (let i = 0; i < bits.length; i++) {
      let b = bits[i]! & ~(start | req);
      if (i < starts.length && starts[i] === 1) b |= start;
      if (required === null || (i < required.length && required[i] === 1)) b |= req;
      bits[i] = b;
    }
    this.version++;
  }

  /** The OR of the bits of the message's hits. */
  of(h: LexHits): number {
    if (h.maskVersion === this.version) return h.mask;
    const bits = this.bits;
    const ids = h.ids;
    let m = 0;
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i]!;
      if (id < bits.length) m |= bits[id]!;
    }
    h.mask = m;
    h.maskVersion = this.version;
    return m;
  }
}
const setBitsOf = new WeakMap<Lexicon, SetBits>();

/** A trie root and its quick filter: the lexicon ids that can start a pattern (through sets too). */
class Root {
  readonly node = new Node();
  starts = new Uint8Array(0);
  /** The trie compiled for walking (rebuilt when patterns are added). */
  automaton: Automaton | null = null;
  /**
   * For sets of single words: the patterns each lexicon id ends, as the walk would find them
   * (id's are termFrom[id] .. termFrom[id + 1] - 1 in termList, in trie order).
   */
  termFrom = new Int32Array(1);
  termList = new Int32Array(0);

  finish(size: number): void {
    this.automaton = new Automaton(this.node);
    this.termFrom = new Int32Array(size + 1);
    const terms: number[] = [];
    for (let id = 0; id < size; id++) {
      this.termFrom[id] = terms.length;
      for (const child of this.node.next?.get(id) ?? []) if (child.terminal >= 0) terms.push(child.terminal);
    }
    this.termFrom[size] = terms.length;
    this.termList = Int32Array.from(terms);
    const bits = new Uint8Array(size);
    if (this.node.next) for (const id of this.node.next.keys()) bits[id] = 1;
    for (const { set } of this.node.sets ?? []) {
      const inner = set.startIds();
      for (let i = 0; i < inner.length; i++) if (inner[i] === 1) bits[i] = 1;
    }
    this.starts = bits;
  }

  mayStart(h: LexHits, p: number): boolean {
    const starts = this.starts;
    for (let i = h.first[p]!, e = h.first[p + 1]!; i < e; i++) if (starts[h.ids[i]!] === 1) return true;
    return false;
  }
}

export class PatternSet implements SetEnds {
  readonly id = nextSetId++;
  private key: { readonly memoSlot: number } | null = null;
  /** This set's pair of bits in its lexicon's SetBits (start, required), or -1. */
  private bit = -1;
  private setBits: SetBits | null = null;
  /** Bound once: memo() takes it per message without allocating a closure. */
  private readonly findOf = (a: TextAnalysis): PatternMatch[] => this.find(a);
  private readonly free = new Root();
  /** Patterns written with a leading `^`: tried only where a sentence starts. */
  private readonly anchored = new Root();
  private hasAnchored = false;
  /** Every pattern is one word (lists of words): set membership is one bitmap test per hit. */
  private singleWords = true;
  /**
   * Words of which one must occur for any pattern to match (one uncommon element of each
   * pattern), or null when some pattern is made of common words only. Messages without any
   * skip the walk entirely: most messages hold no insult word, so no insult frame is tried.
   */
  private required: Uint8Array | null = null;
  /** Which starts are worth a walk (anchors.ts); built on the first find() that walks. */
  private anchorIndex: AnchorIndex | null = null;
  /** The most words a match can span (for sets inside other patterns: anchors.ts reaches). */
  private span = 0;
  private readonly sequences: Alt[][] = [];
  /** Per sequence: written with `^`. */
  private readonly anchoredSeq: boolean[] = [];
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
    stopIds ??= new Set(STOP_WORDS.map((w) => this.lex.intern(entryWord(w)!.forms[0]!)));
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
      if (seq.length > 1 || lead.kind !== "word" || anchored) this.singleWords = false;
      this.sequences.push(seq);
      this.anchoredSeq.push(anchored);
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
    this.required = this.singleWords ? null : requiredWords(this.lex, this.sequences);
    this.anchorIndex = null;
    if (this.bit >= 0) this.setBits!.set(this.bit, this.startIds(), this.required);
    this.span = 0;
    for (const seq of this.sequences) {
      let n = 0;
      for (const alt of seq) n += spanOf(alt);
      this.span = Math.max(this.span, n);
    }
  }

  /** The most tokens one match can span. */
  maxSpan(): number {
    if (this.dirty) this.finish();
    return this.span;
  }

  /** Lexicon ids (as a bitmap) that can start one of the patterns. */
  startIds(): Uint8Array {
    if (this.dirty) this.finish();
    if (!this.hasAnchored) return this.free.starts;
    const bits = this.free.starts.slice();
    const a = this.anchored.starts;
    for (let i = 0; i < a.length; i++) if (a[i] === 1) bits[i] = 1;
    return bits;
  }

  /** Whether some pattern can start at token position p (a cheap filter). */
  mayStart(h: LexHits, p: number): boolean {
    if (this.dirty) this.finish();
    return this.free.mayStart(h, p) || (this.hasAnchored && this.anchored.mayStart(h, p));
  }

  /**
   * All matches in the message (at most a few), in order of their first word. Computed once per
   * message and set: conditions sharing a compiled list share the work. Do not modify the result.
   */
  match(a: TextAnalysis): readonly PatternMatch[] {
    if (this.key === null) {
      this.key = memoKey();
      if (this.dirty) this.finish();
      this.lex.addTriggers(this.singleWords ? this.free.starts : this.required);
      let reg = setBitsOf.get(this.lex);
      if (!reg) setBitsOf.set(this.lex, (reg = new SetBits()));
      if (reg.used < 30) {
        this.bit = reg.used;
        reg.used += 2;
        this.setBits = reg;
        reg.set(this.bit, this.startIds(), this.required);
      }
    }
    if (this.lex.isClean(a)) return NONE;
    return a.memo(this.key, this.findOf);
  }

  private find(a: TextAnalysis): PatternMatch[] {
    if (this.dirty) this.finish();
    const h = this.lex.hits(a);
    if (this.bit >= 0) {
      const m = this.setBits!.of(h);
      if ((m & (1 << this.bit)) === 0 || (m & (1 << (this.bit + 1))) === 0) return NONE;
    } else if (!this.anyStart(h) || (this.required !== null && !anyOf(h, this.required))) return NONE;
    const tokens = a.table;
    if (this.singleWords) return this.findWords(h, tokens.count);
    resetEndSinks();
    // Start only where a pattern the word can start has its own anchors within reach (anchors.ts).
    const anchors = (this.anchorIndex ??= this.buildAnchors());
    anchors.begin(h, tokens, a.joined.length > 0);
    let sink: Sink | null = null;
    for (let p = 0; p < tokens.count; p++) {
      // walkFrom's checks, each made once: which roots can start here.
      let free = this.free.mayStart(h, p);
      let anchored =
        this.hasAnchored && (p === 0 || (tokens.flags[p]! & TokenFlag.BREAK_BEFORE) !== 0) && this.anchored.mayStart(h, p);
      free &&= anchors.canStart(h, p, false);
      anchored &&= anchors.canStart(h, p, true);
      if (!free && !anchored) continue;
      sink ??= new Sink(false);
      sink.first = p;
      if (free) this.free.automaton!.walkFrom(h, tokens, p, sink);
      if (anchored) this.anchored.automaton!.walkFrom(h, tokens, p, sink);
      if (sink.matches.length >= MAX_MATCHES) break;
    }
    return sink && sink.matches.length ? sink.matches : NONE;
  }

  /**
   * The anchor filter of the sequences: for each, up to two elements after the first (the
   * first is where the walk starts): the word or set with the fewest common words, then the
   * fewest words, and the last element (`$` included). "{insult} {should} {punish}" needs a
   * {should} and a {punish} word after the insult, not just any insult word in the message;
   * "^ {noun} $" needs the sentence to end within a noun's length.
   */
  private buildAnchors(): AnchorIndex {
    const size = this.lex.size;
    const keyOf = (alt: Alt): string => (alt.kind === "word" ? `w${alt.ids.join(",")}` : alt.kind === "set" ? `s${alt.set.id}` : alt.kind);
    const bitsByKey = new Map<string, Uint8Array>();
    const bitsOf = (alt: Alt): Uint8Array => {
      const key = keyOf(alt);
      let bits = bitsByKey.get(key);
      if (!bits) {
        bits = alt.kind === "set" ? alt.set.startIds() : new Uint8Array(size);
        if (alt.kind === "word") for (const id of alt.ids) if (id < size) bits[id] = 1;
        bitsByKey.set(key, bits);
      }
      return bits;
    };
    const commonOf = (bits: Uint8Array): number => {
      let n = 0;
      for (const id of stopIds ?? []) if (bits[id] === 1) n++;
      return n;
    };
    const countOf = (bits: Uint8Array): number => {
      let n = 0;
      for (let i = 0; i < bits.length; i++) n += bits[i]!;
      return n;
    };
    const rank = new Map<string, [number, number]>();
    const rankOf = (alt: Alt): [number, number] => {
      const key = keyOf(alt);
      let r = rank.get(key);
      if (!r) rank.set(key, (r = [commonOf(bitsOf(alt)), countOf(bitsOf(alt))]));
      return r;
    };
    return new AnchorIndex(
      size,
      this.sequences.map((seq, n) => {
        let best = -1;
        let last = -1;
        for (let k = 1; k < seq.length; k++) {
          const alt = seq[k]!;
          if (alt.kind === "any") continue;
          last = k;
          if (alt.kind === "end") continue;
          const [common, count] = rankOf(alt);
          if (best < 0) best = k;
          else {
            const [bc, bn] = rankOf(seq[best]!);
            if (common < bc || (common === bc && count < bn)) best = k;
          }
        }
        const anchors = [best, last].filter((k, i, all) => k >= 0 && all.indexOf(k) === i);
        return {
          anchored: this.anchoredSeq[n]!,
          starts: bitsOf(seq[0]!),
          startKey: keyOf(seq[0]!),
          anchors: anchors.map((at) => {
            let reach = 0;
            for (let i = 0; i < at; i++) reach += spanOf(seq[i]!);
            const alt = seq[at]!;
            return { key: keyOf(alt), ids: alt.kind === "end" ? new Uint8Array(0) : bitsOf(alt), reach };
          }),
        };
      }),
    );
  }

  /**
   * find() for a list of single words, without the automaton: from the root, a walk can only
   * take one word edge and end, so the matches are each hit's patterns, in hit order (what
   * the walk found, duplicates and the match cap included).
   */
  private findWords(h: LexHits, count: number): PatternMatch[] {
    const { termFrom, termList } = this.free;
    const last = termFrom.length - 1;
    let out: PatternMatch[] | null = null;
    for (let p = 0; p < count; p++) {
      for (let i = h.first[p]!, e = h.first[p + 1]!; i < e; i++) {
        const id = h.ids[i]!;
        if (id >= last) continue;
        for (let k = termFrom[id]!, to = termFrom[id + 1]!; k < to; k++) {
          (out ??= []).push({ first: p, end: h.ends[i]!, pattern: termList[k]! });
          if (out.length >= MAX_MATCHES) return out;
        }
      }
    }
    return out ?? NONE;
  }

  private walkFrom(h: LexHits, tokens: TokenTable, p: number, sink: Sink): void {
    if (this.free.mayStart(h, p)) this.free.automaton!.walkFrom(h, tokens, p, sink);
    if (this.hasAnchored && (p === 0 || (tokens.flags[p]! & TokenFlag.BREAK_BEFORE) !== 0) && this.anchored.mayStart(h, p)) {
      this.anchored.automaton!.walkFrom(h, tokens, p, sink);
    }
  }

  /** Whether any word of the message can start a pattern (one pass before looking closer). */
  private anyStart(h: LexHits): boolean {
    const free = this.free.starts;
    const anchored = this.anchored.starts;
    for (let i = 0; i < h.ids.length; i++) {
      const id = h.ids[i]!;
      if (free[id] === 1 || anchored[id] === 1) return true;
    }
    return false;
  }

  /**
   * Where patterns starting at token p end (as a set used inside another pattern). The list
   * belongs to the walk until it calls releaseEnds().
   */
  endsAt(h: LexHits, tokens: TokenTable, p: number): readonly number[] {
    if (this.dirty) this.finish();
    const sink = takeEndSink();
    if (this.singleWords) {
      // Every hit that is an entry, as found (a word hit twice ends twice, as the walk has it).
      const bits = this.free.starts;
      for (let i = h.first[p]!, e = h.first[p + 1]!; i < e; i++) if (bits[h.ids[i]!] === 1) sink.ends.push(h.ends[i]!);
    } else if (this.mayStart(h, p)) this.walkFrom(h, tokens, p, sink);
    return sink.ends;
  }
}

/** Whether the message has a word with one of the ids. */
function anyOf(h: LexHits, bits: Uint8Array): boolean {
  for (let i = 0; i < h.ids.length; i++) if (bits[h.ids[i]!] === 1) return true;
  return false;
}

let stopIds: Set<number> | null = null;

/**
 * For each pattern, the ids of one element it cannot match without (a word slot, or the words
 * a set's entries start with): the element with the fewest common words (then the fewest
 * words); their union. Null when a pattern has no word element at all.
 */
function requiredWords(lex: Lexicon, sequences: readonly Alt[][]): Uint8Array | null {
  const bits = new Uint8Array(lex.size);
  for (const seq of sequences) {
    let best: number[] | null = null;
    let bestCommon = Infinity;
    for (const alt of seq) {
      let ids: number[];
      if (alt.kind === "word") ids = alt.ids;
      else if (alt.kind === "set") {
        const starts = alt.set.startIds();
        ids = [];
        for (let id = 0; id < starts.length; id++) if (starts[id] === 1) ids.push(id);
      } else continue;
      if (!ids.length) continue;
      // Common words count double against an element: "up yours" still needs "up" or "yours".
      const common = ids.filter((id) => stopIds?.has(id)).length;
      if (common < bestCommon || (common === bestCommon && ids.length < best!.length)) {
        best = ids;
        bestCommon = common;
      }
    }
    if (!best) return null;
    for (const id of best) bits[id] = 1;
  }
  return bits;
}

/** The most tokens an element can cover. */
function spanOf(alt: Alt): number {
  return alt.kind === "word" || alt.kind === "any" ? 1 : alt.kind === "set" ? alt.set.maxSpan() : 0;
}

const NONE: PatternMatch[] = [];

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
