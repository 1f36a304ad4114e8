// Loading guideline files into a GuidelineSet. Everything is validated and compiled here, once;
// every problem found is reported together in one GuidelineError.
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { CommunityFacts, ConditionDefinition } from "../types.js";
import type { LoadedGuidelineSet } from "../engine.js";
import { assemble } from "./assemble.js";
import { GuidelineError, type GuidelineIssue } from "./errors.js";
import { loadGuidelineFile, type FileResult } from "./file.js";
import { ListReader } from "./lists.js";
import { displayPath, expandSources } from "./sources.js";

export { GuidelineError, formatIssue, summarizeIssues, type GuidelineIssue } from "./errors.js";
export { defaultRulesDir, isGuidelineFile, isTestsFile } from "./sources.js";
export type { LoadedGuidelineSet, LoadedRule } from "../engine.js";

export interface LoadOptions {
  /** Given to conditions at compile time (CompileContext.community). */
  community?: CommunityFacts;
  /** Further folders where list files are looked for, after the guideline file's folder. */
  listDirs?: string[];
  /** Conditions to know besides the registry's (tests, plugins); they win on a name clash. */
  conditions?: readonly ConditionDefinition[];
}

export interface TextLoadOptions extends LoadOptions {
  /** Folder relative list paths resolve from; default: the folder of fileName. */
  baseDir?: string;
}

/** Reads every file first, then compiles; problems from all files are reported together. */
export async function loadFileResults(source: string | readonly string[], options: LoadOptions = {}): Promise<{ results: FileResult[]; issues: GuidelineIssue[] }> {
  const sources = await expandSources(source);
  const lists = new ListReader(options.listDirs);
  const issues = [...sources.issues];
  const results: FileResult[] = [];
  for (const abs of sources.files) {
    const file = displayPath(abs);
    let text: string;
    try {
      text = await readFile(abs, "utf8");
    } catch (e) {
      issues.push({ file, line: 0, column: 0, path: "", message: `cannot read: ${(e as Error).message}` });
      continue;
    }
    results.push(
      loadGuidelineFile({
        text,
        file,
        infoFile: path.relative(sources.root, abs) || path.basename(abs),
        baseDir: path.dirname(abs),
        lists,
        community: options.community,
        extraConditions: options.conditions,
      }),
    );
  }
  return { results, issues };
}

/**
 * Loads a folder of guideline files (not `*.tests.yaml`), or the given files.
 * @throws GuidelineError listing every problem (file:line:column, field, fix).
 */
export async function loadGuidelines(source: string | readonly string[], options: LoadOptions = {}): Promise<LoadedGuidelineSet> {
  const { results, issues } = await loadFileResults(source, options);
  return assemble(results, issues);
}

/** Like loadGuidelines, but the problems come back as issues (no set when there are any). */
export async function tryLoadGuidelines(source: string | readonly string[], options: LoadOptions = {}): Promise<{ set?: LoadedGuidelineSet; issues: GuidelineIssue[] }> {
  try {
    return { set: await loadGuidelines(source, options), issues: [] };
  } catch (e) {
    if (!(e instanceof GuidelineError)) throw e;
    return { issues: [...e.issues] };
  }
}

/** Loads one guideline file given as text (tests, tools). @throws GuidelineError */
export function loadGuidelinesFromText(yamlText: string, fileName: string, options: TextLoadOptions = {}): LoadedGuidelineSet {
  const result = loadGuidelineFile({
    text: yamlText,
    file: fileName,
    infoFile: path.basename(fileName),
    baseDir: options.baseDir ?? path.dirname(path.resolve(fileName)),
    lists: new ListReader(options.listDirs),
    community: options.community,
    extraConditions: options.conditions,
  });
  return assemble([result]);
}
