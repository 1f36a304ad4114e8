// The compiled pattern automaton against the recursive trie walk it replaced (kept here as the
// reference): the same matches in the same order, duplicates and the match cap included, on
// random tries (word alternatives sharing ids, sets, `*`, `$`) and random hit lattices.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { Automaton, MAX_MATCHES, Sink, takeEndSink, resetEndSinks, type PatternMatch, type SetEnds, type TrieNode } from "../../../src/guidelines/text/automaton.js";
import type { LexHits } from "../../../src/guidelines/text/lexicon.js";
import { TokenFlag, type TokenTable } from "../../../src/guidelines/text/tokenize.js";

interface MutableNode {
  next: Map<number, MutableNode[]> | null;
  sets: { set: SetEnds; child: MutableNode }[] | null;
  any: MutableNode | null;
  end: MutableNode | null;
  terminal: number;
}

const node = (terminal = -1): MutableNode => ({ next: null, sets: null, any: null, end: null, terminal });

// ── The reference: the recursive walk over trie nodes, as patterns.ts had it ──

class RefSink {
  first = 0;
  readonly matches: PatternMatch[] = [];
  readonly ends: number[] = [];
  constructor(private readonly endsOnly: boolean) {}
  found(end: number, pattern: number): void {
    if (this.endsOnly) {
      if (!this.ends.includes(end)) this.ends.push(end);
    } else if (this.matches.length < MAX_MATCHES) this.matches.push({ first: this.first, end, pattern });
  }
}

function refWalk(n: TrieNode, h: LexHits, tokens: TokenTable, start: number, pos: number, sink: RefSink): void {
  if (n.terminal >= 0) sink.found(pos, n.terminal);
  const count = tokens.count;
  if (n.end && (pos === count || (tokens.flags[pos]! & TokenFlag.BREAK_BEFORE) !== 0)) refWalk(n.end, h, tokens, start, pos, sink);
  if (pos >= count) return;
  if (pos > start && (tokens.flags[pos]! & TokenFlag.BREAK_BEFORE) !== 0) return;
  const from = h.first[pos]!;
  const to = h.first[pos + 1]!;
  if (n.next) {
    for (let i = from; i < to; i++) for (const c of n.next.get(h.ids[i]!) ?? []) refWalk(c, h, tokens, start, h.ends[i]!, sink);
  }
  if (n.sets) {
    const starts = (k: number, id: number) => n.sets![k]!.set.startIds()[id] === 1;
    for (let i = from; i < to; i++) {
      for (let k = 0; k < n.sets.length; k++) {
        if (!starts(k, h.ids[i]!)) continue;
        let earlier = false;
        for (let j = from; j < i; j++) if (starts(k, h.ids[j]!)) earlier = true;
        if (earlier) continue;
        const { set, child } = n.sets[k]!;
        for (const e of set.endsAt(h, tokens, pos)) refWalk(child, h, tokens, start, e, sink);
      }
    }
  }
  if (n.any) refWalk(n.any, h, tokens, start, pos + 1, sink);
}

/** A set for the reference walk: its own trie, walked recursively, a fresh list of ends. */
class RefSet implements SetEnds {
  constructor(
    private readonly root: TrieNode,
    private readonly starts: Uint8Array,
  ) {}
  startIds(): Uint8Array {
    return this.starts;
  }
  endsAt(h: LexHits, tokens: TokenTable, p: number): readonly number[] {
    const sink = new RefSink(true);
    refWalk(this.root, h, tokens, p, p, sink);
    return sink.ends;
  }
}

/** The same set for the automaton: compiled, ends in the shared per-level sinks. */
class CompiledSet implements SetEnds {
  private readonly automaton: Automaton;
  constructor(
    root: TrieNode,
    private readonly starts: Uint8Array,
  ) {
    this.automaton = new Automaton(root);
  }
  startIds(): Uint8Array {
    return this.starts;
  }
  endsAt(h: LexHits, tokens: TokenTable, p: number): readonly number[] {
    const sink = takeEndSink();
    this.automaton.walkFrom(h, tokens, p, sink);
    return sink.ends;
  }
}

