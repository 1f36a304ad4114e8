// A pattern trie (patterns.ts builds it while patterns are added) compiled to flat typed arrays:
// states are numbers, one hash probe per (state, word id) gives the word transitions, and one
// bit table by word id tells which of a state's set edges ({insult}) the word can start. The walk visits exactly what the trie walk visited, in
// the same order (so matches come out in the same order, duplicates and the match cap included);
// it only stops paying for Maps, per-node objects, closures and arrays made per step.
import type { LexHits } from "./lexicon.js";
import { TokenFlag, type TokenTable } from "./tokenize.js";

/** A trie node as built from the patterns (see patterns.ts). */
export interface TrieNode {
  /** Children by lexicon id; several children when alternatives share a word. */
  readonly next: ReadonlyMap<number, readonly TrieNode[]> | null;
  /** Set elements ({insult}): the set and the node after it. */
  readonly sets: readonly { readonly set: SetEnds; readonly child: TrieNode }[] | null;
  /** `*` (any one word) and `$` (end of sentence). */
  readonly any: TrieNode | null;
  readonly end: TrieNode | null;
  /** Index of the pattern ending here, or -1. */
  readonly terminal: number;
}

/** A set used inside a pattern: where its entries starting at a position end. */
export interface SetEnds {
  /** Lexicon ids (as a bitmap) that can start an entry. */
  startIds(): Uint8Array;
  /** End positions, in walk order; valid until the matching releaseEnds(). */
  endsAt(h: LexHits, tokens: TokenTable, p: number): readonly number[];
}

/** A pattern found from a start position: ends only (inside another pattern) or matches. */
export interface PatternMatch {
  /** Token index of the first word. */
  first: number;
  /** Token index after the last word. */
  end: number;
  /** Index of the pattern (in the order added). */
  pattern: number;
}

/** Matches past this many per message are not collected. */
export const MAX_MATCHES = 16;

/** Collects what a walk finds: matches (for a whole set) or distinct end positions (inside a pattern). */
export class Sink {
  first = 0;
  readonly matches: PatternMatch[] = [];
  readonly ends: number[] = [];
  constructor(readonly endsOnly: boolean) {}

  found(end: number, pattern: number): void {
    if (this.endsOnly) {
      if (!this.ends.includes(end)) this.ends.push(end);
    } else if (this.matches.length < MAX_MATCHES) this.matches.push({ first: this.first, end, pattern });
  }
}

// Sinks for set ends, one per nesting level: a walk follows a set's ends (and may enter more
// sets) before it lets go of the list, so each level keeps its own, reused across messages.
const endSinks: Sink[] = [];
let endDepth = 0;

/** An empty ends sink for a set walk; give it back with releaseEnds() once its ends are walked. */
export function takeEndSink(): Sink {
  const sink = (endSinks[endDepth++] ??= new Sink(true));
  sink.ends.length = 0;
  return sink;
}

export function releaseEnds(): void {
  endDepth--;
}

/** Called before a top-level search: a walk cut short by an exception leaves no level taken. */
export function resetEndSinks(): void {
  endDepth = 0;
}

const HAS_WORDS = 1;
const HAS_SETS = 2;
/** Stride of a slot of the word-transition table: state, id, children list. */
const SLOT = 3;

export class Automaton {
  /** Per state: pattern ending here (-1 none), the `$` and `*` successors (-1 none), HAS_* bits. */
  private readonly terminal: Int32Array;
  private readonly endNext: Int32Array;
  private readonly anyNext: Int32Array;
  private readonly kind: Uint8Array;
  /** Per state, a 256-bit filter (by id & 255) of the ids with a slot: most probes are misses. */
  private readonly filter: Int32Array;
  /** Open addressing over (state, id) for word transitions; a list is a count followed by its children. */
  private readonly slots: Int32Array;
  private readonly slotMask: number;
  private readonly lists: Int32Array;
  /** Set edges, numbered across the automaton; a state's are edgeFrom[s] .. edgeFrom[s + 1] - 1, in trie order. */
  private readonly edgeFrom: Int32Array;
  private readonly edgeSet: SetEnds[];
  private readonly edgeChild: Int32Array;
  /** Each edge's set as a bit (index among the sets used here): an edge is tried at a word of its set. */
  private readonly edgeBit: Int32Array;
  private readonly edgeWord: Int32Array;
  /**
   * By lexicon id, the bits of the sets (used here) that the word can start, `setWords` Int32s
   * per id. One table for the whole automaton: a few tens of KB, not a table per state.
   */
  private readonly setBits: Int32Array;
  private readonly setWords: number;
  /** Per state, the bits of the sets its edges lead through (`setWords` Int32s): most words start none of them. */
  private readonly stateSets: Int32Array;
  /** The call (of walk at a state) that last tried each edge: each edge is tried once per position. */
  private readonly tried: Int32Array;
  private calls = 0;

