// The lexicon: every word any text condition cares about, interned once (ids are stable for a
// word across reloads), and the per-message lookup that finds, for each token, which of those
// words it is. The lookup runs once per message however many conditions use it, so adding
// lists and rules costs hash lookups per token, not a scan per entry.
//
// A token matches a lexicon word when one of its forms (as written, leet-decoded, joined):
// - equals the word;
// - squeezes to the same letters and has every letter run at least as long as the word's
//   ("fuuuck" is "fuck"; "as" is not "ass": its s-run is shorter), where a longer run is a
//   real stretch of 3+ letters ("assess" is not "asses", "looser" is not "loser");
// - for prefix words (`fuck*`), starts with the prefix, under the same squeeze rule;
// - has `*`/`#` wildcards standing for single letters of the word ("f*ck", "a**hole"),
//   when two letters are known and no more hidden, or a long word is starred out ("a******").
import { memoKey, type TextAnalysis } from "./analysis.js";
import { LEET_CODES, TokenFlag, decodeToken, tokenText, unitsOf } from "./tokenize.js";

/** Tokens that need the string path: wildcards, stretched letters, other scripts. */
const FAST_EXCLUDED = TokenFlag.WILD | TokenFlag.LONG_RUN | TokenFlag.NON_ASCII;

export interface LexHits {
  /** Hits of token position p are ids[first[p]..first[p+1]), each ending before token ends[i]. */
  readonly first: readonly number[];
  readonly ids: readonly number[];
  readonly ends: readonly number[];
  /** Scratch for patterns.ts: which registered pattern sets can start here (valid for maskVersion). */
  mask: number;
  maskVersion: number;
}

/** Letters of `s` with runs collapsed, and the run lengths. */
export function squeeze(s: string): { squeezed: string; runs: number[] } {
  let squeezed = "";
  const runs: number[] = [];
  for (let i = 0; i < s.length; i++) {
    if (i > 0 && s.charCodeAt(i) === s.charCodeAt(i - 1)) runs[runs.length - 1]!++;
    else {
      squeezed += s[i]!;
      runs.push(1);
    }
  }
  return { squeezed, runs };
}

/** The same character 3+ times in a row: the only case squeezing can add a match. */
function hasLongRun(s: string): boolean {
  for (let i = 2; i < s.length; i++) if (s.charCodeAt(i) === s.charCodeAt(i - 1) && s.charCodeAt(i) === s.charCodeAt(i - 2)) return true;
  return false;
}

function hasWild(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (isWild(s.charCodeAt(i))) return true;
  return false;
}

const isWild = (c: number) => c === 42 || c === 35;

/**
 * Every run of the token is at least the word's, and a run longer than the word's is a real
 * stretch of 3+ letters ("fuuuck"). A doubled letter is usually spelling, not stretching:
 * "assess" is not "asses", "looser" not "loser", "poorness" not "porn…", "Shiite" not "shit".
 */
function runsCover(token: readonly number[], word: readonly number[], count: number): boolean {
  for (let i = 0; i < count; i++) {
    const t = token[i]!;
    const w = word[i]!;
    if (t < w || (t > w && t < 3)) return false;
  }
  return true;
}

