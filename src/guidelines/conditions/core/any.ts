import { z } from "zod";
import { defineCondition, type CompiledCondition, type EvalInput, type Match } from "../../types.js";
import { conditionRef } from "./child.js";

class AnyCondition implements CompiledCondition {
  readonly cost: number;
  /** The children's tests, bound once: `.test` read off children of many shapes is a megamorphic load (see engine.ts). */
  private readonly tests: ((input: EvalInput) => Match[] | null)[];
  constructor(children: readonly CompiledCondition[]) {
    this.cost = children.reduce((s, c) => s + c.cost, 0);
    this.tests = children.map((c) => c.test.bind(c));
  }

  test(input: EvalInput): Match[] | null {
    const tests = this.tests;
    for (let i = 0; i < tests.length; i++) {
      const m = tests[i]!(input);
      if (m !== null) return m;
    }
    return null;
  }
}

export const anyCondition = defineCondition({
  name: "any",
  description: "True when at least one listed condition is true. Cheapest are checked first; stops at (and shows the matches of) the first true one.",
  schema: z.array(conditionRef).min(1, "`any` needs at least one condition"),
  compile(children, ctx) {
    const compiled = children.map((c, i) => ctx.compileChild(c, [i]));
    if (compiled.length === 1) return compiled[0]!;
    return new AnyCondition([...compiled].sort((a, b) => a.cost - b.cost));
  },
});
