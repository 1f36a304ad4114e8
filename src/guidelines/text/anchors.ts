// Anchor-driven starts for pattern sets with frames ("{you} {mod}? {noun}"): each pattern has
// one or two anchors, elements after its first that it cannot match without (the insult noun,
// the harm verb; patterns.ts picks them). A walk from token p is worth starting only if some
// pattern the word at p can start has an occurrence of each of its anchors at most `reach`
// tokens after p, in the same sentence (a walk never crosses a sentence break). Most words
// that start frames ("you", "is", "this", "what") are common while anchors are rare, so this
// skips most walks that a single "is there any anchor within the longest frame?" test lets
// through. It only skips starts that cannot match: the walks that run, and so the matches and
// their order, are unchanged.
import { TokenFlag, type TokenTable } from "./tokenize.js";
import type { LexHits } from "./lexicon.js";

/** One pattern as the filter sees it. */
export interface AnchoredSequence {
  /** Lexicon ids (bitmap) that can start the pattern; patterns with the same first element share a key. */
  starts: Uint8Array;
  startKey: string;
  /** Written with a leading `^` (tried only where a sentence starts). */
  anchored: boolean;
  /** At most two; none when the pattern has nothing after its first element. */
  anchors: readonly Anchor[];
}

export interface Anchor {
  /** Distinct anchor elements share a key (`w<ids>` or `s<set id>`); `end` is the end of the sentence (`$`). */
  key: string;
  /** Lexicon ids (bitmap) that can start the anchor element. */
  ids: Uint8Array;
  /** The most tokens between the pattern's first word and the anchor's first word. */
  reach: number;
}

let occPos = new Int32Array(64);
let occClass = new Int32Array(64);
let sentence = new Int32Array(256);
/** Per position, where its sentence ends (the next token with a break before it, or the token count). */
let sentenceEnd = new Int32Array(256);
/** The class of the `$` anchor: met where the sentence ends within reach. */
const END = -2;
let occCount = 0;
/**
 * The most tokens one hit of the message covers: 1 but where joined tokens ("f u c k",
 * "mother-fucker") hit a word. Above 1, reaches stretch by it and sentences are not checked
 * (a joined hit may cover a break).
 */
let hitTokens = 1;

export class AnchorIndex {
  /** By lexicon id: the anchor classes the word can start (classFrom[id] .. classFrom[id + 1] - 1 in classList). */
  private readonly classFrom: Int32Array;
  private readonly classList: Int32Array;
  /** What the patterns each word can start need, for patterns without and with `^`. */
  private readonly free: Needs;
  private readonly anchored: Needs;
  private readonly size: number;

  constructor(size: number, sequences: readonly AnchoredSequence[]) {
    this.size = size;
    const classOf = new Map<string, number>();
    const classIds: Uint8Array[] = [];
    const classFor = (a: Anchor | undefined): number => {
      if (!a) return -1;
      if (a.key === "end") return END;
      let c = classOf.get(a.key);
      if (c === undefined) {
        c = classIds.length;
        classOf.set(a.key, c);
        classIds.push(a.ids);
      }
      return c;
    };
    this.free = needsOf(size, sequences.filter((q) => !q.anchored), classFor);
    this.anchored = needsOf(size, sequences.filter((q) => q.anchored), classFor);
    this.classFrom = new Int32Array(size + 1);
    const classList: number[] = [];
    for (let id = 0; id < size; id++) {
      this.classFrom[id] = classList.length;
      for (let c = 0; c < classIds.length; c++) if (classIds[c]![id] === 1) classList.push(c);
    }
    this.classFrom[size] = classList.length;
    this.classList = Int32Array.from(classList);
  }

  /**
   * Notes the message's anchor occurrences and sentences for canStart(). Until the next call,
   * canStart() answers for this message (find() is not re-entered).
   */
  prepare(h: LexHits, tokens: TokenTable): void {
    const count = tokens.count;
    if (sentence.length < count) {
      sentence = new Int32Array(Math.max(count, sentence.length * 2));
      sentenceEnd = new Int32Array(sentence.length);
    }
    const sent = sentence;
    const flags = tokens.flags;
    const breakBefore = TokenFlag.BREAK_BEFORE;
    const { first, ids, ends } = h;
    const { classFrom, classList, size } = this;
    let s = 0;
    let n = 0;
    let most = 1;
    for (let p = 0; p < count; p++) {
      if (p > 0 && (flags[p]! & breakBefore) !== 0) s++;
      sent[p] = s;
      for (let i = first[p]!, e = first[p + 1]!; i < e; i++) {
        if (ends[i]! - p > most) most = ends[i]! - p;
        const id = ids[i]!;
        if (id >= size) continue;
        for (let k = classFrom[id]!, to = classFrom[id + 1]!; k < to; k++) {
          if (n === occPos.length) {
            const pos = new Int32Array(n * 2);
            pos.set(occPos);
            occPos = pos;
            const cl = new Int32Array(n * 2);
            cl.set(occClass);
            occClass = cl;
          }
          occPos[n] = p;
          occClass[n++] = classList[k]!;
        }
      }
    }
    occCount = n;
    hitTokens = most;
    const sentEnd = sentenceEnd;
    let end = count;
    for (let p = count - 1; p >= 0; p--) {
      sentEnd[p] = end;
      if ((flags[p]! & breakBefore) !== 0) end = p;
    }
  }

