// A parser for a small subset of RE2 syntax whose meaning JavaScript's RegExp (with the `u`
// flag, and `i` when case-insensitive) shares exactly, and its translation to JavaScript.
// Anything outside the subset returns null, and the pattern stays with re2js. The subset:
//   ASCII literal characters (escaped punctuation too), \t \n \v \f \r
//   \d \w \s (RE2's ASCII classes; \s becomes [\t\n\f\r ], as JS's \s is wider)
//   . (RE2: any character but \n; JS's . also skips \r, U+2028, U+2029, so it becomes [^\n])
//   classes [...] and [^...] of those, with ranges of ASCII literals
//   ^ and $ (no multi-line flag: start and end of the text in both)
//   groups (?:...) and (...), alternation |, quantifiers ? * + {n} {n,} {n,m} (greedy only)
// Refused, among others: non-ASCII literals (case folding tables could differ), \b \B \W \D \S
// \p \x \Q, flags (?i), lazy quantifiers, POSIX classes, and a '{' that is not a quantifier.
import { CharSet, DIGITS, SPACE, SPACE_CODES, WORD } from "./charset.js";

/** One character (a literal, class or escape) repeated min..max times (max Infinity: unbounded). */
export interface SetTerm {
  kind: "set";
  set: CharSet;
  /** The character when the atom is a single literal (for the required-character prefilter). */
  literal: number | null;
  min: number;
  max: number;
  js: string;
}
export interface GroupTerm {
  kind: "group";
  alt: Alternation;
}
export interface AnchorTerm {
  kind: "anchor";
  js: "^" | "$";
}
export type Term = SetTerm | GroupTerm | AnchorTerm;
export type Sequence = Term[];
export type Alternation = Sequence[];

/** Characters that can be escaped with a backslash in both RE2 and JS `u` mode... and more in RE2. */
const isPunct = (c: number): boolean => c < 0x80 && !/[0-9A-Za-z_]/.test(String.fromCharCode(c)) && c > 0x20;

/** A literal character in JS `u` syntax, inside or outside a class. */
function jsChar(c: number): string {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) ? String.fromCharCode(c) : `\\u{${c.toString(16)}}`;
}

const CONTROL_ESCAPES: Record<string, number> = { t: 0x09, n: 0x0a, v: 0x0b, f: 0x0c, r: 0x0d };

class Parser {
  i = 0;
  constructor(
    readonly src: string,
    readonly fold: boolean,
  ) {}

  fail(): never {
    throw new Unsupported();
  }

  peek(): number {
    return this.i < this.src.length ? this.src.charCodeAt(this.i) : -1;
  }

  alternation(): Alternation {
    const alt: Alternation = [this.sequence()];
    while (this.peek() === 0x7c /* | */) {
      this.i++;
      alt.push(this.sequence());
    }
    return alt;
  }

  sequence(): Sequence {
    const seq: Sequence = [];
    for (;;) {
      const c = this.peek();
      if (c === -1 || c === 0x7c || c === 0x29 /* ) */) return seq;
      seq.push(this.term());
    }
  }

  term(): Term {
    const c = this.peek();
    if (c === 0x28 /* ( */) {
      this.i++;
      if (this.src.startsWith("?:", this.i)) this.i += 2;
      else if (this.peek() === 0x3f /* ? */) this.fail(); // flags, named groups, lookaround
      const alt = this.alternation();
      if (this.peek() !== 0x29) this.fail();
      this.i++;
      if (this.quantifierAhead()) this.fail(); // quantified groups are never proven safe
      return { kind: "group", alt };
    }
    if (c === 0x5e /* ^ */ || c === 0x24 /* $ */) {
      this.i++;
      if (this.quantifierAhead()) this.fail();
      return { kind: "anchor", js: c === 0x5e ? "^" : "$" };
    }
    const atom = this.atom();
    const [min, max, q] = this.quantifier();
    return { kind: "set", set: atom.set, literal: atom.literal, min, max, js: atom.js + q };
  }

  quantifierAhead(): boolean {
    const c = this.peek();
    return c === 0x2a || c === 0x2b || c === 0x3f || c === 0x7b;
  }

  /** [min, max, JS text]; greedy only: a following '?' (lazy) or quantifier is refused. */
  quantifier(): [number, number, string] {
    const c = this.peek();
    let r: [number, number, string];
    if (c === 0x2a) r = [0, Infinity, "*"];
    else if (c === 0x2b) r = [1, Infinity, "+"];
    else if (c === 0x3f) r = [0, 1, "?"];
    else if (c === 0x7b) {
      const m = /^\{(\d{1,4})(,(\d{0,4}))?\}/.exec(this.src.slice(this.i));
      if (!m) this.fail(); // RE2 reads it as a literal '{'; JS `u` mode refuses it
      const min = Number(m[1]);
      const max = m[2] === undefined ? min : m[3] === "" ? Infinity : Number(m[3]);
      if (max < min) this.fail();
      this.i += m[0].length - 1;
      r = [min, max, m[0]];
    } else return [1, 1, ""];
    this.i++;
    if (this.quantifierAhead()) this.fail();
    return r;
  }

