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

/** The class of the `$` anchor: met where the sentence ends within reach. */
const END = -2;

/**
 * Per message (scratch, valid until the next prepare(); find() is not re-entered): per token,
 * the bits of the anchor classes its words start (class c is bit c & 31: classes sharing a bit
 * only make the filter weaker), the same ORed to the end of its sentence, and where its sentence
 * ends (the next token with a break before it, or the token count).
 */
let here = new Int32Array(256);
let ahead = new Int32Array(256);
let sentenceEnd = new Int32Array(256);
/**
 * The most tokens one hit of the message covers: 1 but where joined tokens ("f u c k",
 * "mother-fucker") hit a word. Above 1, reaches stretch by it and sentences are not checked
 * (a joined hit may cover a break).
 */
let hitTokens = 1;
/** The message begin() was given, and whether prepare() has run on it (lazily: most sets never need it). */
let pendingHits: LexHits | null = null;
let pendingTokens: TokenTable | null = null;
let pendingJoined = false;
let ready = false;

export class AnchorIndex {
  /** By lexicon id: the bits of the anchor classes the word can start. */
  private readonly classBits: Int32Array;
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
    this.classBits = new Int32Array(size);
    for (let c = 0; c < classIds.length; c++) {
      const ids = classIds[c]!;
      for (let id = 0; id < Math.min(size, ids.length); id++) if (ids[id] === 1) this.classBits[id]! |= 1 << (c & 31);
    }
  }

  /**
   * Starts a message: until the next call, canStart() answers for it (find()
   * is not re-entered). The per-token tables are made on the first question that needs them:
   * a start whose patterns include one without anchors (a list's one-word entry) needs none.
   */
  begin(h: LexHits, tokens: TokenTable, joined: boolean): void {
    pendingHits = h;
    pendingTokens = tokens;
    pendingJoined = joined;
    ready = false;
  }

  /** Tables for tokens from p on (canStart() is asked in token order, so earlier ones are never read). */
  private prepare(h: LexHits, tokens: TokenTable, from: number): void {
    ready = true;
    const count = tokens.count;
    if (here.length < count) {
      const n = Math.max(count, here.length * 2);
      here = new Int32Array(n);
      ahead = new Int32Array(n);
      sentenceEnd = new Int32Array(n);
    }
    const bitsAt = here;
    const aheadOf = ahead;
    const sentEnd = sentenceEnd;
    const flags = tokens.flags;
    const breakBefore = TokenFlag.BREAK_BEFORE;
    const { first, ids, ends } = h;
    const { classBits, size } = this;
    let most = 1;
    // Only joined tokens make hits that cover several tokens (lexicon.ts).
    const joined = pendingJoined;
    for (let p = from; p < count; p++) {
      let bits = 0;
      for (let i = first[p]!, e = first[p + 1]!; i < e; i++) {
        const id = ids[i]!;
        if (id < size) bits |= classBits[id]!;
        if (joined && ends[i]! - p > most) most = ends[i]! - p;
      }
      bitsAt[p] = bits;
    }
    hitTokens = most;
    // Backwards: sentence ends, and the bits from each token to its sentence's end (the message's end when hits span tokens).
    let end = count;
    let acc = 0;
    for (let p = count - 1; p >= from; p--) {
      acc |= bitsAt[p]!;
      aheadOf[p] = acc;
      sentEnd[p] = end;
      if (most === 1 && (flags[p]! & breakBefore) !== 0) {
        end = p;
        acc = 0;
      }
    }
  }

  /**
   * Whether a pattern the words at p can start has its anchors within reach (after prepare()):
   * patterns without `^`, or with it (the caller knows p starts a sentence).
   */
  canStart(h: LexHits, p: number, anchored: boolean): boolean {
    const { startFrom, needA, reachA, needB, reachB } = anchored ? this.anchored : this.free;
    const size = this.size;
    for (let i = h.first[p]!, e = h.first[p + 1]!; i < e; i++) {
      const id = h.ids[i]!;
      if (id >= size) continue;
      for (let k = startFrom[id]!, to = startFrom[id + 1]!; k < to; k++) {
        const a = needA[k]!;
        if (a === -1) return true;
        if (!ready) this.prepare(pendingHits!, pendingTokens!, p);
        // The classes' bits anywhere ahead in the sentence first, then the distances.
        const bits = ahead[p]!;
        if (a !== END && (bits & (1 << (a & 31))) === 0) continue;
        const b = needB[k]!;
        if (b >= 0 && (bits & (1 << (b & 31))) === 0) continue;
        if (near(p, a, reachA[k]!) && (b === -1 || near(p, b, reachB[k]!))) return true;
      }
    }
    return false;
  }
}

/** Whether an anchor of class c is at most `reach` tokens after p in its sentence (or, for `$`, the sentence ends there). */
function near(p: number, c: number, reach: number): boolean {
  const most = hitTokens;
  if (c === END) return most > 1 || sentenceEnd[p]! - p <= reach;
  const bit = 1 << (c & 31);
  const bitsAt = here;
  const last = Math.min(p + reach * most, sentenceEnd[p]! - 1);
  for (let q = p; q <= last; q++) if ((bitsAt[q]! & bit) !== 0) return true;
  return false;
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
    // A start with a pattern needing no anchor is always worth a walk: that one entry says so.
    for (let id = 0; id < size; id++) {
      const always = perId[id]!.find((n) => n[0] === -1);
      if (always) perId[id] = [always];
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

