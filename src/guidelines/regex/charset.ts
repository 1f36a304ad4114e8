// Sets of characters for proving a pattern safe (see safety.ts): the 128 ASCII characters as a
// bitmap, plus one flag for "may hold a non-ASCII character". The flag over-approximates (any
// non-ASCII member sets it), which is the safe direction: sets are only tested for overlap.

export class CharSet {
  /** ASCII membership, 32 characters a word. */
  readonly bits = new Uint32Array(4);
  nonAscii = false;

  static of(...codes: number[]): CharSet {
    const s = new CharSet();
    for (const c of codes) s.add(c);
    return s;
  }

  /** All characters but the listed ASCII ones. */
  static allBut(...codes: number[]): CharSet {
    return CharSet.of(...codes).negate();
  }

  add(c: number): this {
    if (c < 128) this.bits[c >>> 5]! |= 1 << (c & 31);
    else this.nonAscii = true;
    return this;
  }

  addRange(lo: number, hi: number): this {
    for (let c = lo; c <= hi; c++) this.add(c);
    return this;
  }

  has(c: number): boolean {
    return c < 128 ? (this.bits[c >>> 5]! & (1 << (c & 31))) !== 0 : this.nonAscii;
  }

  union(o: CharSet): this {
    for (let i = 0; i < 4; i++) this.bits[i]! |= o.bits[i]!;
    this.nonAscii ||= o.nonAscii;
    return this;
  }

  /** The complement: every non-ASCII character may be in it. */
  negate(): this {
    for (let i = 0; i < 4; i++) this.bits[i] = ~this.bits[i]!;
    this.nonAscii = true;
    return this;
  }

  intersects(o: CharSet): boolean {
    if (this.nonAscii && o.nonAscii) return true;
    for (let i = 0; i < 4; i++) if ((this.bits[i]! & o.bits[i]!) !== 0) return true;
    return false;
  }

  /**
   * Closed under case-insensitive matching of ASCII letters: both cases, and the non-ASCII
   * characters that fold to ASCII letters (K KELVIN SIGN to k, ſ LONG S to s) via the flag.
   */
  foldCase(): this {
    for (let c = 0x61; c <= 0x7a; c++) {
      if (this.has(c) || this.has(c - 0x20)) {
        this.add(c).add(c - 0x20);
        if (c === 0x6b || c === 0x73) this.nonAscii = true;
      }
    }
    return this;
  }

  clone(): CharSet {
    const s = new CharSet();
    s.union(this);
    return s;
  }
}

export const DIGITS = (): CharSet => new CharSet().addRange(0x30, 0x39);
export const WORD = (): CharSet => DIGITS().addRange(0x41, 0x5a).addRange(0x61, 0x7a).add(0x5f);
/** RE2's \s: tab, newline, form feed, carriage return, space (not \v, not Unicode spaces). */
export const SPACE_CODES = [0x09, 0x0a, 0x0c, 0x0d, 0x20];
export const SPACE = (): CharSet => CharSet.of(...SPACE_CODES);
