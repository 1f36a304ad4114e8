import { z } from "zod";
import { defineCondition, type CompiledCondition, type EvalInput, type Match } from "../../types.js";
import { conditionRef, NO_MATCHES } from "./child.js";

class AllCondition implements CompiledCondition {
  readonly cost: number;
  /** The children's tests, bound once: `.test` read off children of many shapes is a megamorphic load (see engine.ts). */
  private readonly tests: ((input: EvalInput) => Match[] | null)[];
  constructor(children: readonly CompiledCondition[]) {
    this.cost = children.reduce((s, c) => s + c.cost, 0);
    this.tests = children.map((c) => c.test.bind(c));
  }

  test(input: EvalInput): Match[] | null {
    let out: Match[] | null = null;
    let owned = false; // `out` is our own array (children's arrays are never mutated)
    const tests = this.tests;
    for (let i = 0; i < tests.length; i++) {
      const m = tests[i]!(input);
      if (m === null) return null;
      if (m.length === 0) continue;
      if (out === null) out = m;
      else if (!owned) {
        out = out.concat(m);
        owned = true;
      } else for (let j = 0; j < m.length; j++) out.push(m[j]!);
    }
    return out ?? NO_MATCHES;
  }
}

export const allCondition = defineCondition({
  name: "all",
  description: "True when every listed condition is true. Cheapest are checked first and it stops at the first false; shows the matches of all.",
  schema: z.array(conditionRef).min(1, "`all` needs at least one condition"),
  compile(children, ctx) {
    const compiled = children.map((c, i) => ctx.compileChild(c, [i]));
    if (compiled.length === 1) return compiled[0]!;
    // Stable sort: equal costs keep the order written.
    return new AllCondition([...compiled].sort((a, b) => a.cost - b.cost));
  },
});