export class Lexicon {
  private readonly exact = new Map<string, number>();
  private readonly squeezedWords = new Map<string, number[]>();
  private readonly prefixes = new Map<string, number>();
  private readonly squeezedPrefixes = new Map<string, number[]>();
  /** Hashed first two characters of prefixes (squeezed too): most tokens skip prefix checks. */
  private readonly prefixHeads = new Uint8Array(65536);
  private prefixLengths: number[] = [];
  private squeezedPrefixLengths: number[] = [];
  private readonly byLength = new Map<number, number[]>();
  private readonly prefixIds: number[] = [];
  private readonly runs: number[][] = [];
  // A trie over a–z of the plain lowercase words and prefixes: the fast path walks it over the
  // normalized text itself, so most tokens cost a few array reads and no string at all.
  private trans = new Int32Array(26 * 4096);
  private nodeWord = new Int32Array(4096).fill(-1);
  private nodePrefix = new Int32Array(4096).fill(-1);
  private nodes = 1;
  /** ASCII characters other than a–z that occur in some word ("2g1c", "a$$"): only tokens made of these need the literal lookup. */
  private readonly literalChars = new Uint8Array(128);
  // The clean check: which words can make any compiled list or pattern match ("triggers"),
  // and per trie node whether a trigger word (1) or prefix (2) ends there.
  private triggers = new Uint8Array(0);
  private nodeTrigger = new Uint8Array(0);
  private triggersDirty = false;
  /** Some pattern can match with common words only: no message is known clean. */
  private noCleanCheck = false;
  private cleanKey: { readonly memoSlot: number } | null = null;
  // Bound once: memo() takes these per message without allocating a closure.
  private readonly scanCleanOf = (a: TextAnalysis): boolean => this.scanClean(a.raw);
  private readonly lookupOf = (a: TextAnalysis): LexHits => this.lookup(a);
  /** Off only in tests that compare results with and without the clean check. */
  cleanCheck = true;
  /** id → word; prefix words end with "*". */
  readonly words: string[] = [];
  /** Dropped whenever a word is added, so cached lookups of an older lexicon are not reused. */
  private key: { readonly memoSlot: number } | null = null;

  get size(): number {
    return this.words.length;
  }

  /** The id of a folded word (or prefix), adding it when new. Prefixes need at least 2 characters. */
  intern(word: string, prefix = false): number {
    const key = prefix ? `${word}*` : word;
    const map = prefix ? this.prefixes : this.exact;
    const known = map.get(word);
    if (known !== undefined) return known;
    const id = this.words.length;
    this.words.push(key);
    const { squeezed, runs } = squeeze(word);
    this.runs.push(runs);
    map.set(word, id);
    this.addToTrie(word, id, prefix);
    if (prefix) {
      this.prefixIds.push(id);
      push(this.squeezedPrefixes, squeezed, id);
      this.prefixHeads[head(word)] = 1;
      this.prefixHeads[head(squeezed)] = 1;
      this.prefixLengths = addLength(this.prefixLengths, word.length);
      this.squeezedPrefixLengths = addLength(this.squeezedPrefixLengths, squeezed.length);
    } else {
      push(this.squeezedWords, squeezed, id);
      push(this.byLength, word.length, id);
    }
    this.key = null;
    this.triggersDirty = true;
    return id;
  }

  /**
   * Adds words (a bitmap by id) whose presence a matcher needs: a message with none of them
   * in any form is clean for every matcher. `null`: this matcher needs no particular word.
   */
  addTriggers(bits: Uint8Array | null): void {
    if (bits === null) {
      this.noCleanCheck = true;
      return;
    }
    if (this.triggers.length < bits.length) {
      const grown = new Uint8Array(bits.length);
      grown.set(this.triggers);
      this.triggers = grown;
    }
    for (let i = 0; i < bits.length; i++) if (bits[i] === 1) this.triggers[i] = 1;
    this.triggersDirty = true;
    // A message judged clean under fewer triggers must be judged again.
    this.cleanKey = null;
  }

  /**
   * True when the message certainly holds no trigger word, in any form: plain ASCII words only,
   * none of them (or a prefix of them) a trigger, and nothing that could hide one — wildcards,
   * stretched or spelled-out letters, glued words, digits read as letters. One pass over the
   * raw text, no tokens: most messages of a calm community end here. Computed once per message.
   */
  isClean(a: TextAnalysis): boolean {
    if (this.noCleanCheck || !this.cleanCheck) return false;
    return a.memo((this.cleanKey ??= memoKey()), this.scanCleanOf);
  }

