// Command options: each is a zod schema (what the handler receives) plus the metadata a platform
// needs to register it (type, description, limits). One declaration serves both.
import { z } from "zod";
import { parseDuration } from "../util/duration.js";

export type OptionType = "member" | "string" | "integer" | "boolean" | "duration";

export interface OptionMeta {
  type: OptionType;
  description: string;
  required: boolean;
  min?: number;
  max?: number;
  maxLength?: number;
}

export class Opt<S extends z.ZodType = z.ZodType> {
  constructor(readonly meta: OptionMeta, readonly schema: S) {}

  optional(): Opt<z.ZodOptional<S>> {
    return new Opt({ ...this.meta, required: false }, this.schema.optional());
  }

  /** Optional for the invoker; the handler gets `value` when it is left out. */
  withDefault(value: z.output<S>): Opt<z.ZodDefault<S>> {
    return new Opt({ ...this.meta, required: false }, (this.schema as unknown as { default(v: unknown): z.ZodDefault<S> }).default(value));
  }
}

const id = (what: string) => z.string().trim().min(1, `${what} is missing`).max(64, `${what} is not an id`);

/** Platforms pass numbers as numbers; replay files and text surfaces may pass "5". */
const integerFrom = (name: string, min: number, max: number) =>
  z.preprocess(
    (v) => (typeof v === "string" && /^-?\d+$/.test(v.trim()) ? Number(v) : v),
    z
      .number({ message: `${name} must be a whole number` })
      .int(`${name} must be a whole number`)
      .min(min, `${name} must be at least ${min}`)
      .max(max, `${name} must be at most ${max}`),
  );

const booleanFrom = (name: string) =>
  z.preprocess((v) => (v === "true" ? true : v === "false" ? false : v), z.boolean({ message: `${name} must be true or false` }));

export const opt = {
  /** A member of the community (platform user id). */
  member: (description: string) => new Opt({ type: "member", description, required: true }, id("the member")),
  string: (description: string, maxLength = 500) =>
    new Opt({ type: "string", description, required: true, maxLength }, z.string().trim().min(1, "must not be empty").max(maxLength, `must be at most ${maxLength} characters`)),
  integer: (name: string, description: string, min: number, max: number) => new Opt({ type: "integer", description, required: true, min, max }, integerFrom(name, min, max)),
  boolean: (name: string, description: string) => new Opt({ type: "boolean", description, required: true }, booleanFrom(name)),
  /** "10m", "1h", "2d", "1w" → milliseconds, between min and max ms. */
  duration: (name: string, description: string, minMs: number, maxMs: number) =>
    new Opt(
      { type: "duration", description, required: true, maxLength: 16 },
      z.string().transform((v, ctx) => {
        const ms = parseDuration(v);
        if (ms === null) {
          ctx.addIssue({ code: "custom", message: `${name} "${v}" is not a duration; write a number and a unit: 90s, 10m, 1h, 1d, 2w` });
          return z.NEVER;
        }
        if (ms < minMs || ms > maxMs) {
          ctx.addIssue({ code: "custom", message: `${name} must be between ${fmt(minMs)} and ${fmt(maxMs)}` });
          return z.NEVER;
        }
        return ms;
      }),
    ),
};

function fmt(ms: number): string {
  for (const [size, unit] of [[86_400_000, "d"], [3_600_000, "h"], [60_000, "m"], [1000, "s"]] as const) if (ms >= size && ms % size === 0) return `${ms / size}${unit}`;
  return `${ms}ms`;
}

export type OptionsShape = Record<string, Opt>;
export type OptionValues<O extends OptionsShape> = { [K in keyof O]: z.output<O[K]["schema"]> };

/** The zod object of a command's options; unknown options are an error (they mean a stale registration). */
export function optionsSchema(options: OptionsShape): z.ZodType<Record<string, unknown>> {
  return z.strictObject(Object.fromEntries(Object.entries(options).map(([k, o]) => [k, o.schema]))) as unknown as z.ZodType<Record<string, unknown>>;
}
