// Finds prisma/migrations from this module: src/store (tests, tsx) and dist/src/store (built)
// sit at different depths, so walk up to the first folder that has one.
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

let found: string | undefined;

export function defaultMigrationsDir(): string {
  if (found) return found;
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = path.join(dir, "prisma", "migrations");
    if (existsSync(path.join(candidate, "migration_lock.toml"))) return (found = candidate);
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error("steward: cannot find prisma/migrations above " + fileURLToPath(import.meta.url));
    dir = parent;
  }
}
