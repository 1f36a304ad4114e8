// Validates and compiles one `when:` (recursively through all/any/not): dispatches on the one
// key, checks the value with that condition's schema, then lets the condition compile with a
// CompileContext. Every problem is recorded (not thrown) so all of them can be reported; a
// condition that failed compiles to "never true" so the rest can still be checked.
import type { CommunityFacts, CompileContext, CompiledCondition, ConditionDefinition, Match } from "../types.js";
import { conditionRegistry } from "../conditions/index.js";
import { didYouMean } from "./suggest.js";
import { fromZodIssues, describeValue } from "./zod-issues.js";
import type { RawIssue } from "./raw-issue.js";
import { formatPath } from "./errors.js";
import { ListMissing, type ListReader } from "./lists.js";
import type { YamlFile } from "./yaml.js";

type Path = readonly (string | number)[];

export interface CompileEnv {
  yaml: YamlFile;
  baseDir: string;
  lists: ListReader;
  /** The file's `lists:` names. */
  namedLists: Readonly<Record<string, string>>;
  community?: CommunityFacts;
  /** Conditions besides the registry's (tests, plugins); they win on a name clash. */
  extraConditions?: readonly ConditionDefinition[];
  issues: RawIssue[];
}

/** Thrown by ctx.fail (and for a missing list); caught at the condition that raised it. */
class CompileFailure extends Error {
  constructor(readonly issue: RawIssue) {
    super(issue.message);
  }
}

const never: CompiledCondition = { cost: 0, test: (): Match[] | null => null };

const example = "`{ member: { joined_within: 24h } }`";

/**
 * @param path where `value` is in the file, e.g. ["guidelines", 0, "rules", 2, "when"]
 * @param idBase "<guideline>/<rule>", prefix of instance ids (rate keys)
 */
export function compileCondition(value: unknown, path: Path, env: CompileEnv, idBase: string): CompiledCondition {
  const whenDepth = path.length;
  const extra = env.extraConditions ?? [];
  const findCondition = (name: string) => extra.find((c) => c.name === name) ?? conditionRegistry.find((c) => c.name === name);
  const known = () => [...new Set([...extra, ...conditionRegistry].map((c) => c.name))];
  const report = (issue: RawIssue) => {
    env.issues.push(issue);
    return never;
  };

  const compileAt = (v: unknown, at: Path): CompiledCondition => {
    if (v === null || typeof v !== "object" || Array.isArray(v)) {
      if (typeof v === "string" && findCondition(v))
        return report({ path: at, message: `condition \`${v}\` needs a value`, fix: `write \`{ ${v}: ... }\`` });
      if (Array.isArray(v))
        return report({ path: at, message: "a condition is a mapping with one key, got a list", fix: "to require all of them write `all: [ ... ]`; for at least one, `any: [ ... ]`" });
      return report({ path: at, message: `expected a condition (a mapping with one key naming it, e.g. ${example}), got ${describeValue(v)}` });
    }
    const keys = Object.keys(v);
    if (keys.length !== 1) {
      if (!keys.length) return report({ path: at, message: "empty condition", fix: didYouMean("", known(), "conditions") });
      return report({
        path: at,
        message: `a condition has exactly one key, this one has ${keys.length} (${keys.join(", ")})`,
        fix: `to require all of them write \`all: [ ${keys.map((k) => `{ ${k}: ... }`).join(", ")} ]\`; for at least one, \`any: [ ... ]\``,
      });
    }
    const name = keys[0]!;
    const def = findCondition(name);
    const here = [...at, name];
    if (!def) return report({ path: here, at: "key", message: `unknown condition \`${name}\``, fix: didYouMean(name, known(), "conditions") });
    const config = (v as Record<string, unknown>)[name];
    const parsed = def.schema.safeParse(config);
    if (!parsed.success) {
      for (const i of fromZodIssues(parsed.error.issues, def.schema, config, here)) env.issues.push(i);
      return never;
    }
    const ctx: CompileContext = {
      baseDir: env.baseDir,
      path: here,
      community: env.community,
      instanceId: `${idBase}:${formatPath(here.slice(whenDepth - 1))}`,
      compileChild: (child, suffix) => compileAt(child, [...here, ...suffix]),
      readList(ref) {
        try {
          return env.lists.read(ref, env.baseDir, env.namedLists);
        } catch (e) {
          if (!(e instanceof ListMissing)) throw e;
          throw new CompileFailure({
            path: env.yaml.findScalar(here, ref) ?? here,
            message: `list \`${ref}\` not found (looked for ${e.tried.join(", ")})`,
            fix: "create the file (one entry a line, `#` for comments) or correct the name; paths are relative to the guideline file's folder",
          });
        }
      },
      fail(message, fix, suffix = []) {
        const issue: RawIssue = { path: [...here, ...suffix], message };
        if (fix) issue.fix = fix;
        throw new CompileFailure(issue);
      },
    };
    try {
      const compiled = def.compile(parsed.data, ctx);
      if (!compiled || typeof compiled.test !== "function" || typeof compiled.cost !== "number")
        return report({ path: here, message: `condition \`${name}\` did not compile to a condition (a bug in ${name})` });
      return compiled;
    } catch (e) {
      if (e instanceof CompileFailure) return report(e.issue);
      return report({ path: here, message: `condition \`${name}\` could not be compiled: ${e instanceof Error ? e.message : String(e)}` });
    }
  };

  return compileAt(value, path);
}
