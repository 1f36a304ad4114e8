// The guideline file format, assembled from the condition and consequence registries.
// The zod schema validates structure; each rule's `when` is validated (and compiled) by the
// loader condition by condition, so errors point inside nested conditions. The JSON Schema
// for editors is generated from the same pieces (guidelineJsonSchema).
import { z } from "zod";
import { parseDuration } from "../util/duration.js";
import { conditionRegistry } from "./conditions/index.js";
import { conditionRef } from "./conditions/core/child.js";
import { consequenceRegistry, consequenceSchema, consequenceUnion } from "./actions/index.js";

export const idSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_-]*$/, "an id is lower-case letters, digits, `-` and `_`, starting with a letter or digit, e.g. `no-link-spam`");

/** A duration ("90s", "10m", "1h", "1d", "2w", or ms); 0 allowed. Output: ms. */
const durationOrZero = z.union([z.string(), z.number().int().min(0)]).transform((v, ctx) => {
  if (typeof v === "number") return v;
  const ms = parseDuration(v);
  if (ms === null) {
    ctx.addIssue({ code: "custom", message: `"${v}" is not a duration; write a number and a unit: 90s, 10m, 1h, 1d, 2w (or 0)` });
    return z.NEVER;
  }
  return ms;
});

const positiveDuration = durationOrZero.refine((ms) => ms > 0, "must be longer than 0");

const names = z.array(z.string().trim().min(1).transform((s) => s.replace(/^#/, "")));

export const exemptSchema = z
  .object({
    roles: names.default([]).describe("Members with any of these roles are exempt."),
    channels: names.default([]).describe("Messages in these channels are exempt (a leading # is ignored)."),
  })
  .strict()
  .describe("Who and where these rules do not apply.");

export const ruleSchema = z
  .object({
    id: idSchema.describe("Unique within its guideline; the rule is known as `<guideline>/<rule>`."),
    explain: z.string().trim().min(1).optional().describe("One line for moderators: what this rule catches."),
    when: conditionRef,
    then: z.array(consequenceSchema).min(1, "a rule needs at least one consequence, e.g. `then: [delete, warn]`").describe("What happens when the rule matches."),
    strikes: z
      .number()
      .int()
      .min(0)
      .max(100)
      .optional()
      .describe("Strikes added per hit. Default 1 when `then` deletes, warns, times out, kicks or bans; 0 when it only holds, alerts or replies."),
    cooldown: durationOrZero
      .optional()
      .describe("Hits of this rule by the same member within this window are one act (one case, one set of strikes). Default 1m."),
    exempt: exemptSchema.optional(),
    fallback: z
      .boolean()
      .optional()
      .describe("Run only when no other rule of this guideline matched the message: a last resort such as a classifier (cheaper, and no double case)."),
  })
  .strict();

export const guidelineSchema = z
  .object({
    id: idSchema.describe("Unique across all guideline files."),
    title: z.string().trim().min(1).describe("Short name shown to members and moderators."),
    description: z.string().trim().min(1).describe("Member-facing text, quoted in warnings."),
    rules: z.array(ruleSchema).min(1, "a guideline needs at least one rule"),
  })
  .strict();

export const escalationStepSchema = z
  .object({
    at: z.number().int().min(1).describe("Active strikes at or above which this step applies."),
    do: consequenceSchema,
  })
  .strict();

export const escalationSchema = z
  .object({
    decay: positiveDuration.optional().describe("Strikes older than this no longer count. Default 30d."),
    ladder: z.array(escalationStepSchema).min(1, "the ladder needs at least one step, e.g. `- { at: 3, do: { timeout: 1h } }`"),
  })
  .strict()
  .describe("What happens as strikes add up. Given in at most one file; applies to all guidelines.");

export const listsSchema = z
  .record(idSchema, z.string().trim().min(1))
  .describe("Names for list files, usable wherever a condition takes a list: `insults: lists/insults-en.txt` (paths relative to this file).");

export const guidelineFileSchema = z
  .object({
    guidelines: z.array(guidelineSchema).optional(),
    escalation: escalationSchema.optional(),
    exempt: exemptSchema.optional().describe("Who and where the guidelines of this file do not apply."),
    lists: listsSchema.optional(),
  })
  .strict()
  .refine((f) => f.guidelines !== undefined || f.escalation !== undefined, {
    message: "the file has no `guidelines:` (and no `escalation:`)",
    params: { fix: "start the file with `guidelines:`; see docs/guidelines.md" },
  });

export type GuidelineFileSpec = z.output<typeof guidelineFileSchema>;
export type GuidelineSpec = z.output<typeof guidelineSchema>;
export type RuleSpec = z.output<typeof ruleSchema>;
export type EscalationSpec = z.output<typeof escalationSchema>;
export type ExemptSpec = z.output<typeof exemptSchema>;

// ---- JSON Schema ---------------------------------------------------------------------------

type Json = Record<string, unknown>;

const refTo = (name: string) => (ctx: { jsonSchema: Json }) => {
  for (const k of Object.keys(ctx.jsonSchema)) delete ctx.jsonSchema[k];
  ctx.jsonSchema.$ref = `#/$defs/${name}`;
};

/** zod → JSON Schema describing what a user writes (transform inputs), markers turned into $refs. */
function toJson(schema: z.ZodType, defs: Json): Json {
  const toCondition = refTo("Condition");
  const toConsequence = refTo("Consequence");
  const out = z.toJSONSchema(schema, {
    target: "draft-2020-12",
    io: "input",
    unrepresentable: "any",
    override(ctx) {
      if ((ctx.zodSchema as unknown) === conditionRef) toCondition(ctx as unknown as { jsonSchema: Json });
      else if ((ctx.zodSchema as unknown) === consequenceSchema) toConsequence(ctx as unknown as { jsonSchema: Json });
    },
  }) as Json;
  delete out.$schema;
  if (out.$defs && typeof out.$defs === "object") {
    Object.assign(defs, out.$defs);
    delete out.$defs;
  }
  return out;
}

function conditionJson(defs: Json): Json {
  const variants = conditionRegistry.map((c) => {
    const obj = z.object({ [c.name]: c.schema }).strict().describe(c.description);
    try {
      return toJson(obj, defs);
    } catch {
      // A schema zod cannot express: still offer the key and its description.
      return { type: "object", description: c.description, properties: { [c.name]: {} }, required: [c.name], additionalProperties: false };
    }
  });
  return { description: (conditionRef as z.ZodType).description, anyOf: variants };
}

/** JSON Schema (draft 2020-12) of a guideline file, for editors (schemas/guidelines.schema.json). */
export function guidelineJsonSchema(): Json {
  const defs: Json = {};
  const root = toJson(guidelineFileSchema, defs);
  defs.Condition = conditionJson(defs);
  defs.Consequence = { ...toJson(consequenceUnion(), defs), description: `What happens: ${consequenceRegistry.map((c) => c.name).join(", ")}.` };
  const sorted: Json = {};
  for (const k of Object.keys(defs).sort()) sorted[k] = defs[k];
  return {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    title: "Steward guideline file",
    description: "Community guidelines as code: guidelines, their rules (when → then), escalation and exemptions. See docs/guidelines.md.",
    ...root,
    $defs: sorted,
  };
}

/** The JSON Schema as the committed file holds it (stable formatting, trailing newline). */
export function guidelineJsonSchemaText(): string {
  return `${JSON.stringify(guidelineJsonSchema(), null, 2)}\n`;
}