  constructor(root: TrieNode) {
    const states: TrieNode[] = [root];
    const index = new Map<TrieNode, number>([[root, 0]]);
    const id = (n: TrieNode): number => {
      let k = index.get(n);
      if (k === undefined) {
        k = states.length;
        index.set(n, k);
        states.push(n);
      }
      return k;
    };
    // Number every state first (children in trie order), then fill the arrays.
    for (let s = 0; s < states.length; s++) {
      const n = states[s]!;
      for (const children of n.next?.values() ?? []) for (const c of children) id(c);
      for (const { child } of n.sets ?? []) id(child);
      if (n.any) id(n.any);
      if (n.end) id(n.end);
    }
    const count = states.length;
    this.terminal = new Int32Array(count);
    this.endNext = new Int32Array(count).fill(-1);
    this.anyNext = new Int32Array(count).fill(-1);
    this.kind = new Uint8Array(count);
    this.filter = new Int32Array(count * 8);
    this.edgeFrom = new Int32Array(count + 1);
    this.edgeSet = [];
    const edgeChild: number[] = [];
    const setIndex = new Map<SetEnds, number>();
    const edgeSetIndex: number[] = [];
    const lists: number[] = [];
    const keyed: { state: number; id: number; list: number }[] = [];
    for (let s = 0; s < count; s++) {
      const n = states[s]!;
      this.terminal[s] = n.terminal;
      if (n.end) this.endNext[s] = index.get(n.end)!;
      if (n.any) this.anyNext[s] = index.get(n.any)!;
      if (n.next?.size) {
        this.kind[s]! |= HAS_WORDS;
        for (const [wordId, children] of n.next) {
          keyed.push({ state: s, id: wordId, list: lists.length });
          lists.push(children.length, ...children.map((c) => index.get(c)!));
          this.filter[s * 8 + ((wordId >>> 5) & 7)]! |= 1 << (wordId & 31);
        }
      }
      this.edgeFrom[s] = this.edgeSet.length;
      if (n.sets?.length) {
        this.kind[s]! |= HAS_SETS;
        for (const { set, child } of n.sets) {
          if (!setIndex.has(set)) setIndex.set(set, setIndex.size);
          this.edgeSet.push(set);
          edgeChild.push(index.get(child)!);
          edgeSetIndex.push(setIndex.get(set)!);
        }
      }
    }
    this.edgeFrom[count] = this.edgeSet.length;
    let size = 16;
    while (size < keyed.length * 2) size *= 2;
    this.slotMask = size - 1;
    this.slots = new Int32Array(size * SLOT).fill(-1);
    for (const k of keyed) {
      let slot = hash(k.state, k.id) & this.slotMask;
      while (this.slots[slot * SLOT] !== -1) slot = (slot + 1) & this.slotMask;
      this.slots.set([k.state, k.id, k.list], slot * SLOT);
    }
    this.lists = Int32Array.from(lists);
    this.edgeChild = Int32Array.from(edgeChild);
    this.edgeBit = Int32Array.from(edgeSetIndex, (i) => 1 << (i & 31));
    this.edgeWord = Int32Array.from(edgeSetIndex, (i) => i >>> 5);
    this.setWords = Math.max(1, Math.ceil(setIndex.size / 32));
    let ids = 0;
    for (const set of setIndex.keys()) ids = Math.max(ids, set.startIds().length);
    this.setBits = new Int32Array(ids * this.setWords);
    for (const [set, i] of setIndex) {
      const starts = set.startIds();
      for (let w = 0; w < starts.length; w++) if (starts[w] === 1) this.setBits[w * this.setWords + (i >>> 5)]! |= 1 << (i & 31);
    }
    this.stateSets = new Int32Array(count * this.setWords);
    for (let st = 0; st < count; st++) {
      for (let e = this.edgeFrom[st]!; e < this.edgeFrom[st + 1]!; e++) this.stateSets[st * this.setWords + this.edgeWord[e]!]! |= this.edgeBit[e]!;
    }
    this.tried = new Int32Array(this.edgeSet.length);
  }

