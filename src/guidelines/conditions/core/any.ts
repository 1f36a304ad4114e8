import { z } from "zod";
import { defineCondition, type CompiledCondition, type EvalInput, type Match } from "../../types.js";
import { conditionRef } from "./child.js";

class AnyCondition implements CompiledCondition {
  readonly cost: number;
  constructor(private readonly children: readonly CompiledCondition[]) {
    this.cost = children.reduce((s, c) => s + c.cost, 0);
  }

  test(input: EvalInput): Match[] | null {
    const children = this.children;
    for (let i = 0; i < children.length; i++) {
      const m = children[i]!.test(input);
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
