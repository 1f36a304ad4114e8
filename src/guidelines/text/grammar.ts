// Compiles a grammar (frames with {sets}) together with the condition's own word lists.
import type { CompileContext } from "../types.js";
import { lexicon } from "./lexicon.js";
import { PatternSet } from "./patterns.js";
import { CompiledList, allowSet, cached, type ResolvedList } from "./lists.js";

const builtinSets = new Map<string, PatternSet>();

/** A built-in set, compiled once per process (lexicon ids are stable). */
function builtinSet(name: string, entries: readonly string[]): PatternSet {
  let set = builtinSets.get(name);
  if (!set) {
    set = new PatternSet(lexicon, name);
    for (const e of entries) set.add(e, { syntax: false, inflect: false });
    builtinSets.set(name, set);
  }
  return set;
}

/** Entries of several lists as one set (plurals per list setting); shared when the lists are the same. */
export function unionSet(name: string, lists: readonly ResolvedList[]): PatternSet {
  return cached(JSON.stringify(["union", lists]), () => {
    const set = new PatternSet(lexicon, name);
    for (const l of lists) for (const e of l.entries) set.add(l.prefix && !e.includes(" ") && !e.endsWith("*") ? `${e}*` : e, { syntax: false, inflect: l.plurals });
    return new CompiledList(set, null);
  }).set;
}

/**
 * The grammar's frames plus `extra` frames, with the built-in sets and the condition's
 * `own` sets (which win on a name clash). Malformed extra frames fail through ctx. Shared by
 * conditions with the same frames and sets.
 */
export function compileGrammar(
  ctx: CompileContext,
  frames: readonly string[],
  builtins: Record<string, readonly string[]>,
  own: ReadonlyMap<string, PatternSet>,
  extra: readonly string[],
  allowEntries: readonly string[],
  extraPath: readonly (string | number)[],
): CompiledList {
  const key = JSON.stringify(["grammar", frames, Object.keys(builtins), [...own].map(([k, v]) => `${k}=${v.id}`), extra, allowEntries]);
  return cached(key, () => {
    const sets = new Map<string, PatternSet>();
    for (const [name, entries] of Object.entries(builtins)) sets.set(name, builtinSet(name, entries));
    for (const [name, set] of own) sets.set(name, set);
    const out = new PatternSet(lexicon, "grammar");
    for (const f of frames) out.add(f, { syntax: true, inflect: false, sets });
    for (const f of extra) {
      try {
        out.add(f, { syntax: true, inflect: false, sets });
      } catch (err) {
        ctx.fail((err as Error).message, "fix or remove this pattern", extraPath);
      }
    }
    return new CompiledList(out, allowSet(allowEntries));
  });
}
