// Compiles a `regex` condition's pattern: RE2 syntax and semantics always (re2js validates it
// and is the reference), run by V8's native RegExp when the pattern is in the subset both
// engines read alike (syntax.ts) and proven linear for a backtracking engine (safety.ts);
// otherwise by re2js. Either way: the same first match, the same span, in linear time.
import { RE2JS } from "re2js";
import { parseSubset, toJavaScript } from "./syntax.js";
import { isLinearForBacktracking, requiredCharacter } from "./safety.js";

export interface PatternMatcher {
  /** The pattern as written. */
  readonly pattern: string;
  /** Which engine runs it (for tests and `rules check`). */
  readonly engine: "native" | "re2js";
  /** Finds the first (leftmost) match in `text`; when found, its span is in start/end. */
  find(text: string): boolean;
  start: number;
  end: number;
}

class NativeMatcher implements PatternMatcher {
  readonly engine = "native";
  start = 0;
  end = 0;
  constructor(
    readonly pattern: string,
    private readonly re: RegExp,
    /** A character every match contains ("" for none): texts without it are skipped. */
    private readonly required: string,
  ) {}

  find(text: string): boolean {
    if (this.required !== "" && text.indexOf(this.required) < 0) return false;
    const m = this.re.exec(text);
    if (m === null) return false;
    this.start = m.index;
    this.end = m.index + m[0].length;
    return true;
  }
}

class Re2Matcher implements PatternMatcher {
  readonly engine = "re2js";
  start = 0;
  end = 0;
  readonly pattern: string;
  constructor(private readonly re: RE2JS) {
    this.pattern = re.pattern();
  }

  find(text: string): boolean {
    const m = this.re.matcher(text);
    if (!m.find()) return false;
    this.start = m.start();
    this.end = m.end();
    return true;
  }
}

/** @throws re2js's error when the pattern is not valid RE2 (or needs backreferences, lookaround). */
export function compilePattern(source: string, caseInsensitive: boolean): PatternMatcher {
  const re2 = RE2JS.compile(source, caseInsensitive ? RE2JS.CASE_INSENSITIVE : 0);
  const tree = parseSubset(source, caseInsensitive);
  if (tree === null || !isLinearForBacktracking(tree)) return new Re2Matcher(re2);
  const required = requiredCharacter(tree);
  const re = new RegExp(toJavaScript(tree), caseInsensitive ? "iu" : "u");
  return new NativeMatcher(re2.pattern(), re, required === null ? "" : String.fromCharCode(required));
}