  /**
   * Whether a pattern the words at p can start has its anchors within reach (after prepare()):
   * patterns without `^`, or with it (the caller knows p starts a sentence).
   */
  canStart(h: LexHits, p: number, anchored: boolean): boolean {
    const { startFrom, needA, reachA, needB, reachB } = anchored ? this.anchored : this.free;
    const size = this.size;
    // Occurrences are in position order: skip those before p once.
    let from = 0;
    while (from < occCount && occPos[from]! < p) from++;
    for (let i = h.first[p]!, e = h.first[p + 1]!; i < e; i++) {
      const id = h.ids[i]!;
      if (id >= size) continue;
      for (let k = startFrom[id]!, to = startFrom[id + 1]!; k < to; k++) {
        const a = needA[k]!;
        if (a === -1) return true;
        if (!near(from, p, a, reachA[k]!)) continue;
        const b = needB[k]!;
        if (b === -1 || near(from, p, b, reachB[k]!)) return true;
      }
    }
    return false;
  }
}

/**
 * By lexicon id: what the patterns the word can start need (startFrom[id] .. startFrom[id + 1] - 1):
 * an anchor of class needA[k] within reachA[k] tokens (none needed when -1) and one of needB[k] within reachB[k] (-1: none).
 */
interface Needs {
  startFrom: Int32Array;
  needA: Int32Array;
  reachA: Int32Array;
  needB: Int32Array;
  reachB: Int32Array;
}

function needsOf(size: number, sequences: readonly AnchoredSequence[], classFor: (a: Anchor | undefined) => number): Needs {
    // Needs per first element (widest reaches per pair of classes), then per start id.
    const byStart = new Map<string, { starts: Uint8Array; needs: Map<string, [number, number, number, number]> }>();
    for (const s of sequences) {
      let g = byStart.get(s.startKey);
      if (!g) byStart.set(s.startKey, (g = { starts: s.starts, needs: new Map() }));
      const [a, b] = s.anchors;
      const ca = classFor(a);
      const cb = classFor(b);
      const key = `${ca},${cb}`;
      const known = g.needs.get(key);
      const ra = a?.reach ?? 0;
      const rb = b?.reach ?? 0;
      if (!known) g.needs.set(key, [ca, ra, cb, rb]);
      else {
        known[1] = Math.max(known[1], ra);
        known[3] = Math.max(known[3], rb);
      }
    }
    const perId: [number, number, number, number][][] = Array.from({ length: size }, () => []);
    for (const g of byStart.values()) {
      for (let id = 0; id < Math.min(size, g.starts.length); id++) if (g.starts[id] === 1) perId[id]!.push(...g.needs.values());
    }
    const startFrom = new Int32Array(size + 1);
    const na: number[] = [];
    const ra: number[] = [];
    const nb: number[] = [];
    const rb: number[] = [];
    for (let id = 0; id < size; id++) {
      startFrom[id] = na.length;
      for (const [ca, rA, cb, rB] of perId[id]!) {
        na.push(ca);
        ra.push(rA);
        nb.push(cb);
        rb.push(rB);
      }
    }
    startFrom[size] = na.length;
    return { startFrom, needA: Int32Array.from(na), reachA: Int32Array.from(ra), needB: Int32Array.from(nb), reachB: Int32Array.from(rb) };
}

/** Whether an anchor of class c lies at most `reach` tokens after p, in p's sentence (from: first occurrence at or after p). */
function near(from: number, p: number, c: number, reach: number): boolean {
  if (hitTokens > 1) {
    if (c === END) return true;
    const last = p + reach * hitTokens;
    for (let j = from; j < occCount; j++) {
      if (occPos[j]! > last) return false;
      if (occClass[j] === c) return true;
    }
    return false;
  }
  if (c === END) return sentenceEnd[p]! - p <= reach;
  const sent = sentence;
  const here = sent[p]!;
  const last = p + reach;
  for (let j = from; j < occCount; j++) {
    const q = occPos[j]!;
    if (q > last || sent[q] !== here) return false;
    if (occClass[j] === c) return true;
  }
  return false;
}
