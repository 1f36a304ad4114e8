// Splits normalized text into word tokens, decoding leetspeak inside words and re-joining
// words broken up with separators. The hot path keeps tokens in a compact table (offsets and
// flags in typed arrays); strings and Token objects are made only when something asks.
//
// - A word is a run of letters, digits, leet symbols (@ $ !), wildcards (* #) and apostrophes;
//   apostrophes are dropped ("you're" → "youre"), a leading # (hashtag) and trailing ! are
//   trimmed, and *emphasis* stars around a word are removed.
// - Leet (sh1t, $hit, @ss, f4g): digits and symbols map to letters only in words with letters
//   (so "2" or "420" stay as they are). "1" and "|" may be i or l: both are offered.
// - `*` and `#` inside a word stand for one unknown letter ("f*ck"); lexicon.ts matches them.
// - Joined tokens: runs of ≥ 3 single letters separated by one separator ("f u c k",
//   "f.u.c.k", "f-u-c-k") and 2–4 words joined by "-", "_" or "." ("mother-fucker", "a-hole").
import type { Folded } from "./fold.js";
import { CHAR_TABLE, C_APOS, C_DIGIT, C_LEET, C_LETTER, C_OTHER, C_SPACE, C_WILD, charInfo, classOf } from "./chars.js";

export interface Token {
  /** Folded word, apostrophes dropped, symbols kept: "sh1t", "f*ck", "youre". */
  readonly text: string;
  /** Leet-decoded form ("shit"); equal to `text` when nothing was decoded. */
  readonly leet: string;
  /** Another decoding worth trying ("1"/"|" as l), or null. */
  readonly alt: string | null;
  /** Offsets in the ORIGINAL text, [start, end). */
  readonly start: number;
  readonly end: number;
  /** TokenFlag bits. */
  readonly flags: number;
}

/** A word made by joining tokens first..last (inclusive). */
export interface JoinedToken {
  readonly text: string;
  readonly first: number;
  readonly last: number;
}

export const TokenFlag = {
  LETTER: 1,
  DIGIT: 2,
  SYMBOL: 4,
  WILD: 8,
  /** A sentence break (. ! ? ; newline) lies between the previous token and this one. */
  BREAK_BEFORE: 16,
  /** The same character 3+ times in a row ("fuuuck"): worth squeezing. */
  LONG_RUN: 32,
  /** A character outside ASCII (Bengali, accented letters left after folding). */
  NON_ASCII: 64,
  /** An apostrophe inside ("you're"): dropped from the word. */
  APOS: 128,
} as const;


/**
 * The tokens of a message, compactly: token k is normalized text [nStart[k], nEnd[k]) with
 * flags[k]. What the per-message matching reads; Token objects are built from it on demand.
 */
export interface TokenTable {
  readonly text: string;
  readonly count: number;
  readonly nStart: readonly number[];
  readonly nEnd: readonly number[];
  readonly flags: readonly number[];
  /** Normalized → original offsets (null: identical). */
  readonly starts: readonly number[] | null;
  readonly ends: readonly number[] | null;
  /** Whether joinTokens can find anything (spelled-out letters or glued words were seen). */
  readonly mayJoin: boolean;
}

const FLAG_OF = [0, 0, 0, 0, 0, 0, 0, 0];
FLAG_OF[C_LETTER] = TokenFlag.LETTER;
FLAG_OF[C_DIGIT] = TokenFlag.DIGIT;
FLAG_OF[C_LEET] = TokenFlag.SYMBOL;
FLAG_OF[C_WILD] = TokenFlag.WILD;
FLAG_OF[C_APOS] = TokenFlag.APOS;

const LEET: Record<string, string> = {
  "0": "o", "1": "i", "2": "z", "3": "e", "4": "a", "5": "s", "6": "g", "7": "t", "8": "b", "9": "g",
  "@": "a", "$": "s", "!": "i", "€": "e", "¢": "c",
};

/** LEET by ASCII code: the letter code a digit or symbol stands for, 0 for none. */
export const LEET_CODES = new Uint8Array(128);
for (const [k, v] of Object.entries(LEET)) if (k.charCodeAt(0) < 128) LEET_CODES[k.charCodeAt(0)] = v.charCodeAt(0);

function decodeLeet(word: string, oneAsL: boolean): string {
  let out = "";
  for (let i = 0; i < word.length; i++) {
    const ch = word[i]!;
    out += oneAsL && ch === "1" ? "l" : (LEET[ch] ?? ch);
  }
  return out;
}

const isBreak = (c: number) => c === 46 || c === 33 || c === 63 || c === 59 || c === 10 || c === 0x964 || c === 0x965;
/** Separators allowed between spelled-out letters: space . - _ * , / ~ + */
const isLetterSep = (c: number) =>
  c === 32 || c === 46 || c === 45 || c === 95 || c === 42 || c === 44 || c === 47 || c === 126 || c === 43;
