// The featurizer shared by training (scripts/train) and inference. Deliberately independent of
// text/analysis.ts so a model file scores the same text the same way forever: bump
// FEATURES_VERSION (and retrain) whenever anything here changes what is emitted.
//
// Normalization, per word (a run of letters, digits, apostrophes and @ $ * inside words):
//   lower-case, fullwidth folded to ASCII; apostrophes dropped ("don't" → "dont"); in words
//   mixing letters with digits or @ $, leet characters become letters ("1d10t" → "idiot",
//   "@ss" → "ass"); runs of 3+ equal characters become one ("fuuuck" → "fuck", "soooo" → "so");
//   Cyrillic/Greek lookalikes inside Latin words become Latin; "*" inside a word stays ("f*ck").
//   Skipped: @mentions (@USER, <@123>), words in other scripts (the models are English-only,
//   so Bengali text scores at the prior), emoji, numbers. Tokens: links → <url> (also OLID's
//   bare "URL"), a bare domain adds <dom>.
//
// Features: per word its unigram, <caps> when ALL-CAPS (3+ letters), character n-grams of the
// word between boundary markers; per message word bigrams (first word paired with <s>) and <dom>.
//
// Two stages so inference stays cheap: featurize() scans the text once into a FeatureBuffer
// (word hashes, normalized characters, bigram codes); word-level codes are expanded only when
// needed (training, explanations, or a model's word cache missing: see model.ts).

export const FEATURES_VERSION = 1;

export interface FeatureOptions {
  /** Word bigrams, the first word paired with a start marker. */
  bigrams: boolean;
  /** One <caps> feature per ALL-CAPS word of 3+ letters. */
  caps: boolean;
  /** Character n-grams of each word, lengths charMin..charMax; charMax 0 = off. */
  charMin: number;
  charMax: number;
}

const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;
const BIGRAM_SEED = 0x27d4eb2d;
const CHAR_SEED = 0x3c6ef372;
const CAPS_SALT = 0x6a09e667;

/** murmur3 finalizer: spreads FNV's weak bits so models can index by the top bits. */
export function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h | 0;
}

/** FNV-1a of a string's code units (for the fixed special tokens). */
export function hashString(s: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME);
  return h;
}

const URL_TOKEN = hashString("<url>");
const DOMAIN_CODE = fmix(hashString("<dom>"));
const CAPS_CODE = fmix(hashString("<caps>"));
const START_TOKEN = hashString("<s>");

// ---- character tables for code units below 0x500 (Latin, Greek, Cyrillic) ----
const SEP = 0;
const LETTER = 1;
const DIGIT = 2;
const JOINER = 3; // apostrophes: inside a word, dropped
const SYMBOL = 4; // @ $ *: inside a word
const FOREIGN = 5; // Greek/Cyrillic: only lookalikes inside Latin words survive
const UPPER = 8; // flag on LETTER
const TABLE = 0x500;

const CLASS = new Uint8Array(TABLE);
/** Normalized character (0 = drop) when the word does not mix letters with digits/symbols. */
const PLAIN = new Uint16Array(TABLE);
/** Normalized character in a word mixing letters with digits or symbols (leet mapped). */
const MIXED = new Uint16Array(TABLE);
/** CLASS << 12 | PLAIN: one lookup per character in the hot loop. */
const INFO = new Uint16Array(TABLE);