  private refreshTriggers(): void {
    this.triggersDirty = false;
    const marks = new Uint8Array(this.nodes);
    for (let n = 0; n < this.nodes; n++) {
      const w = this.nodeWord[n]!;
      const pre = this.nodePrefix[n]!;
      marks[n] = (w >= 0 && this.triggers[w] === 1 ? 1 : 0) | (pre >= 0 && this.triggers[pre] === 1 ? 2 : 0);
    }
    this.nodeTrigger = marks;
  }

  private scanClean(s: string): boolean {
    if (this.triggersDirty) this.refreshTriggers();
    const trans = this.trans;
    const marks = this.nodeTrigger;
    const n = s.length;
    let node = 0; // -1: the word left the trie
    let letters = 0; // letters in the current word
    let prev = -1;
    let run = 0;
    let lastWordSingle = false;
    for (let i = 0; i <= n; i++) {
      let c = i < n ? s.charCodeAt(i) : 32;
      if (c > 127) return false;
      if (c >= 65 && c <= 90) c += 32;
      // Stretched letters ("fuuuck", "a$$$") need squeezing; "..." or "!!!" between words do not.
      if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 36 || c === 64) {
        if (c === prev) {
          if (++run >= 3) return false;
        } else run = 1;
        prev = c;
      } else prev = -1;
      let letter = c >= 97 && c <= 122 ? c : 0;
      if (!letter && c !== 39 && c !== 96) {
        const next = i + 1 < n ? s.charCodeAt(i + 1) | 32 : 0;
        const nextIsWordChar = (next >= 97 && next <= 122) || (next >= 48 && next <= 57);
        if (c === 42 || c === 35) {
          // A wildcard inside or right after a word ("f*ck", "f**"), or a hashtag / emphasis before one.
          if (letters > 0) return false;
          if (nextIsWordChar) continue;
        } else if (c === 49 && letters > 0) return false; // "1" might be l
        else if (this.literalChars[c] === 1 && (letters > 0 || nextIsWordChar)) return false;
        else if ((c === 33 || c === 64) && !(letters > 0 && nextIsWordChar) && !(c === 64 && letters === 0 && nextIsWordChar)) {
          // "!" or "@" as punctuation: a word boundary (below).
        } else if ((c >= 48 && c <= 57) || c === 36 || c === 33 || c === 64) {
          if (letters === 0 && !nextIsWordChar && !(c === 36)) {
            // a lone digit or symbol: not a word
          } else letter = LEET_CODES[c]!;
        } else if ((c === 45 || c === 95 || c === 46) && letters > 0 && nextIsWordChar) return false; // glued: "a-hole", "f.u"
      }
      if (letter) {
        letters++;
        if (node >= 0) {
          node = trans[node * 26 + letter - 97]!;
          if (node === 0) node = -1;
          else if (marks[node]! & 2) return false;
        }
        continue;
      }
      if (c === 39 || c === 96) continue; // apostrophe: "you're"
      // A word ends here.
      if (letters > 0) {
        if (node > 0 && marks[node]! & 1) return false;
        const single = letters === 1;
        if (single && lastWordSingle) return false; // spelled out: "f u c k"
        lastWordSingle = single;
      } else if (c !== 32 && c !== 9) lastWordSingle = false;
      node = 0;
      letters = 0;
    }
    return true;
  }

  /** Which lexicon words each token of the message is (computed once per message). */
  hits(analysis: TextAnalysis): LexHits {
    return analysis.memo((this.key ??= memoKey()), this.lookupOf);
  }

  private addToTrie(word: string, id: number, prefix: boolean): void {
    if (!/^[a-z]+$/.test(word)) {
      for (let i = 0; i < word.length; i++) if (word.charCodeAt(i) < 128) this.literalChars[word.charCodeAt(i)] = 1;
      return;
    }
    let node = 0;
    for (let i = 0; i < word.length; i++) {
      const k = node * 26 + word.charCodeAt(i) - 97;
      let next = this.trans[k]!;
      if (next === 0) {
        next = this.nodes++;
        if (next >= this.nodeWord.length) this.growTrie();
        this.trans[k] = next;
      }
      node = next;
    }
    if (prefix) this.nodePrefix[node] = id;
    else this.nodeWord[node] = id;
  }

  private growTrie(): void {
    const size = this.nodeWord.length * 2;
    const trans = new Int32Array(size * 26);
    trans.set(this.trans);
    this.trans = trans;
    const word = new Int32Array(size).fill(-1);
    word.set(this.nodeWord);
    this.nodeWord = word;
    const pre = new Int32Array(size).fill(-1);
    pre.set(this.nodePrefix);
    this.nodePrefix = pre;
  }

  private lookup(a: TextAnalysis): LexHits {
    const table = a.table;
    const count = table.count;
    const first: number[] = new Array<number>(count + 1);
    const ids: number[] = [];
    const ends: number[] = [];
    const joined = a.joined;
    const t = unitsOf(table.text);
    const trans = this.trans;
    const nodePrefix = this.nodePrefix;
    const nodeWord = this.nodeWord;
    const literalChars = this.literalChars;
    // Imports as locals: V8 re-reads an imported binding at every use (see tokenTable).
    const leetCodes = LEET_CODES;
    const fastExcluded = FAST_EXCLUDED;
    const LETTER = TokenFlag.LETTER;
    const DIGIT_OR_SYMBOL = TokenFlag.DIGIT | TokenFlag.SYMBOL;
    for (let p = 0; p < count; p++) {
      first[p] = ids.length;
      const from = ids.length;
      const flags = table.flags[p]!;
      if ((flags & fastExcluded) === 0) {
        // An ASCII word without wildcards or stretches: walk the trie over the text, leet
        // decoded on the fly (sh1t, @ss), apostrophes skipped.
        const s = table.nStart[p]!;
        const e = table.nEnd[p]!;
        const decode = (flags & LETTER) !== 0;
        let node = 0;
        let literal = (flags & DIGIT_OR_SYMBOL) !== 0;
        let one = false;
        for (let i = s; i < e; i++) {
          let c = t[i]!;
          if (c < 97 || c > 122) {
            if (c === 39 || c === 96) continue; // apostrophe
            if (literal && literalChars[c] !== 1) literal = false;
            if (c === 49) one = true;
            if (!decode) {
              node = 0;
              break;
            }
            c = leetCodes[c]!;
            if (c === 0) {
              node = 0;
              break;
            }
          }
          node = trans[node * 26 + c - 97]!;
          if (node === 0) break;
          const pre = nodePrefix[node]!;
          if (pre >= 0) this.add(pre, p + 1, from, ids, ends);
        }
        if (node !== 0) {
          const id = nodeWord[node]!;
          if (id >= 0) this.add(id, p + 1, from, ids, ends);
        }
        // "2g1c" as written; "1" read as l ("1ame").
        if (literal || one) {
          const text = tokenText(table, p);
          if (literal) this.lookupForm(text, false, false, p + 1, from, ids, ends);
          if (one) {
            const { alt } = decodeToken(text, flags);
            if (alt !== null) this.lookupForm(alt, false, false, p + 1, from, ids, ends);
          }
        }
      } else {
        const text = tokenText(table, p);
        const { leet, alt } = decodeToken(text, flags);
        const wild = (flags & TokenFlag.WILD) !== 0;
        const longRun = (flags & TokenFlag.LONG_RUN) !== 0;
        this.lookupForm(text, wild, longRun, p + 1, from, ids, ends);
        if (leet !== text) this.lookupForm(leet, wild && hasWild(leet), longRun && hasLongRun(leet), p + 1, from, ids, ends);
        if (alt !== null) this.lookupForm(alt, hasWild(alt), hasLongRun(alt), p + 1, from, ids, ends);
      }
      for (let j = 0; j < joined.length; j++) {
        const jt = joined[j]!;
        if (jt.first === p) this.lookupForm(jt.text, hasWild(jt.text), hasLongRun(jt.text), jt.last + 1, from, ids, ends);
      }
    }
    first[count] = ids.length;
    return { first, ids, ends, mask: 0, maskVersion: -1 };
  }

  private add(id: number, end: number, from: number, ids: number[], ends: number[]): void {
    for (let i = from; i < ids.length; i++) if (ids[i] === id && ends[i] === end) return;
    ids.push(id);
    ends.push(end);
  }

  private lookupForm(form: string, wild: boolean, longRun: boolean, end: number, from: number, ids: number[], ends: number[]): void {
    const id = this.exact.get(form);
    if (id !== undefined) this.add(id, end, from, ids, ends);
    if (wild) {
      this.lookupWild(form, end, from, ids, ends);
      return;
    }
    let sq: { squeezed: string; runs: number[] } | undefined;
    if (longRun) {
      sq = squeeze(form);
      const cands = this.squeezedWords.get(sq.squeezed);
      if (cands) for (const c of cands) if (runsCover(sq.runs, this.runs[c]!, sq.runs.length)) this.add(c, end, from, ids, ends);
    }
    if (this.prefixIds.length === 0 || form.length < 2) return;
    if (this.prefixHeads[head(form)] === 1) {
      for (const len of this.prefixLengths) {
        if (len > form.length) break;
        const pid = this.prefixes.get(form.slice(0, len));
        if (pid !== undefined) this.add(pid, end, from, ids, ends);
      }
    }
    if (sq && sq.squeezed.length >= 2 && this.prefixHeads[head(sq.squeezed)] === 1) {
      for (const len of this.squeezedPrefixLengths) {
        if (len > sq.squeezed.length) break;
        const cands = this.squeezedPrefixes.get(sq.squeezed.slice(0, len));
        if (cands) for (const c of cands) if (runsCover(sq.runs, this.runs[c]!, len)) this.add(c, end, from, ids, ends);
      }
    }
  }

  private lookupWild(form: string, end: number, from: number, ids: number[], ends: number[]): void {
    let hidden = 0;
    let known = 0;
    for (let i = 0; i < form.length; i++) {
      if (isWild(form.charCodeAt(i))) hidden++;
      else known++;
    }
    // "f*ck", "a**hole": a few letters hidden. "a******", "b*******": a long word starred out,
    // the first letter and the length decide ("f***" stays ambiguous).
    if (!((known >= 2 && hidden <= known) || (known >= 1 && hidden >= 4))) return;
    const same = this.byLength.get(form.length);
    if (same) for (const c of same) if (wildEquals(form, this.words[c]!, form.length)) this.add(c, end, from, ids, ends);
    for (const c of this.prefixIds) {
      const w = this.words[c]!;
      if (w.length - 1 <= form.length && wildEquals(form, w, w.length - 1)) this.add(c, end, from, ids, ends);
    }
  }
}

/** form[0..len) equals word[0..len) where wildcards in form stand for one letter (not a space). */
function wildEquals(form: string, word: string, len: number): boolean {
  for (let i = 0; i < len; i++) {
    const f = form.charCodeAt(i);
    const w = word.charCodeAt(i);
    if (isWild(f) ? w === 32 || w === 42 : f !== w) return false;
  }
  return true;
}

function head(s: string): number {
  return (s.charCodeAt(0) * 31 + s.charCodeAt(1)) & 0xffff;
}

function push<K>(map: Map<K, number[]>, key: K, id: number): void {
  const list = map.get(key);
  if (list) list.push(id);
  else map.set(key, [id]);
}

function addLength(lengths: number[], len: number): number[] {
  return lengths.includes(len) ? lengths : [...lengths, len].sort((x, y) => x - y);
}

/** The lexicon shared by all text conditions (one lookup per message serves them all). */
export const lexicon = new Lexicon();