/** Separators that glue words into one: - _ . */
const isJoinSep = (c: number) => c === 45 || c === 95 || c === 46;
const isApos = (c: number) => c === 39 || c === 96 || c === 0x2019 || c === 0x2018 || c === 0x02bc;
/** Trimmed from the start of a word: # (hashtag), !, apostrophes. */
const trimHead = (c: number) => c === 35 || c === 33 || isApos(c);
/** Trimmed from the end of a word: ! # @ and apostrophes. */
const trimTail = (c: number) => c === 33 || c === 35 || c === 64 || isApos(c);

/**
 * The folded text's UTF-16 units, copied once per call: V8 reads a typed array in a hot loop
 * much faster than it calls charCodeAt on a string whose representation it must re-check
 * (measured: tokenTable took ~1.5× as long reading the string). Scratch, shared by the
 * tokenizer and the lexicon lookup of the same message.
 */
let codes = new Uint16Array(1024);
/** The text whose units `codes` holds now. */
let codesOf: string | null = null;

/** The UTF-16 units of `text` in the shared scratch array (valid until the next call with another text). */
export function unitsOf(text: string): Uint16Array {
  if (codesOf === text) return codes;
  const n = text.length;
  if (codes.length < n) codes = new Uint16Array(Math.max(n, codes.length * 2));
  for (let q = 0; q < n; q++) codes[q] = text.charCodeAt(q);
  codesOf = text;
  return codes;
}

export function tokenTable(folded: Folded): TokenTable {
  const text = folded.text;
  const n = text.length;
  const t = unitsOf(text);
  // Plain arrays: allocating typed arrays per message costs more than the whole scan.
  const nStart: number[] = [];
  const nEnd: number[] = [];
  const flagsOut: number[] = [];
  let count = 0;
  let breakBefore = false;
  let mayJoin = false;
  let lastEnd = -2;
  let lastSingle = false;
  let i = 0;
  // Imported bindings and TokenFlag members as locals: V8 re-reads an import (and checks it is
  // initialised) at every use in the loop (callgrind: −11% of tokenTable's instructions).
  const table = CHAR_TABLE;
  const OTHER = C_OTHER;
  const SPACE = C_SPACE;
  const flagOf = FLAG_OF;
  const NON_ASCII = TokenFlag.NON_ASCII;
  const LONG_RUN = TokenFlag.LONG_RUN;
  const LETTER = TokenFlag.LETTER;
  while (i < n) {
    const c = t[i]!;
    let info = table[c]!;
    if (info === 0) info = charInfo(c);
    const cls = info & 7;
    if (cls === OTHER || cls === SPACE) {
      if (isBreak(c)) breakBefore = true;
      i++;
      continue;
    }
    const wordStart = i;
    let flags = 0;
    let prev = -1;
    let run = 0;
    while (i < n) {
      const d = t[i]!;
      if (d >= 97 && d <= 122) {
        // a–z, most of any word: a letter, nothing else to flag (callgrind: −7% of tokenTable).
        flags |= LETTER;
        if (d === prev) {
          if (++run >= 3) flags |= LONG_RUN;
        } else run = 1;
        prev = d;
        i++;
        continue;
      }
      let dInfo = table[d]!;
      if (dInfo === 0) dInfo = charInfo(d);
      const k = dInfo & 7;
      if (k === OTHER || k === SPACE) break;
      flags |= flagOf[k]!;
      if (d > 0x7f) flags |= NON_ASCII;
      if (d === prev) {
        if (++run >= 3) flags |= LONG_RUN;
      } else run = 1;
      prev = d;
      i++;
    }
    let s = wordStart;
    let e = i;
    // Trim: *emphasis*, hashtags, quotes, trailing ! (a sentence break for what follows).
    if (t[s]! === 42) {
      while (s < e && t[s]! === 42) s++;
      while (e > s && t[e - 1]! === 42) e--;
    }
    while (s < e && trimHead(t[s]!)) s++;
    while (e > s && trimTail(t[e - 1]!)) e--;
    if (s === e) {
      for (let k = wordStart; k < i; k++) if (t[k]! === 33) breakBefore = true;
      continue;
    }
    if (s !== wordStart || e !== i) flags = recount(t, s, e, flags & TokenFlag.LONG_RUN);
    const single = e - s === 1 && !(flags & TokenFlag.WILD);
    if ((single && lastSingle) || (s - lastEnd === 1 && isJoinSep(t[lastEnd]!))) mayJoin = true;
    lastSingle = single;
    lastEnd = e;
    if (breakBefore && count > 0) flags |= TokenFlag.BREAK_BEFORE;
    // A trailing "!" trimmed above belongs to the gap after this word.
    breakBefore = false;
    if (e < i) for (let k = e; k < i; k++) if (t[k]! === 33) breakBefore = true;
    nStart.push(s);
    nEnd.push(e);
    flagsOut.push(flags);
    count++;
  }
  return { text, count, nStart, nEnd, flags: flagsOut, starts: folded.starts, ends: folded.ends, mayJoin };
}

