// A plain-text description of the current schema's structure, for comparing two databases.
// Everything is read from the catalog of current_schema() and the schema's own name is removed,
// so two databases in different PostgreSQL schemas compare equal when their structure does.
import type { PrismaClient } from "../../src/store/index.js";

export interface Catalog {
  enums: string[];
  columns: string[];
  indexes: string[];
  constraints: string[];
}

export async function catalogOf(prisma: PrismaClient): Promise<Catalog> {
  const [{ schema } = { schema: "public" }] = await prisma.$queryRawUnsafe<{ schema: string }[]>(`SELECT current_schema()::text AS schema`);
  const strip = (s: string) => s.split(`"${schema}".`).join("").split(`${schema}.`).join("");
  const lines = async (sql: string) => (await prisma.$queryRawUnsafe<{ line: string }[]>(sql, schema)).map((r) => strip(r.line)).sort();
  return {
    enums: await lines(`
      SELECT (t.typname || ': ' || string_agg(e.enumlabel, ', ' ORDER BY e.enumsortorder))::text AS line
      FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace
      WHERE n.nspname = $1 GROUP BY t.typname`),
    columns: await lines(`
      SELECT (table_name || '.' || column_name || ' ' || udt_name
        || coalesce('(' || character_maximum_length || ')', '') || coalesce(' p' || datetime_precision, '')
        || CASE WHEN is_nullable = 'NO' THEN ' not null' ELSE '' END
        || coalesce(' default ' || column_default, '') || ' #' || ordinal_position)::text AS line
      FROM information_schema.columns WHERE table_schema = $1`),
    indexes: await lines(`SELECT indexdef::text AS line FROM pg_indexes WHERE schemaname = $1`),
    constraints: await lines(`
      SELECT (c.relname || ' ' || k.conname || ' ' || pg_get_constraintdef(k.oid))::text AS line
      FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid JOIN pg_namespace n ON n.oid = k.connamespace
      WHERE n.nspname = $1`),
  };
}
