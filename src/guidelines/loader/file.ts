// One guideline file: YAML → structure check → per-rule condition compile. Problems are all
// collected (a structure error does not stop the conditions from being checked).
import type { Consequence, Escalation, Exemptions, GuidelineInfo, RuleInfo } from "../api.js";
import type { CommunityFacts, ConditionDefinition } from "../types.js";
import { guidelineFileSchema, type GuidelineFileSpec, type RuleSpec } from "../schema.js";
import { DEFAULT_ESCALATION, type EngineRule } from "../engine.js";
import { compileCondition } from "./compile.js";
import type { GuidelineIssue } from "./errors.js";
import type { ListReader } from "./lists.js";
import type { RawIssue } from "./raw-issue.js";
import { parseYaml, topLevelProblem, type YamlFile } from "./yaml.js";
import { fromZodIssues } from "./zod-issues.js";

export interface Place {
  file: string;
  line: number;
}

export interface LoadedGuideline {
  info: GuidelineInfo;
  rules: EngineRule[];
}

export interface FileResult {
  file: string;
  issues: GuidelineIssue[];
  /** Guideline ids with where they are, read even when the file has other problems. */
  ids: { id: string; place: Place; path: (string | number)[] }[];
  yaml?: YamlFile;
  /** Set only when the file has no issues. */
  guidelines: LoadedGuideline[];
  escalation?: { value: Escalation; place: Place };
  exempt: Exemptions;
}

export interface FileInput {
  text: string;
  /** As shown in messages. */
  file: string;
  /** GuidelineInfo.file (relative to the rules folder). */
  infoFile: string;
  baseDir: string;
  lists: ListReader;
  community?: CommunityFacts;
  extraConditions?: readonly ConditionDefinition[];
}

const PUNITIVE = new Set<Consequence["kind"]>(["delete", "warn", "timeout", "kick", "ban"]);
const DEFAULT_COOLDOWN_MS = 60_000;

function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}

function records(v: unknown): Record<string, unknown>[] {
  return Array.isArray(v) ? v.map((x) => (isRecord(x) ? x : {})) : [];
}

