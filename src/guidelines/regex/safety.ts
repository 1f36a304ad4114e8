// Proves a parsed pattern (syntax.ts) safe for a backtracking engine such as V8's RegExp: its
// search takes time linear in the text (times a constant of the pattern), as RE2 guarantees.
//
// Two rules, both checked on character sets (over-approximated: when unsure, refuse):
// 1. Every choice is decided by the next character (the pattern is LL(1)): an optional `x?`,
//    and a repetition's "once more or stop", require that x cannot match what may follow;
//    the branches of a group's alternation start with disjoint characters (a branch that can
//    match nothing counts with what follows the group). A wrong choice then fails on the next
//    character, so a search from one start position never backtracks more than it consumed.
//    The top-level branches are exempt: a branch that reaches the end has matched, so they are
//    tried one after the other at most.
// 2. A repetition (`x*`, `x+`, `x{2,5}`) directly follows a fixed character whose set is
//    disjoint from x's (`<\d+`, `@\w*`; optional characters in between count with it), or
//    follows `^`. Then two start positions can never scan the same run of x, so the unanchored
//    search (one attempt per start position) stays linear: `\d+x` alone is refused, because
//    every digit of "1111…" would start a scan of the rest.
// Quantified groups are never accepted (syntax.ts refuses them).
import { CharSet } from "./charset.js";
import type { Alternation, Sequence, SetTerm, Term } from "./syntax.js";

interface First {
  set: CharSet;
  nullable: boolean;
}

function firstOfTerm(t: Term): First {
  if (t.kind === "anchor") return { set: new CharSet(), nullable: true };
  if (t.kind === "set") return { set: t.set.clone(), nullable: t.min === 0 };
  return firstOfAlternation(t.alt);
}

function firstOfAlternation(alt: Alternation): First {
  const set = new CharSet();
  let nullable = false;
  for (const seq of alt) {
    const f = firstOfSequence(seq, 0);
    set.union(f.set);
    nullable ||= f.nullable;
  }
  return { set, nullable };
}

/** What items[from..] can start with, and whether they can all match nothing. */
function firstOfSequence(items: Sequence, from: number): First {
  const set = new CharSet();
  for (let i = from; i < items.length; i++) {
    const f = firstOfTerm(items[i]!);
    set.union(f.set);
    if (!f.nullable) return { set, nullable: false };
  }
  return { set, nullable: true };
}

/** The characters that may come right after items[i] (follow: what may come after the sequence). */
function followOf(items: Sequence, i: number, follow: CharSet): CharSet {
  const rest = firstOfSequence(items, i + 1);
  return rest.nullable ? rest.set.union(follow) : rest.set;
}

function sequenceIsSafe(items: Sequence, follow: CharSet): boolean {
  for (let i = 0; i < items.length; i++) {
    const t = items[i]!;
    const after = followOf(items, i, follow);
    if (t.kind === "group") {
      if (!alternationIsSafe(t.alt, after, false)) return false;
    } else if (t.kind === "set" && t.max !== t.min) {
      if (t.set.intersects(after)) return false; // rule 1
      if (t.max > 1 && !isGuarded(items, i)) return false;
    }
  }
  return true;
}

/**
 * Rule 2 for the repetition items[i]: the character before its run is matched by a fixed
 * character, or by an optional one (`<@[!&]?\d+`) back to a fixed one, all disjoint from it;
 * or the run can only start where `^` allows (one start position).
 */
function isGuarded(items: Sequence, i: number): boolean {
  const loop = (items[i] as SetTerm).set;
  for (let j = i - 1; j >= 0; j--) {
    const t = items[j]!;
    if (t.kind === "anchor") return t.js === "^";
    if (t.kind !== "set" || t.max !== 1 || t.set.intersects(loop)) return false;
    if (t.min === 1) return true;
  }
  return false;
}

function alternationIsSafe(alt: Alternation, follow: CharSet, top: boolean): boolean {
  const heads: CharSet[] = [];
  for (const seq of alt) {
    if (!sequenceIsSafe(seq, follow)) return false;
    if (top) continue;
    const f = firstOfSequence(seq, 0);
    const head = f.nullable ? f.set.union(follow) : f.set;
    if (heads.some((h) => h.intersects(head))) return false; // rule 1
    heads.push(head);
  }
  return true;
}

/** True when a backtracking engine runs this pattern's search in linear time (see above). */
export function isLinearForBacktracking(alt: Alternation): boolean {
  return alternationIsSafe(alt, new CharSet(), true);
}

/**
 * A character every match contains, so a text without it cannot match (a cheap prefilter), or
 * null. Only non-letters are chosen: their case never folds.
 */
export function requiredCharacter(alt: Alternation): number | null {
  const sets = alt.map(requiredInSequence);
  const common = [...sets[0]!].filter((c) => sets.every((s) => s.has(c)));
  return common.length ? common[0]! : null;
}

function requiredInSequence(seq: Sequence): Set<number> {
  const out = new Set<number>();
  for (const t of seq) {
    if (t.kind === "set" && t.min >= 1 && t.literal !== null && !/[A-Za-z]/.test(String.fromCharCode(t.literal))) out.add(t.literal);
    if (t.kind === "group") {
      const inner = t.alt.map(requiredInSequence);
      for (const c of inner[0]!) if (inner.every((s) => s.has(c))) out.add(c);
    }
  }
  return out;
}
