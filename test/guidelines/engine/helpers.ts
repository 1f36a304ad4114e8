// Shared by the engine tests: load YAML text, collect issues, build a message input, and a
// test-only `contains` condition (text spans, list files) so no registry entry is needed.
import { z } from "zod";
import { GuidelineError, loadGuidelinesFromText, type GuidelineIssue, type LoadedGuidelineSet, type TextLoadOptions } from "../../../src/guidelines/loader/index.js";
import { contextInputs, type MessageContextInput } from "../../../src/guidelines/testing/context.js";
import { messageContextSchema } from "../../../src/guidelines/testing/context.js";
import { defineCondition, type CompiledCondition, type EvalInput, type Match } from "../../../src/guidelines/types.js";
import type { MessageInput } from "../../../src/guidelines/input.js";

/** `contains: [word, ...]` or `contains: { list: lists/x.txt }`: case-insensitive substring spans. */
export const containsCondition = defineCondition({
  name: "contains",
  description: "test only: the text contains one of these words",
  schema: z.union([z.array(z.string().min(1)).min(1), z.object({ list: z.string() }).strict()]),
  compile(config, ctx): CompiledCondition {
    const words = (Array.isArray(config) ? config : ctx.readList(config.list)).map((w) => w.toLowerCase());
    if (words.includes("forbidden")) ctx.fail("`forbidden` cannot be used", "pick another word", [words.indexOf("forbidden")]);
    return {
      cost: 10,
      test(input: EvalInput): Match[] | null {
        const lower = input.message.text.toLowerCase();
        let out: Match[] | null = null;
        for (const w of words) {
          const at = lower.indexOf(w);
          if (at >= 0) (out ??= []).push({ condition: "contains", text: input.message.text.slice(at, at + w.length), start: at, end: at + w.length, detail: `word ${w}` });
        }
        return out;
      },
    };
  },
});

export const testConditions = [containsCondition];

export function load(yaml: string, file = "rules/test.yaml", options: TextLoadOptions = {}): LoadedGuidelineSet {
  return loadGuidelinesFromText(yaml, file, { conditions: testConditions, ...options });
}

/** The issues loading `yaml` reports (fails the test if it loads). */
export function issuesOf(yaml: string, file = "rules/test.yaml", options: TextLoadOptions = {}): GuidelineIssue[] {
  try {
    load(yaml, file, options);
  } catch (e) {
    if (e instanceof GuidelineError) return [...e.issues];
    throw e;
  }
  throw new Error("expected the file to be rejected, but it loaded");
}

/** The single issue, as "file:line:column message". */
export function where(i: GuidelineIssue): string {
  return `${i.file}:${i.line}:${i.column} ${i.message}`;
}

export function input(text: string, context: MessageContextInput = {}): MessageInput {
  const all = contextInputs(text, messageContextSchema.parse(context));
  return all[all.length - 1]!;
}

export function refs(set: LoadedGuidelineSet, text: string, context: MessageContextInput = {}): string[] {
  return set.evaluate(input(text, context)).map((h) => `${h.guideline.id}/${h.rule.id}`);
}