// ── Random tries and messages ──

/** A small deterministic generator (the property's seed decides everything). */
function rng(seed: number): (n: number) => number {
  let x = seed >>> 0 || 1;
  return (n) => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) % n;
  };
}

const WORDS = 6;

interface Spec {
  /** Builds the trie with the given sets (reference or compiled ones). */
  build(sets: readonly SetEnds[]): TrieNode;
}

/** A random trie shape; `setCount` sets may be used as elements (none inside sets). */
function randomTrie(r: (n: number) => number, setCount: number, depth: number): Spec {
  let pattern = 0;
  type Shape = { terminal: number; words: [number, Shape[]][]; sets: [number, Shape][]; any: Shape | null; end: Shape | null };
  const shape = (d: number): Shape => {
    const s: Shape = { terminal: r(3) === 0 ? pattern++ : -1, words: [], sets: [], any: null, end: null };
    if (d >= depth) {
      if (s.terminal < 0) s.terminal = pattern++;
      return s;
    }
    for (let k = r(3); k > 0; k--) {
      const kids: Shape[] = [shape(d + 1)];
      if (r(4) === 0) kids.push(shape(d + 1)); // two alternatives sharing a word
      s.words.push([r(WORDS), kids]);
    }
    if (setCount > 0) for (let k = r(3); k > 0; k--) s.sets.push([r(setCount), shape(d + 1)]);
    if (r(5) === 0) s.any = shape(d + 1);
    if (r(5) === 0) s.end = shape(d + 1);
    return s;
  };
  const root = shape(0);
  const toNode = (s: Shape, sets: readonly SetEnds[]): MutableNode => {
    const n = node(s.terminal);
    for (const [id, kids] of s.words) {
      n.next ??= new Map();
      n.next.set(id, [...(n.next.get(id) ?? []), ...kids.map((k) => toNode(k, sets))]);
    }
    for (const [set, child] of s.sets) (n.sets ??= []).push({ set: sets[set]!, child: toNode(child, sets) });
    if (s.any) n.any = toNode(s.any, sets);
    if (s.end) n.end = toNode(s.end, sets);
    return n;
  };
  return { build: (sets) => toNode(root, sets) };
}

/** Which words start a set trie (root word edges; sets here have no `*` or nested sets). */
function startsOf(root: TrieNode): Uint8Array {
  const bits = new Uint8Array(WORDS);
  for (const id of root.next?.keys() ?? []) bits[id] = 1;
  return bits;
}

function randomMessage(r: (n: number) => number): { h: LexHits; tokens: TokenTable } {
  const count = r(7);
  const first: number[] = [];
  const ids: number[] = [];
  const ends: number[] = [];
  const flags: number[] = [];
  for (let p = 0; p < count; p++) {
    first.push(ids.length);
    flags.push(r(4) === 0 ? TokenFlag.BREAK_BEFORE : 0);
    for (let k = r(4); k > 0; k--) {
      ids.push(r(WORDS));
      ends.push(Math.min(count, p + 1 + (r(5) === 0 ? 1 : 0))); // now and then a joined word spanning two tokens
    }
  }
  first.push(ids.length);
  const zeros = new Array<number>(count).fill(0);
  const tokens: TokenTable = { text: "", count, nStart: zeros, nEnd: zeros, flags, starts: null, ends: null, mayJoin: false };
  return { h: { first, ids, ends, mask: 0, maskVersion: -1 }, tokens };
}

