// The normalized view of one message, shared by every text condition. Computed lazily, each
// part at most once: a message no text rule looks at costs nothing, and plain ASCII skips the
// Unicode work entirely (see fold.ts). Offsets reported to moderators always point into `raw`.
import { fold, type Folded } from "./fold.js";
import { joinTokens, materialize, tokenTable, type JoinedToken, type Token, type TokenTable } from "./tokenize.js";

export type { Token, JoinedToken, TokenTable } from "./tokenize.js";
export { TokenFlag } from "./tokenize.js";

export interface TextAnalysis {
  /** The original text. */
  readonly raw: string;
  /**
   * Folded text: lower case, NFKC, invisible characters removed, Latin diacritics stripped,
   * lookalike letters in Latin-looking words made Latin. Bengali and other Indic text only gets NFKC.
   */
  readonly normalized: string;
  /** Original [start, end) of the normalized range [from, to). */
  originalSpan(from: number, to: number): { start: number; end: number };
  /** Word tokens in order, with leet decoded and original offsets. */
  readonly tokens: readonly Token[];
  /** The same tokens, compactly (what matchers read per message; no strings are made). */
  readonly table: TokenTable;
  /** Extra words made by joining tokens ("f u c k", "mother-fucker"). */
  readonly joined: readonly JoinedToken[];
  /** The tokens' decoded forms joined by single spaces (what `regex` with `on: words` reads). */
  readonly words: string;
  /** Index in `tokens` of the word covering position `pos` of `words`. */
  wordTokenAt(pos: number): number;
  /**
   * Per-message cache for work derived from the analysis and shared by conditions (e.g. the
   * lexicon lookup). `key` identifies the computation; keys made with `memoKey()` are fastest.
   */
  memo<T>(key: object, compute: (analysis: TextAnalysis) => T): T;
}

let slots = 0;
/**
 * A key for TextAnalysis.memo that is looked up by index (for hot per-message caches). Make
 * them when first used, not per compiled object: the slots should stay few.
 */
export function memoKey(): { readonly memoSlot: number } {
  return { memoSlot: slots++ };
}

class Analysis implements TextAnalysis {
  private folded: Folded | undefined;
  private tableCache: TokenTable | undefined;
  private tokenList: Token[] | undefined;
  private joinedList: JoinedToken[] | undefined;
  private wordsText: string | undefined;
  private wordStarts: Int32Array | undefined;
  private memos: Map<object, unknown> | undefined;
  private slotted: unknown[] | undefined;

  constructor(readonly raw: string) {}

  private get f(): Folded {
    return (this.folded ??= fold(this.raw));
  }

  get normalized(): string {
    return this.f.text;
  }

  originalSpan(from: number, to: number): { start: number; end: number } {
    const { starts, ends, text, clamp } = this.f;
    if ((!starts || !ends) && !clamp) return { start: from, end: to };
    if (text.length === 0) return { start: 0, end: 0 };
    const a = Math.min(Math.max(from, 0), text.length - 1);
    const b = Math.min(Math.max(to - 1, a), text.length - 1);
    // Identity maps left unbuilt (clamp): starts[a] is a, ends[b] is b + 1.
    return starts && ends ? { start: starts[a]!, end: ends[b]! } : { start: a, end: b + 1 };
  }

  get table(): TokenTable {
    return (this.tableCache ??= tokenTable(this.f));
  }

  get tokens(): readonly Token[] {
    return (this.tokenList ??= materialize(this.table));
  }

  get joined(): readonly JoinedToken[] {
    return (this.joinedList ??= joinTokens(this.table));
  }

  get words(): string {
    if (this.wordsText === undefined) {
      const toks = this.tokens;
      const starts = new Int32Array(toks.length);
      let s = "";
      for (let k = 0; k < toks.length; k++) {
        if (k) s += " ";
        starts[k] = s.length;
        s += toks[k]!.leet;
      }
      this.wordsText = s;
      this.wordStarts = starts;
    }
    return this.wordsText;
  }

  wordTokenAt(pos: number): number {
    void this.words;
    const starts = this.wordStarts!;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= pos) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  memo<T>(key: object, compute: (analysis: TextAnalysis) => T): T {
    const slot = (key as { memoSlot?: number }).memoSlot;
    if (slot !== undefined) {
      // Sized for every key made so far: no regrowth as conditions fill their slots.
      const slotted = (this.slotted ??= new Array<unknown>(slots));
      let v = slotted[slot];
      if (v === undefined) v = slotted[slot] = compute(this);
      return v as T;
    }
    const memos = (this.memos ??= new Map());
    if (memos.has(key)) return memos.get(key) as T;
    const value = compute(this);
    memos.set(key, value);
    return value;
  }
}

export function analyzeText(raw: string): TextAnalysis {
  return new Analysis(raw);
}