/** A compact one-line rendering of a `when:` for generated explanations. */
export function summarizeWhen(v: unknown, top = true): string {
  let s: string;
  if (Array.isArray(v)) s = `[${v.map((x) => summarizeWhen(x, false)).join(", ")}]`;
  else if (isRecord(v)) {
    const body = Object.entries(v).map(([k, x]) => `${k}: ${summarizeWhen(x, false)}`).join(", ");
    s = top && Object.keys(v).length === 1 ? body : `{${body}}`;
  } else if (typeof v === "string") s = /^[\w.\-/ @#]*$/.test(v) && v ? v : JSON.stringify(v);
  else s = String(v);
  return top && s.length > 120 ? `${s.slice(0, 119)}…` : s;
}

export function loadGuidelineFile(input: FileInput): FileResult {
  const { file } = input;
  const result: FileResult = { file, issues: [], ids: [], guidelines: [], exempt: { roles: [], channels: [] } };
  const parsed = parseYaml(input.text, file);
  if (!parsed.ok) {
    result.issues.push(...parsed.issues);
    return result;
  }
  const yaml = parsed.yaml;
  result.yaml = yaml;
  const top = topLevelProblem(yaml, "guidelines");
  if (top) {
    result.issues.push(top);
    return result;
  }
  const value = yaml.value as Record<string, unknown>;

  const raw: RawIssue[] = [];
  const structure = guidelineFileSchema.safeParse(value);
  if (!structure.success) raw.push(...fromZodIssues(structure.error.issues, guidelineFileSchema, value));

  const place = (path: (string | number)[]): Place => ({ file, line: yaml.position(path).line });
  const namedLists = isRecord(value.lists) ? (Object.fromEntries(Object.entries(value.lists).filter(([, p]) => typeof p === "string")) as Record<string, string>) : {};

  // Ids and conditions are checked from the raw value so they are reported alongside structure errors.
  const compiled = new Map<string, EngineRule["condition"]>();
  records(value.guidelines).forEach((g, gi) => {
    const gid = typeof g.id === "string" ? g.id : `#${gi}`;
    if (typeof g.id === "string") result.ids.push({ id: g.id, place: place(["guidelines", gi]), path: ["guidelines", gi, "id"] });
    const seen = new Map<string, Place>();
    records(g.rules).forEach((r, ri) => {
      const rulePath = ["guidelines", gi, "rules", ri];
      if (typeof r.id === "string") {
        const first = seen.get(r.id);
        const here = place(rulePath);
        if (first)
          raw.push({
            path: [...rulePath, "id"],
            message: `duplicate rule id \`${r.id}\` in guideline \`${gid}\`: ${first.file}:${first.line} and ${here.file}:${here.line}`,
            fix: "give each rule of a guideline its own id",
          });
        else seen.set(r.id, here);
      }
      if (r.when === undefined) return;
      const env = { yaml, baseDir: input.baseDir, lists: input.lists, namedLists, community: input.community, extraConditions: input.extraConditions, issues: raw };
      compiled.set(`${gi}/${ri}`, compileCondition(r.when, [...rulePath, "when"], env, `${gid}/${typeof r.id === "string" ? r.id : `#${ri}`}`));
    });
  });

  if (structure.success) checkLadder(structure.data, raw);
  result.issues.push(...raw.map((i) => yaml.locate(i)));
  if (result.issues.length || !structure.success) return result;

  const spec = structure.data;
  const fileExempt: Exemptions = { roles: spec.exempt?.roles ?? [], channels: spec.exempt?.channels ?? [] };
  result.exempt = fileExempt;
  if (spec.escalation) {
    const ladder = [...spec.escalation.ladder].sort((a, b) => a.at - b.at);
    result.escalation = {
      value: { decayMs: spec.escalation.decay ?? DEFAULT_ESCALATION.decayMs, ladder },
      place: { file, line: yaml.position(["escalation"], "key").line },
    };
  }
  (spec.guidelines ?? []).forEach((g, gi) => {
    const info: GuidelineInfo = { id: g.id, title: g.title, description: g.description, file: input.infoFile };
    const rules = g.rules.map((r, ri): EngineRule => {
      const ruleInfo: RuleInfo = {
        id: r.id,
        explain: r.explain ?? summarizeWhen(r.when),
        then: r.then,
        strikes: r.strikes ?? defaultStrikes(r),
        cooldownMs: r.cooldown ?? DEFAULT_COOLDOWN_MS,
        line: yaml.position(["guidelines", gi, "rules", ri]).line,
      };
      return {
        ref: `${g.id}/${r.id}`,
        guideline: info,
        rule: ruleInfo,
        exempt: {
          roles: [...new Set([...fileExempt.roles, ...(r.exempt?.roles ?? [])])],
          channels: [...new Set([...fileExempt.channels, ...(r.exempt?.channels ?? [])])],
        },
        when: r.when,
        fallback: r.fallback ?? false,
        condition: compiled.get(`${gi}/${ri}`)!,
      };
    });
    result.guidelines.push({ info, rules });
  });
  return result;
}

/** 1 strike when the rule acts against the member (delete, warn, timeout, kick, ban), else 0. */
function defaultStrikes(r: RuleSpec): number {
  return r.then.some((c) => PUNITIVE.has(c.kind)) ? 1 : 0;
}

function checkLadder(spec: GuidelineFileSpec, raw: RawIssue[]): void {
  const seen = new Set<number>();
  spec.escalation?.ladder.forEach((step, i) => {
    if (seen.has(step.at))
      raw.push({ path: ["escalation", "ladder", i, "at"], message: `two ladder steps at ${step.at} strikes`, fix: "give each step its own `at:`" });
    seen.add(step.at);
  });
}
