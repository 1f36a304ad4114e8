// Which files a source names: a folder means its guideline files (not recursive; `*.tests.yaml`
// are rule tests, not guidelines), a file means itself.
import { readdir, stat } from "node:fs/promises";
import path from "node:path";
import { bundledPath } from "../../util/paths.js";
import type { GuidelineIssue } from "./errors.js";

export const isTestsFile = (name: string) => /\.tests\.ya?ml$/i.test(name);
export const isGuidelineFile = (name: string) => /\.ya?ml$/i.test(name) && !isTestsFile(name);

/** `<repo>/rules`, or STEWARD_RULES_DIR. */
export function defaultRulesDir(): string {
  return process.env.STEWARD_RULES_DIR ?? bundledPath("rules");
}

/** Relative to the working folder when inside it, else absolute: what a terminal can open. */
export function displayPath(abs: string): string {
  const rel = path.relative(process.cwd(), abs);
  return rel && !rel.startsWith("..") && !path.isAbsolute(rel) ? rel : abs;
}

export async function filesIn(dir: string, accept: (name: string) => boolean): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && accept(e.name))
    .map((e) => path.join(dir, e.name))
    .sort();
}

export interface Sources {
  files: string[];
  /** Folder that GuidelineInfo.file is relative to. */
  root: string;
  issues: GuidelineIssue[];
}

function commonDir(files: readonly string[]): string {
  if (!files.length) return process.cwd();
  let dir = path.dirname(files[0]!);
  for (const f of files) while (!f.startsWith(dir + path.sep) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return dir;
}

export async function expandSources(source: string | readonly string[]): Promise<Sources> {
  const list = typeof source === "string" ? [source] : source;
  const files: string[] = [];
  const issues: GuidelineIssue[] = [];
  let singleDir: string | undefined;
  for (const s of list) {
    const abs = path.resolve(s);
    const st = await stat(abs).catch(() => undefined);
    if (!st) issues.push({ file: displayPath(abs), line: 0, column: 0, path: "", message: "not found" });
    else if (st.isDirectory()) {
      files.push(...(await filesIn(abs, isGuidelineFile)));
      if (list.length === 1) singleDir = abs;
    } else files.push(abs);
  }
  return { files: [...new Set(files)], root: singleDir ?? commonDir(files), issues };
}
