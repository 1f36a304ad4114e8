// Where Steward's own files are (rules/, examples/), whether running from src/ (tests)
// or dist/ (the installed command): the nearest folder up with Steward's package.json.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

let cached: string | undefined;

export function projectRoot(): string {
  if (cached) return cached;
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const pkg = path.join(dir, "package.json");
    if (existsSync(pkg) && JSON.parse(readFileSync(pkg, "utf8")).name === "steward") return (cached = dir);
    const up = path.dirname(dir);
    if (up === dir) throw new Error("cannot find Steward's package.json above " + fileURLToPath(import.meta.url));
    dir = up;
  }
}

export const bundledPath = (...parts: string[]): string => path.join(projectRoot(), ...parts);