  /** Walks from the root at token p, as the start of a match. */
  walkFrom(h: LexHits, tokens: TokenTable, p: number, sink: Sink): void {
    if (this.calls > 0x3fffffff) {
      // Not inside a walk of this automaton (a set never contains itself): stamps can restart.
      this.tried.fill(0);
      this.calls = 0;
    }
    this.walk(0, h, tokens, p, p, sink);
  }

  /** Whether the word whose set bits are at `row` starts a set of one of the state's edges. */
  private startsSome(state: number, row: number): boolean {
    const words = this.setWords;
    for (let w = 0, at = state * words; w < words; w++) if ((this.setBits[row + w]! & this.stateSets[at + w]!) !== 0) return true;
    return false;
  }

  /** The slot of (state, id) in the transition table, or -1. */
  private slotOf(state: number, id: number): number {
    if ((this.filter[state * 8 + ((id >>> 5) & 7)]! & (1 << (id & 31))) === 0) return -1;
    const slots = this.slots;
    for (let slot = hash(state, id) & this.slotMask; ; slot = (slot + 1) & this.slotMask) {
      const at = slot * SLOT;
      const s = slots[at]!;
      if (s === -1) return -1;
      if (s === state && slots[at + 1] === id) return at;
    }
  }

  private walk(state: number, h: LexHits, tokens: TokenTable, start: number, pos: number, sink: Sink): void {
    const term = this.terminal[state]!;
    if (term >= 0) sink.found(pos, term);
    const n = tokens.count;
    const breakBefore = pos < n && (tokens.flags[pos]! & TokenFlag.BREAK_BEFORE) !== 0;
    const endNext = this.endNext[state]!;
    if (endNext >= 0 && (pos === n || breakBefore)) this.walk(endNext, h, tokens, start, pos, sink);
    if (pos >= n) return;
    if (pos > start && breakBefore) return;
    const kind = this.kind[state]!;
    if (kind !== 0) {
      const from = h.first[pos]!;
      const to = h.first[pos + 1]!;
      const lists = this.lists;
      if ((kind & HAS_WORDS) !== 0) {
        for (let i = from; i < to; i++) {
          const at = this.slotOf(state, h.ids[i]!);
          if (at < 0) continue;
          const list = this.slots[at + 2]!;
          for (let c = list + 1, e = list + 1 + lists[list]!; c < e; c++) this.walk(lists[c]!, h, tokens, start, h.ends[i]!, sink);
        }
      }
      if ((kind & HAS_SETS) !== 0) {
        // For each word here in turn, the state's edges whose set it can start (each edge once).
        const call = ++this.calls;
        const tried = this.tried;
        const setBits = this.setBits;
        const words = this.setWords;
        const edgeTo = this.edgeFrom[state + 1]!;
        for (let i = from; i < to; i++) {
          const row = h.ids[i]! * words;
          if (row >= setBits.length || !this.startsSome(state, row)) continue;
          for (let edge = this.edgeFrom[state]!; edge < edgeTo; edge++) {
            if ((setBits[row + this.edgeWord[edge]!]! & this.edgeBit[edge]!) === 0 || tried[edge] === call) continue;
            tried[edge] = call;
            const ends = this.edgeSet[edge]!.endsAt(h, tokens, pos);
            const child = this.edgeChild[edge]!;
            for (let j = 0; j < ends.length; j++) this.walk(child, h, tokens, start, ends[j]!, sink);
            releaseEnds();
          }
        }
      }
    }
    const anyNext = this.anyNext[state]!;
    if (anyNext >= 0) this.walk(anyNext, h, tokens, start, pos + 1, sink);
  }
}

function hash(state: number, id: number): number {
  const x = Math.imul(state ^ Math.imul(id, 0x9e3779b1), 0x85ebca6b);
  return (x ^ (x >>> 13)) >>> 0;
}