function compare(seed: number): void {
  const r = rng(seed);
  const setSpecs = [randomTrie(r, 0, 2), randomTrie(r, 0, 2)];
  const refSets = setSpecs.map((s) => {
    const root = s.build([]);
    return new RefSet(root, startsOf(root));
  });
  const compiledSets = setSpecs.map((s) => {
    const root = s.build([]);
    return new CompiledSet(root, startsOf(root));
  });
  const spec = randomTrie(r, 2, 4);
  const refRoot = spec.build(refSets);
  const automaton = new Automaton(spec.build(compiledSets));
  for (let m = 0; m < 5; m++) {
    const { h, tokens } = randomMessage(r);
    const want = new RefSink(false);
    const got = new Sink(false);
    resetEndSinks();
    for (let p = 0; p < tokens.count; p++) {
      want.first = got.first = p;
      refWalk(refRoot, h, tokens, p, p, want);
      automaton.walkFrom(h, tokens, p, got);
    }
    expect(got.matches).toEqual(want.matches);
  }
}

describe("pattern automaton", () => {
  it("walks like the recursive trie walk (random tries, sets, `*`, `$`, joined words, breaks)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 0x7fffffff }), (seed) => compare(seed)),
      { numRuns: 3000 },
    );
  });

  const hits = (rows: [number, number][][]): { h: LexHits; tokens: TokenTable } => {
    const first: number[] = [];
    const ids: number[] = [];
    const ends: number[] = [];
    rows.forEach((row, p) => {
      first.push(ids.length);
      for (const [id, end] of row) ids.push(id), ends.push(end ?? p + 1);
    });
    first.push(ids.length);
    const zeros = rows.map(() => 0);
    return { h: { first, ids, ends, mask: 0, maskVersion: -1 }, tokens: { text: "", count: rows.length, nStart: zeros, nEnd: zeros, flags: zeros, starts: null, ends: null, mayJoin: false } };
  };
  const matchesFrom = (a: Automaton, msg: { h: LexHits; tokens: TokenTable }, p: number) => {
    const sink = new Sink(false);
    sink.first = p;
    resetEndSinks();
    a.walkFrom(msg.h, msg.tokens, p, sink);
    return sink.matches.map((m) => [m.first, m.end, m.pattern]);
  };

  it("follows words, alternatives sharing a word, and `*`", () => {
    // pattern 0: 1 2 · pattern 1: 1 * 3 · pattern 2: 1 2 (second alternative with word 2)
    const root = node();
    const a = node();
    const b = node();
    a.next = new Map([[2, [node(0), node(2)]]]);
    b.any = node();
    b.any.next = new Map([[3, [node(1)]]]);
    root.next = new Map([[1, [a, b]]]);
    const auto = new Automaton(root);
    expect(matchesFrom(auto, hits([[[1, 1]], [[2, 2]], [[3, 3]]]), 0)).toEqual([
      [0, 2, 0],
      [0, 2, 2],
      [0, 3, 1],
    ]);
  });

  it("tries a set edge once per position, from the first word that can start it", () => {
    const setRoot = node();
    setRoot.next = new Map([
      [4, [node(0)]],
      [5, [node(0)]],
    ]);
    const set = new CompiledSet(setRoot, startsOf(setRoot));
    const root = node();
    root.sets = [{ set, child: node(7) }];
    // Two words at position 0 (4 and 5) both start the set: its ends are walked once.
    expect(matchesFrom(new Automaton(root), hits([[[4, 1], [5, 1]]]), 0)).toEqual([[0, 1, 7]]);
  });

  it("takes `$` only at a sentence break or the end, and never crosses a break", () => {
    const root = node();
    const w = node();
    root.next = new Map([[1, [w]]]);
    w.end = node(0);
    w.next = new Map([[2, [node(1)]]]);
    const msg = hits([[[1, 1]], [[2, 2]]]);
    expect(matchesFrom(new Automaton(root), msg, 0)).toEqual([[0, 2, 1]]);
    (msg.tokens.flags as number[])[1] = TokenFlag.BREAK_BEFORE;
    expect(matchesFrom(new Automaton(root), msg, 0)).toEqual([[0, 1, 0]]);
  });

  it("stops collecting at the match cap", () => {
    const root = node();
    root.next = new Map([[1, Array.from({ length: MAX_MATCHES + 4 }, (_, k) => node(k))]]);
    expect(matchesFrom(new Automaton(root), hits([[[1, 1]]]), 0)).toHaveLength(MAX_MATCHES);
  });
});
