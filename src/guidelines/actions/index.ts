// The registry of consequences (what a rule's `then:` may say). Add one: write a file here
// with defineConsequence and list it below.
import { z } from "zod";
import type { Consequence } from "../api.js";
import type { ConsequenceDefinition } from "./define.js";
import { deleteConsequence } from "./delete.js";
import { warnConsequence } from "./warn.js";
import { timeoutConsequence } from "./timeout.js";
import { kickConsequence } from "./kick.js";
import { banConsequence } from "./ban.js";
import { holdConsequence } from "./hold.js";
import { alertConsequence } from "./alert.js";
import { replyConsequence } from "./reply.js";
import { didYouMean } from "../loader/suggest.js";
import { objectKeysAt } from "../loader/zod-shape.js";

export { defineConsequence, type ConsequenceDefinition } from "./define.js";
export { formatConsequence, formatDuration } from "./format.js";

export const consequenceRegistry: readonly ConsequenceDefinition[] = [
  deleteConsequence,
  warnConsequence,
  timeoutConsequence,
  kickConsequence,
  banConsequence,
  holdConsequence,
  alertConsequence,
  replyConsequence,
] as readonly ConsequenceDefinition[];

export function findConsequence(name: string): ConsequenceDefinition | undefined {
  return consequenceRegistry.find((c) => c.name === name);
}

const names = () => consequenceRegistry.map((c) => c.name);

type Ctx = z.core.$RefinementCtx<unknown>;

function unknownConsequence(name: string, ctx: Ctx, path: (string | number)[], at: "key" | "value"): typeof z.NEVER {
  ctx.addIssue({ code: "custom", message: `unknown consequence \`${name}\``, path, params: { fix: didYouMean(name, names(), "consequences"), at } });
  return z.NEVER;
}

/**
 * One item of `then:` (and an escalation step's `do:`). Dispatches on the name so an error
 * speaks about the consequence meant instead of listing every form that did not match.
 */
export const consequenceSchema: z.ZodType<Consequence, unknown> = z.unknown().transform((v, ctx): Consequence => {
  if (typeof v === "string") {
    const def = findConsequence(v);
    if (!def) return unknownConsequence(v, ctx, [], "value");
    if (def.bare) return { ...def.bare };
    ctx.addIssue({ code: "custom", message: `\`${v}\` needs a value`, params: { fix: `write \`${def.example}\`` } });
    return z.NEVER;
  }
  if (v !== null && typeof v === "object" && !Array.isArray(v)) {
    const keys = Object.keys(v);
    if (keys.length !== 1) {
      ctx.addIssue({
        code: "custom",
        message: keys.length ? `a consequence has one key, this one has ${keys.length} (${keys.join(", ")})` : "empty consequence",
        params: { fix: "list each consequence as its own item: `then: [delete, { timeout: 1h }]`" },
      });
      return z.NEVER;
    }
    const key = keys[0]!;
    const def = findConsequence(key);
    if (!def) return unknownConsequence(key, ctx, [key], "key");
    if (!def.value) {
      ctx.addIssue({ code: "custom", message: `\`${key}\` takes no value`, path: [key], params: { fix: `write a bare \`${key}\``, at: "key" } });
      return z.NEVER;
    }
    const r = def.value.safeParse((v as Record<string, unknown>)[key]);
    if (r.success) return r.data;
    for (const issue of r.error.issues) {
      const known = issue.code === "unrecognized_keys" ? objectKeysAt(def.value, issue.path) : undefined;
      ctx.addIssue({ ...issue, path: [key, ...issue.path], params: { ...(issue as { params?: object }).params, known } } as z.core.$ZodRawIssue);
    }
    return z.NEVER;
  }
  ctx.addIssue({
    code: "custom",
    message: `expected a consequence, got ${v === null ? "nothing" : Array.isArray(v) ? "a list" : JSON.stringify(v)}`,
    params: { fix: `write a name like \`delete\` or an object like \`{ timeout: 1h }\`; known consequences: ${names().join(", ")}` },
  });
  return z.NEVER;
});

/** Every form of every consequence, for the JSON Schema. */
export function consequenceUnion(): z.ZodType {
  const schemas = consequenceRegistry.map((c) => c.schema);
  return schemas.length === 1 ? schemas[0]! : z.union(schemas as unknown as [z.ZodType, z.ZodType]);
}