(function buildTables() {
  for (let c = 0x61; c <= 0x7a; c++) {
    CLASS[c] = LETTER;
    CLASS[c - 0x20] = LETTER | UPPER;
    PLAIN[c] = PLAIN[c - 0x20] = c;
  }
  for (let c = 0x30; c <= 0x39; c++) {
    CLASS[c] = DIGIT;
    PLAIN[c] = c;
  }
  CLASS[0x27] = JOINER;
  for (const c of [0x40, 0x24, 0x2a]) {
    CLASS[c] = SYMBOL;
    PLAIN[c] = c;
  }
  for (let c = 0xc0; c <= 0x24f; c++) {
    if (c === 0xd7 || c === 0xf7) continue;
    // Latin-1 letters fold case; Latin Extended letters are kept as written.
    const upper = c <= 0xde;
    CLASS[c] = LETTER | (upper ? UPPER : 0);
    PLAIN[c] = upper ? c + 0x20 : c;
  }
  const lookalike: Record<number, string> = {
    0x430: "a", 0x410: "a", 0x435: "e", 0x415: "e", 0x43e: "o", 0x41e: "o", 0x440: "p", 0x420: "p",
    0x441: "c", 0x421: "c", 0x445: "x", 0x425: "x", 0x443: "y", 0x456: "i", 0x406: "i", 0x458: "j",
    0x455: "s", 0x3bf: "o", 0x39f: "o", 0x3b1: "a", 0x391: "a", 0x3b5: "e", 0x395: "e", 0x3b9: "i",
  };
  for (let c = 0x370; c < TABLE; c++) {
    CLASS[c] = FOREIGN;
    const l = lookalike[c];
    PLAIN[c] = l ? l.charCodeAt(0) : 0;
  }
  MIXED.set(PLAIN);
  for (let c = 0; c < TABLE; c++) INFO[c] = (CLASS[c]! << 12) | PLAIN[c]!;
  const leet: Record<string, string> = { "0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "8": "b", "@": "a", $: "s" };
  for (const [from, to] of Object.entries(leet)) MIXED[from.charCodeAt(0)] = to.charCodeAt(0);
})();

/** Fullwidth forms (Ａ, ｆ, ０) fold to ASCII before anything else. */
function fold(c: number): number {
  return c >= 0xff01 && c <= 0xff5e ? c - 0xfee0 : c;
}

function classOf(c: number): number {
  if (c < TABLE) return CLASS[c]!;
  return c === 0x2019 ? JOINER : SEP;
}

function isSpace(c: number): boolean {
  return c === 0x20 || (c >= 0x09 && c <= 0x0d) || c === 0xa0 || c === 0x3000 || (c >= 0x2000 && c <= 0x200b);
}

/** Longest word prefix used for character n-grams. */
export const MAX_WORD = 40;

/**
 * One featurized message, reused from message to message (grows, never shrinks).
 * Message-level codes (bigrams, <dom>) are in `codes[0..count)`, each with the index of the
 * word it belongs to in `codeWord` (-1 for none). Each word has its hash (`wordHash`, also its
 * cache key with `wordCaps`), its normalized characters `chars[charStart .. charStart+charLen)`
 * (charLen 0 for tokens like <url>) and its offsets in the original text.
 */
export class FeatureBuffer {
  codes = new Int32Array(256);
  codeWord = new Int32Array(256);
  count = 0;
  wordHash = new Int32Array(128);
  wordCaps = new Uint8Array(128);
  charStart = new Int32Array(128);
  charLen = new Int32Array(128);
  wordStart = new Int32Array(128);
  wordEnd = new Int32Array(128);
  words = 0;
  chars = new Uint16Array(1024);
  charCount = 0;
  /** Hash of the previous word, for bigrams. */
  prev = 0;

  push(code: number, word: number): void {
    if (this.count === this.codes.length) {
      this.codes = grow(this.codes);
      this.codeWord = grow(this.codeWord);
    }
    this.codes[this.count] = code;
    this.codeWord[this.count] = word;
    this.count++;
  }

  addWord(hash: number, caps: boolean, charStart: number, charLen: number, start: number, end: number): number {
    if (this.words === this.wordHash.length) {
      this.wordHash = grow(this.wordHash);
      this.wordCaps = grow(this.wordCaps);
      this.charStart = grow(this.charStart);
      this.charLen = grow(this.charLen);
      this.wordStart = grow(this.wordStart);
      this.wordEnd = grow(this.wordEnd);
    }
    const w = this.words++;
    this.wordHash[w] = hash;
    this.wordCaps[w] = caps ? 1 : 0;
    this.charStart[w] = charStart;
    this.charLen[w] = charLen;
    this.wordStart[w] = start;
    this.wordEnd[w] = end;
    return w;
  }

  /** Room for `more` characters in `chars`. */
  reserveChars(more: number): void {
    if (this.charCount + more <= this.chars.length) return;
    let size = this.chars.length * 2;
    while (size < this.charCount + more) size *= 2;
    const next = new Uint16Array(size);
    next.set(this.chars);
    this.chars = next;
  }
}

function grow<T extends Int32Array | Uint8Array>(a: T): T {
  const b = new (a.constructor as new (n: number) => T)(a.length * 2);
  b.set(a);
  return b;
}

/** Key under which a model may cache a word's summed word-level weights. */
export function wordKey(buf: FeatureBuffer, w: number): number {
  const h = buf.wordHash[w]!;
  return buf.wordCaps[w] ? fmix(h ^ CAPS_SALT) : h;
}

/** Case-insensitive ASCII comparison of text at i with a lower-case pattern, without allocating. */
function startsWithLower(text: string, i: number, pattern: string): boolean {
  if (i + pattern.length > text.length) return false;
  for (let k = 0; k < pattern.length; k++) {
    const c = text.charCodeAt(i + k);
    if ((c >= 0x41 && c <= 0x5a ? c | 0x20 : c) !== pattern.charCodeAt(k)) return false;
  }
  return true;
}

function startsUrl(text: string, i: number): boolean {
  return startsWithLower(text, i, "http://") || startsWithLower(text, i, "https://") || startsWithLower(text, i, "www.");
}

/** A "." joining a name to a 2–4 letter lower-case ending: "murdev.com", "bit.ly/x". */
function isDomainDot(text: string, i: number): boolean {
  if (i === 0) return false;
  const prev = classOf(fold(text.charCodeAt(i - 1))) & 7;
  if (prev !== LETTER && prev !== DIGIT) return false;
  let j = i + 1;
  while (j < text.length) {
    const c = text.charCodeAt(j);
    if (c < 0x61 || c > 0x7a) break;
    j++;
  }
  const len = j - i - 1;
  if (len < 2 || len > 4) return false;
  if (j === text.length) return true;
  const next = text.charCodeAt(j);
  return classOf(fold(next)) === SEP && next !== 0x2d;
}

/** Scan `text` into `buf` (reset first). Allocation-free once the buffer has grown to size. */
export function featurize(text: string, opts: FeatureOptions, buf: FeatureBuffer): void {
  buf.count = 0;
  buf.words = 0;
  buf.charCount = 0;
  buf.prev = START_TOKEN;
  const n = text.length;
  let sawDomain = false;
  let i = 0;
  while (i < n) {
    const c = fold(text.charCodeAt(i));
    const cls = classOf(c);
    if (cls === SEP || c === 0x2a) {
      if (isSpace(c)) {
        i++;
        continue;
      }
      // Discord/Slack mentions <@123>, <@!123>, <@&123>, <#123>: skipped whole.
      if (c === 0x3c && i + 1 < n && (text.charCodeAt(i + 1) === 0x40 || text.charCodeAt(i + 1) === 0x23)) {
        let j = i + 2;
        while (j < n && text.charCodeAt(j) !== 0x3e && !isSpace(text.charCodeAt(j))) j++;
        i = j < n && text.charCodeAt(j) === 0x3e ? j + 1 : j;
        continue;
      }
      if (c === 0x2e && !sawDomain && isDomainDot(text, i)) {
        sawDomain = true;
        buf.push(DOMAIN_CODE, -1);
      }
      i++;
      continue;
    }
    // Links: the whole chunk up to the next space is one <url> token. (A word always starts
    // after a separator: scanWord() consumes whole words.)
    const c2 = i + 1 < n ? text.charCodeAt(i + 1) | 0x20 : 0;
    if ((((c | 0x20) === 0x68 && c2 === 0x74) || ((c | 0x20) === 0x77 && c2 === 0x77)) && startsUrl(text, i)) {
      let j = i;
      while (j < n && !isSpace(text.charCodeAt(j))) j++;
      addToken(buf, opts, URL_TOKEN, i, j);
      i = j;
      continue;
    }
    i = scanWord(text, i, opts, buf);
  }
}

function addToken(buf: FeatureBuffer, opts: FeatureOptions, h: number, start: number, end: number): void {
  const w = buf.addWord(h, false, buf.charCount, 0, start, end);
  if (opts.bigrams) buf.push(bigramCode(buf.prev, h), w);
  buf.prev = h;
}

function bigramCode(prev: number, h: number): number {
  return fmix(Math.imul(prev ^ BIGRAM_SEED, 0x9e3779b1) ^ h);
}

/** Scans the word starting at `start` into `buf`; returns the offset after it. */
function scanWord(text: string, start: number, opts: FeatureOptions, buf: FeatureBuffer): number {
  const n = text.length;
  let letters = 0;
  let upper = 0;
  let digits = 0;
  let symbols = 0;
  let foreign = 0;
  buf.reserveChars(MAX_WORD);
  const chars = buf.chars;
  const base = buf.charCount;
  // Module constants as locals for the per-character loop: V8 (Node 20) re-loads a module-level
  // const from its context and checks it is initialised at every read.
  const info_ = INFO;
  const table = TABLE;
  const prime = FNV_PRIME;
  const maxWord = MAX_WORD;
  const cLetter = LETTER;
  const cSep = SEP;
  const cUpperLetter = LETTER | UPPER;
  const cDigit = DIGIT;
  const cSymbol = SYMBOL;
  const cForeign = FOREIGN;
  const joinerInfo = JOINER << 12;
  // One pass: classify, and hash the PLAIN normalization (runs of 3+ equal characters count
  // once). A word mixing letters with digits/symbols is re-hashed with the leet map after.
  let h = FNV_OFFSET;
  let len = 0;
  let cur = 0;
  let run = 0;
  let end = start;
  for (; end < n; end++) {
    let c = text.charCodeAt(end);
    if (c >= 0xff01 && c <= 0xff5e) c -= 0xfee0;
    const info = c < table ? info_[c]! : c === 0x2019 ? joinerInfo : 0;
    const cls = info >>> 12;
    if (cls === cLetter) letters++;
    else if (cls === cSep) break;
    else if (cls === cUpperLetter) {
      letters++;
      upper++;
    } else if (cls === cDigit) digits++;
    else if (cls === cSymbol) {
      // "*" belongs to the word only when a letter or digit follows its run ("f**k", not "sigh*")
      if (c === 0x2a) {
        let r = end + 1;
        while (r < n && text.charCodeAt(r) === 0x2a) r++;
        const next = r < n ? classOf(fold(text.charCodeAt(r))) & 7 : SEP;
        if (next !== LETTER && next !== DIGIT) break;
      }
      symbols++;
    } else if (cls === cForeign) foreign++;
    const m = info & 0xfff;
    if (m === 0) continue;
    if (m === cur) {
      run++;
      continue;
    }
    if (run > 0) {
      h = Math.imul(h ^ cur, prime);
      if (len < maxWord) chars[base + len] = cur;
      len++;
      if (run === 2) {
        h = Math.imul(h ^ cur, prime);
        if (len < maxWord) chars[base + len] = cur;
        len++;
      }
    }
    cur = m;
    run = 1;
  }
  if (run > 0) {
    h = Math.imul(h ^ cur, FNV_PRIME);
    if (len < MAX_WORD) chars[base + len] = cur;
    len++;
    if (run === 2) {
      h = Math.imul(h ^ cur, FNV_PRIME);
      if (len < MAX_WORD) chars[base + len] = cur;
      len++;
    }
  }
  const first = text.charCodeAt(start);
  // @mention, unless it looks like leet ("@ss", "@sshole": short and lower-case)
  if (first === 0x40 && letters + digits > 0 && (upper > 0 || end - start > 8)) return end;
  if (letters === 0 && (foreign > 0 || digits + symbols === 0)) return end; // other script, or apostrophes only

  // Numbers are skipped: order numbers, prices and phone numbers are everyday support talk,
  // and as features they made SMS-style spam out of "my order #48213 …".
  if (letters === 0 && digits > 0) return end;
  if (letters > 0 && digits + symbols > 0) {
    h = FNV_OFFSET;
    len = 0;
    cur = 0;
    run = 0;
    for (let k = start; k <= end; k++) {
      let m = 0;
      if (k < end) {
        const c = fold(text.charCodeAt(k));
        m = c < TABLE ? MIXED[c]! : 0;
        if (m === 0) continue;
        if (m === cur) {
          run++;
          continue;
        }
      }
      const times = run >= 3 ? 1 : run;
      for (let t = 0; t < times; t++) {
        h = Math.imul(h ^ cur, FNV_PRIME);
        if (len < MAX_WORD) chars[base + len] = cur;
        len++;
      }
      cur = m;
      run = 1;
    }
  }
  if (len === 0) return end;
  if (len === 3 && end - start === 3 && text.startsWith("URL", start)) {
    addToken(buf, opts, URL_TOKEN, start, end); // OLID writes every link as the bare word URL
    return end;
  }
  const kept = Math.min(len, MAX_WORD);
  buf.charCount += kept;
  const caps = opts.caps && letters >= 3 && upper === letters;
  const w = buf.addWord(h, caps, base, kept, start, end);
  if (opts.bigrams) buf.push(bigramCode(buf.prev, h), w);
  buf.prev = h;
  return end;
}

/**
 * The word-level codes of word `w` (unigram, <caps>, character n-grams) written into `out`
 * from index 0; returns how many. `out` must hold wordCodeCapacity(opts) entries.
 */
export function wordCodes(buf: FeatureBuffer, w: number, opts: FeatureOptions, out: Int32Array): number {
  let k = 0;
  out[k++] = fmix(buf.wordHash[w]!);
  if (buf.wordCaps[w]) out[k++] = CAPS_CODE;
  const len = buf.charLen[w]!;
  if (opts.charMax < 3 || len < 2) return k;
  const chars = buf.chars;
  const from = buf.charStart[w]!;
  const total = len + 2; // with a boundary marker on each side
  for (let s = 0; s + opts.charMin <= total; s++) {
    // n-grams starting at s, grown one character at a time; the whole marked word is skipped
    const stop = Math.min(s + opts.charMax, s === 0 ? total - 1 : total);
    let h = CHAR_SEED;
    for (let p = s; p < stop; p++) {
      const ch = p === 0 || p === total - 1 ? 0x20 : chars[from + p - 1]!;
      h = Math.imul(h ^ ch, FNV_PRIME);
      if (p - s + 1 >= opts.charMin) out[k++] = fmix(h);
    }
  }
  return k;
}

/** Upper bound of wordCodes() for any word. */
export function wordCodeCapacity(opts: FeatureOptions): number {
  return 2 + (MAX_WORD + 2) * Math.max(1, opts.charMax - opts.charMin + 1);
}

/**
 * All codes of the message (message-level first, then each word's), with the word each came
 * from. For training and explanations; inference sums word-level weights through a cache.
 */
export function expandCodes(buf: FeatureBuffer, opts: FeatureOptions, out: { codes: Int32Array; word: Int32Array; count: number }): void {
  const scratch = new Int32Array(wordCodeCapacity(opts));
  let need = buf.count;
  for (let w = 0; w < buf.words; w++) need += wordCodeCapacity(opts);
  if (out.codes.length < need) {
    out.codes = new Int32Array(need);
    out.word = new Int32Array(need);
  }
  let k = 0;
  for (let i = 0; i < buf.count; i++) {
    out.codes[k] = buf.codes[i]!;
    out.word[k++] = buf.codeWord[i]!;
  }
  for (let w = 0; w < buf.words; w++) {
    const m = wordCodes(buf, w, opts, scratch);
    for (let j = 0; j < m; j++) {
      out.codes[k] = scratch[j]!;
      out.word[k++] = w;
    }
  }
  out.count = k;
}

/** Convenience for training and tests: all feature codes of `text`. */
export function featureCodes(text: string, opts: FeatureOptions): Int32Array {
  const buf = new FeatureBuffer();
  featurize(text, opts, buf);
  const out = { codes: new Int32Array(0), word: new Int32Array(0), count: 0 };
  expandCodes(buf, opts, out);
  return out.codes.slice(0, out.count);
}
