import { defineCondition, type CompiledCondition, type EvalInput, type Match } from "../../types.js";
import { conditionRef, NO_MATCHES } from "./child.js";

class NotCondition implements CompiledCondition {
  readonly cost: number;
  constructor(private readonly child: CompiledCondition) {
    this.cost = child.cost;
  }

  test(input: EvalInput): Match[] | null {
    return this.child.test(input) === null ? NO_MATCHES : null;
  }
}

export const notCondition = defineCondition({
  name: "not",
  description: "True when the condition it holds is false (shows no matches of its own).",
  schema: conditionRef,
  compile(child, ctx) {
    return new NotCondition(ctx.compileChild(child, []));
  },
});