/** Flags of t[s, e) after trimming (the long-run flag is kept from the whole word). */
function recount(t: Uint16Array, s: number, e: number, keep: number): number {
  let flags = keep;
  for (let k = s; k < e; k++) {
    const c = t[k]!;
    flags |= FLAG_OF[classOf(c)]!;
    if (c > 0x7f) flags |= TokenFlag.NON_ASCII;
  }
  return flags;
}

const APOSTROPHES = /['`’‘ʼ]/g;

/** The folded word of token k, apostrophes dropped. */
export function tokenText(table: TokenTable, k: number): string {
  const text = table.text.slice(table.nStart[k]!, table.nEnd[k]!);
  return table.flags[k]! & TokenFlag.APOS ? text.replace(APOSTROPHES, "") : text;
}

/** The leet-decoded word and the other decoding worth trying (or null). */
export function decodeToken(text: string, flags: number): { leet: string; alt: string | null } {
  let leet = text;
  let alt: string | null = null;
  if (flags & TokenFlag.LETTER && flags & (TokenFlag.DIGIT | TokenFlag.SYMBOL)) {
    leet = decodeLeet(text, false);
    if (text.includes("1")) alt = decodeLeet(text, true);
  }
  // "f*u*c*k": single letters alternating with one separator star.
  if (flags & TokenFlag.WILD && /^(?:[^*#][*#]){2,}[^*#]$/.test(leet)) alt = leet.replace(/[*#]/g, "");
  return { leet, alt };
}

/** Token objects for the table (made on demand: spans of matches, the words view). */
export function materialize(table: TokenTable): Token[] {
  const out: Token[] = new Array(table.count);
  for (let k = 0; k < table.count; k++) {
    const flags = table.flags[k]!;
    const text = tokenText(table, k);
    const { leet, alt } = decodeToken(text, flags);
    const s = table.nStart[k]!;
    const e = table.nEnd[k]!;
    out[k] = { text, leet, alt, start: table.starts ? table.starts[s]! : s, end: table.ends ? table.ends[e - 1]! : e, flags };
  }
  return out;
}

/** The gap [from, to) is one separator, or (for spelled-out letters) blanks around at most one. */
function gapIs(t: string, from: number, to: number, test: (c: number) => boolean): boolean {
  if (to - from === 1) return test(t.charCodeAt(from));
  if (to - from > 3 || test !== isLetterSep) return false;
  let seps = 0;
  for (let j = from; j < to; j++) {
    const c = t.charCodeAt(j);
    if (c !== 32 && (!test(c) || ++seps > 1)) return false;
  }
  return true;
}

const NO_JOINS: JoinedToken[] = [];

export function joinTokens(table: TokenTable): JoinedToken[] {
  if (!table.mayJoin) return NO_JOINS;
  const t = table.text;
  const count = table.count;
  const joined: JoinedToken[] = [];
  const single = (k: number) => table.nEnd[k]! - table.nStart[k]! === 1 && !(table.flags[k]! & TokenFlag.WILD);
  const leet = (k: number) => decodeToken(tokenText(table, k), table.flags[k]!).leet;
  // Spelled-out letters.
  let k = 0;
  while (k < count) {
    if (!single(k)) {
      k++;
      continue;
    }
    let last = k;
    while (last + 1 < count && single(last + 1) && gapIs(t, table.nEnd[last]!, table.nStart[last + 1]!, isLetterSep)) last++;
    if (last - k + 1 >= 3) {
      let word = "";
      for (let j = k; j <= last; j++) word += leet(j);
      joined.push({ text: word, first: k, last });
      // "a f u c k": also without a leading article-like letter.
      if (last - k + 1 >= 4) joined.push({ text: word.slice(1), first: k + 1, last });
    }
    k = last + 1;
  }
  // Words glued with - _ . : every chain of 2–4 ("mother-fucker-face" also gives "motherfucker").
  for (k = 0; k + 1 < count; k++) {
    let word = leet(k);
    let allSingle = single(k);
    for (let last = k + 1; last < count && last - k <= 3; last++) {
      if (!gapIs(t, table.nEnd[last - 1]!, table.nStart[last]!, isJoinSep)) break;
      word += leet(last);
      allSingle &&= single(last);
      if (!allSingle) joined.push({ text: word, first: k, last });
    }
  }
  return joined;
}
