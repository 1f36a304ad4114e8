// A small CompileContext for unit tests of text conditions (until the loader runs them).
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { CompileContext, CompiledCondition, ConditionDefinition, EvalInput } from "../../../src/guidelines/types.js";
import { analyzeText } from "../../../src/guidelines/text/analysis.js";

export const rulesDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../rules");

export class CompileFailure extends Error {
  constructor(
    message: string,
    readonly fix?: string,
  ) {
    super(message);
  }
}

export function fakeCtx(overrides: Partial<CompileContext> = {}): CompileContext {
  return {
    baseDir: rulesDir,
    path: ["test"],
    instanceId: "test",
    compileChild() {
      throw new Error("compileChild is not available in this fake context");
    },
    readList(ref: string) {
      return readFileSync(path.resolve(rulesDir, ref), "utf8")
        .split("\n")
        .map((l) => l.replace(/(^|\s)#.*$/, "").trim())
        .filter(Boolean);
    },
    fail(message: string, fix?: string): never {
      throw new CompileFailure(message, fix);
    },
    ...overrides,
  };
}

export function compile<C>(def: ConditionDefinition, config: C): CompiledCondition {
  return def.compile(def.schema.parse(config), fakeCtx());
}

export function inputFor(text: string): EvalInput {
  return { text: analyzeText(text) } as unknown as EvalInput;
}
