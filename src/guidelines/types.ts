// The contracts every condition, consequence and the engine share.
// A condition is one small file exporting a ConditionDefinition; the registry in
// conditions/index.ts assembles them into the guideline file schema.
import type { z } from "zod";
import type { TextAnalysis } from "./text/analysis.js";
import type { Link } from "./links/link.js";

/** A span of the ORIGINAL message text that made a condition true. */
export interface Match {
  /** Name of the condition that matched, e.g. "words", "links". */
  condition: string;
  /** The original text of the span (what a moderator is shown). */
  text: string;
  /** Offsets into the original message text, [start, end). -1 when not tied to text (rates, member facts). */
  start: number;
  end: number;
  /** Short human detail: "listed phishing domain", "5 messages in 10s", "lookalike of discord.com". */
  detail?: string;
}

/** What the engine knows of the author when a message is judged. */
export interface MemberFacts {
  id: string;
  name?: string;
  roles: readonly string[];
  /** Epoch ms when the member joined, null when unknown. */
  joinedAt: number | null;
  /** Active (not decayed) strikes. */
  strikes: number;
  /** Messages the member posted in this community before this one. */
  messageCount: number;
  /** Moderator, administrator or owner: never actioned. */
  isModerator: boolean;
}

export interface MessageFacts {
  id: string;
  community: string;
  channel: string;
  /** Epoch ms of the event (the clock in replay). */
  at: number;
  text: string;
  attachments: number;
  /** User and role mentions. */
  mentions: number;
  mentionsEveryone: boolean;
  replyTo?: string;
}

/** Community facts some conditions need (own domain, protected brand names). */
export interface CommunityFacts {
  id: string;
  /** Domains that belong to the community (never spam, protected from lookalikes). */
  ownDomains: readonly string[];
  /** Names protected from lookalike domains, e.g. "discord", "steamcommunity", the shop's brand. */
  protectedNames: readonly string[];
  language: string;
}

/**
 * Everything a condition may look at. Analyses are computed lazily and at most once
 * per message, whichever condition asks first.
 */
export interface EvalInput {
  readonly message: MessageFacts;
  readonly member: MemberFacts;
  readonly community: CommunityFacts;
  readonly text: TextAnalysis;
  readonly links: readonly Link[];
  /** Shared state for rate windows (in memory, or Redis when configured). */
  readonly rates: RateStore;
}

/** Sliding-window counters. Keys are built by the rate condition. */
export interface RateStore {
  /** Record `weight` events at `at` under `key` and return the total within the last `windowMs`. */
  hit(key: string, at: number, windowMs: number, weight?: number): number;
  /** Record `value` under key at `at` and return how many equal values the window holds (duplicates). */
  hitValue(key: string, value: string, at: number, windowMs: number): number;
}

/** A compiled condition: built once at load, run on every message. Must not allocate per rule per message where avoidable. */
export interface CompiledCondition {
  /** Returns the matches when true, null when false. An empty array means true with nothing to show (e.g. `not`). */
  test(input: EvalInput): Match[] | null;
  /** Rough relative cost; `all` runs cheap children first. 1 = a set lookup, 10 = a scan, 50 = a classifier. */
  cost: number;
}

/** Where a problem is in a guideline file. */
export interface SourceLocation {
  file: string;
  line: number;
  column: number;
}

export interface CompileContext {
  /** Folder of the guideline file (lists given by relative path resolve from it). */
  baseDir: string;
  /** Path of this condition inside the file, for error messages: ["guidelines", 0, "rules", 1, "when", "words"]. */
  path: readonly (string | number)[];
  /** Compile a nested condition (for all/any/not). */
  compileChild(condition: unknown, pathSuffix: readonly (string | number)[]): CompiledCondition;
  /** Read a list file (one entry a line, `#` comments), resolved from baseDir or a named list folder. Cached. */
  readList(ref: string): readonly string[];
  /** The community the set is loaded for, when the loader was told (loadGuidelines' `community` option). At evaluation use input.community. */
  community?: CommunityFacts;
  /** A unique id for this condition instance (stable across reloads of the same file), for rate keys. */
  instanceId: string;
  /** Report a semantic problem found while compiling (bad pattern, unknown list). Throws. */
  fail(message: string, fix?: string, pathSuffix?: readonly (string | number)[]): never;
}

export interface ConditionDefinition<S extends z.ZodType = z.ZodType> {
  /** The key used in YAML: `when: { words: [...] }`. */
  name: string;
  /** One line for `steward rules check --help` and the JSON Schema. */
  description: string;
  schema: S;
  compile(config: z.infer<S>, ctx: CompileContext): CompiledCondition;
}

/** Helper so each condition file gets its config type inferred from its schema. */
export function defineCondition<S extends z.ZodType>(def: ConditionDefinition<S>): ConditionDefinition<S> {
  return def;
}
