// PostgreSQL connection details: the `?schema=` parameter (a Prisma convention that pg does not
// know), session settings, and URL redaction for logs.
import pg from "pg";

export interface PgTarget {
  /** The URL without `schema`, for pg. */
  connectionString: string;
  schema: string | undefined;
  /** Safe to log. */
  shown: string;
}

export function parseDatabaseUrl(url: string): PgTarget {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new Error(`steward: databaseUrl is not a valid URL (${redactDatabaseUrl(url)})`);
  }
  if (u.protocol !== "postgresql:" && u.protocol !== "postgres:") {
    throw new Error(`steward: databaseUrl must start with postgresql:// (got ${u.protocol}//…)`);
  }
  const schema = u.searchParams.get("schema") ?? undefined;
  if (schema !== undefined && !/^[A-Za-z_][A-Za-z0-9_]{0,62}$/.test(schema)) {
    throw new Error(`steward: schema "${schema}" in databaseUrl must be a plain identifier (letters, digits, _)`);
  }
  u.searchParams.delete("schema");
  return { connectionString: u.toString(), schema, shown: redactDatabaseUrl(url) };
}

/** postgresql://steward:***@db:5432/steward?schema=x — the password (in userinfo or query) hidden. */
export function redactDatabaseUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    for (const key of [...u.searchParams.keys()]) {
      if (/pass|secret|token|key/i.test(key) && key !== "schema") u.searchParams.set(key, "***");
    }
    return u.toString().replace("%2A%2A%2A", "***");
  } catch {
    return "(unparseable database URL)";
  }
}

/**
 * Session settings for every connection. TimeZone=UTC matters: @prisma/adapter-pg reads a
 * timestamptz by replacing its offset with +00:00, which is only right when the session is UTC.
 */
export function poolConfig(t: PgTarget): pg.PoolConfig {
  const options = ["-c TimeZone=UTC", t.schema ? `-c search_path=${t.schema}` : ""].filter(Boolean).join(" ");
  return { connectionString: t.connectionString, options, max: 10, connectionTimeoutMillis: 15_000 };
}
