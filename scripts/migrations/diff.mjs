#!/usr/bin/env node
// Drift check between the committed migrations and prisma/schema.prisma (Prisma 6 WASM engine).
//   node scripts/migrations/diff.mjs          prints the SQL a new migration would contain
//   node scripts/migrations/diff.mjs --check  exits 1 (and prints that SQL) when they differ
import { diffMigrationsToSchema } from "./prisma6.mjs";

const check = process.argv.includes("--check");
const sql = await diffMigrationsToSchema();
if (!sql) {
  console.error("steward: migrations match schema.prisma");
  process.exit(0);
}
if (check) {
  console.error("steward: schema.prisma has changes that no migration contains; run `node scripts/migrations/new.mjs <name>`:\n");
  console.error(sql);
  process.exit(1);
}
console.log(sql);