  atom(): { set: CharSet; literal: number | null; js: string } {
    const c = this.peek();
    if (c === -1 || c >= 0x80) this.fail();
    this.i++;
    if (c === 0x2e /* . */) return { set: CharSet.allBut(0x0a), literal: null, js: "[^\\n]" };
    if (c === 0x5b /* [ */) return this.charClass();
    if (c === 0x5c /* \ */) {
      const e = this.peek();
      this.i++;
      if (e === 0x64 /* d */) return { set: DIGITS(), literal: null, js: "\\d" };
      if (e === 0x77 /* w */) return { set: this.folded(WORD()), literal: null, js: "\\w" };
      if (e === 0x73 /* s */) return { set: SPACE(), literal: null, js: `[${SPACE_CODES.map(jsChar).join("")}]` };
      return this.literal(this.escaped(e));
    }
    if (c === 0x2a || c === 0x2b || c === 0x3f || c === 0x7b || c === 0x29) this.fail(); // misplaced operators
    return this.literal(c);
  }

  /** The literal character written as backslash + `e` (control escapes and punctuation). */
  escaped(e: number): number {
    const control = CONTROL_ESCAPES[String.fromCharCode(e)];
    if (control !== undefined) return control;
    if (isPunct(e)) return e;
    return this.fail();
  }

  literal(c: number): { set: CharSet; literal: number; js: string } {
    return { set: this.folded(CharSet.of(c)), literal: c, js: jsChar(c) };
  }

  folded(s: CharSet): CharSet {
    return this.fold ? s.foldCase() : s;
  }

  /** After '['. Ranges only between literals; a '-' only first, last, or as a range's dash. */
  charClass(): { set: CharSet; literal: null; js: string } {
    const set = new CharSet();
    let js = "";
    const negated = this.peek() === 0x5e;
    if (negated) this.i++;
    let first = true;
    for (;;) {
      const c = this.peek();
      if (c === -1 || c >= 0x80) this.fail();
      if (c === 0x5d /* ] */ && !first) break;
      first = false;
      this.i++;
      if (c === 0x5b /* [ */ && this.peek() === 0x3a /* : */) this.fail(); // [:alpha:]
      let lo: number;
      if (c === 0x5c) {
        const e = this.peek();
        this.i++;
        if (e === 0x64 || e === 0x77 || e === 0x73) {
          if (this.peek() === 0x2d && this.src.charCodeAt(this.i + 1) !== 0x5d) this.fail(); // \d-x
          set.union(e === 0x64 ? DIGITS() : e === 0x77 ? WORD() : SPACE());
          js += e === 0x73 ? SPACE_CODES.map(jsChar).join("") : e === 0x64 ? "\\d" : "\\w";
          continue;
        }
        lo = this.escaped(e);
      } else {
        if (c === 0x2d && this.peek() !== 0x5d && js !== "") this.fail(); // a '-' inside
        lo = c;
      }
      let hi = lo;
      if (this.peek() === 0x2d && this.src.charCodeAt(this.i + 1) !== 0x5d) {
        this.i++;
        const d = this.peek();
        if (d === -1 || d >= 0x80 || d === 0x5b) this.fail();
        this.i++;
        if (d === 0x5c) {
          const e = this.peek();
          this.i++;
          hi = this.escaped(e);
        } else hi = d;
        if (hi < lo) this.fail();
        if (this.peek() === 0x2d && this.src.charCodeAt(this.i + 1) !== 0x5d) this.fail(); // a-b-c
      }
      set.addRange(lo, hi);
      js += hi === lo ? jsChar(lo) : `${jsChar(lo)}-${jsChar(hi)}`;
    }
    this.i++; // ']'
    this.folded(set);
    if (negated) set.negate();
    return { set, literal: null, js: `[${negated ? "^" : ""}${js}]` };
  }
}

class Unsupported extends Error {}

/** The pattern's syntax tree, or null when it uses anything outside the subset. */
export function parseSubset(src: string, caseInsensitive: boolean): Alternation | null {
  const p = new Parser(src, caseInsensitive);
  try {
    const alt = p.alternation();
    return p.i === src.length ? alt : null; // a stray ')'
  } catch (e) {
    if (e instanceof Unsupported) return null;
    throw e;
  }
}

/** JavaScript source for a parsed pattern (run with flags `u`, plus `i` when case-insensitive). */
export function toJavaScript(alt: Alternation): string {
  return alt.map((seq) => seq.map((t) => (t.kind === "group" ? `(?:${toJavaScript(t.alt)})` : t.js)).join("")).join("|");
}
