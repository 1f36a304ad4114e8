// A minimal CompileContext and EvalInput for unit-testing the links-group conditions without
// the loader: lists resolve from a folder, failures throw.
import { readFileSync } from "node:fs";
import path from "node:path";
import type { CompileContext, CompiledCondition, ConditionDefinition, EvalInput, MemberFacts } from "../../../src/guidelines/types.js";
import { MessageInput, defaultCommunity, establishedMember } from "../../../src/guidelines/input.js";
import { MemoryRateStore } from "../../../src/guidelines/rates.js";
import type { CommunityFacts, MessageFacts, RateStore } from "../../../src/guidelines/types.js";

let counter = 0;

export function fakeContext(baseDir = process.cwd(), instanceId = `test/rule:${++counter}`): CompileContext {
  return {
    baseDir,
    path: ["when"],
    instanceId,
    compileChild() {
      throw new Error("no nested conditions in unit tests");
    },
    readList(ref) {
      const file = path.resolve(baseDir, ref);
      return readFileSync(path.extname(file) ? file : `${file}.txt`, "utf8")
        .split(/\r?\n/)
        .map((l) => l.trim())
        .filter((l) => l && !l.startsWith("#"));
    },
    fail(message, fix) {
      throw new Error(fix ? `${message} (${fix})` : message);
    },
  };
}

/** Compile a condition's YAML value through its schema, as the loader would. */
export function compile<D extends ConditionDefinition>(def: D, config: unknown, ctx: CompileContext = fakeContext()): CompiledCondition {
  const parsed = def.schema.parse(config);
  return def.compile(parsed, ctx);
}

export interface MessageOptions {
  at?: number;
  member?: Partial<MemberFacts>;
  community?: Partial<CommunityFacts>;
  channel?: string;
  mentions?: number;
  mentionsEveryone?: boolean;
  attachments?: number;
  rates?: RateStore;
}

const T0 = Date.UTC(2026, 0, 1);

export function message(text: string, o: MessageOptions = {}): EvalInput {
  const at = o.at ?? T0;
  const msg: MessageFacts = {
    id: `m${++counter}`,
    community: "c1",
    channel: o.channel ?? "general",
    at,
    text,
    attachments: o.attachments ?? 0,
    mentions: o.mentions ?? 0,
    mentionsEveryone: o.mentionsEveryone ?? false,
  };
  return new MessageInput(msg, establishedMember(at, o.member), defaultCommunity(o.community), o.rates ?? new MemoryRateStore());
}
