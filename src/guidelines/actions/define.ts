// The shape of one consequence file. A consequence is written under `then:` either as a bare
// name (`delete`) or as an object with one key (`{ timeout: 1d }`); `bare` and `value` say which
// forms it accepts, and `schema` (derived) accepts exactly those and parses to a Consequence.
import { z } from "zod";
import type { Consequence, ConsequenceKind } from "../api.js";

export type ConsequenceOf<K extends ConsequenceKind> = Extract<Consequence, { kind: K }>;

export interface ConsequenceSpec<K extends ConsequenceKind> {
  name: K;
  /** One line for docs, `steward rules check` and the JSON Schema. */
  description: string;
  /** How to write it, shown in fixes: "{ timeout: 1h }". */
  example: string;
  /** Accepted as a bare name; the consequence it stands for. */
  bare?: ConsequenceOf<K>;
  /** Accepted as `{ name: value }`: the schema of the value, parsing to the consequence. */
  value?: z.ZodType<ConsequenceOf<K>>;
}

export interface ConsequenceDefinition<K extends ConsequenceKind = ConsequenceKind> extends ConsequenceSpec<K> {
  /** Accepts every form of this consequence; output is the Consequence. */
  schema: z.ZodType<ConsequenceOf<K>>;
}

export function defineConsequence<K extends ConsequenceKind>(spec: ConsequenceSpec<K>): ConsequenceDefinition<K> {
  const forms: z.ZodType<ConsequenceOf<K>>[] = [];
  const bare = spec.bare;
  if (bare) forms.push(z.literal(spec.name).transform(() => ({ ...bare })));
  if (spec.value) {
    const value = spec.value;
    forms.push(
      z
        .object({ [spec.name]: value } as Record<K, typeof value>)
        .strict()
        .transform((o) => (o as Record<K, ConsequenceOf<K>>)[spec.name]),
    );
  }
  if (!forms.length) throw new Error(`consequence ${spec.name} accepts no form: give bare or value`);
  const schema = (forms.length === 1 ? forms[0]! : z.union(forms as [z.ZodType<ConsequenceOf<K>>, z.ZodType<ConsequenceOf<K>>]))
    .describe(spec.description) as z.ZodType<ConsequenceOf<K>>;
  return { ...spec, schema };
}
