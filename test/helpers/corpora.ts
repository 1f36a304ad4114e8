// The labelled corpora live beside the repository in ../shared/corpora (CI always has them;
// a user's clone does not). Tests that need them skip with a message saying so.
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import path from "node:path";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const corporaDir = process.env.STEWARD_CORPORA ?? path.resolve(repoRoot, "../shared/corpora");
export const haveCorpora = existsSync(path.join(corporaDir, "SOURCES.md"));
export const noCorporaReason = `skipped: labelled corpora not found at ${corporaDir} (set STEWARD_CORPORA or place shared/corpora beside the repository)`;

export function corpus(name: string): string {
  return path.join(corporaDir, name);
}

if (!haveCorpora && !process.env.STEWARD_QUIET_SKIPS) {
  // Printed once per test file that imports this helper.
  console.warn(noCorporaReason);
}
