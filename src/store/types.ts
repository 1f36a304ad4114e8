// The store's public shapes (re-exported from index.ts).
import type { PrismaClient } from "./generated/client.js";
import type { MigrateResult } from "./migrations.js";

/** pino-compatible: `logger.info({ ms: 12 }, "applied migration")` or `logger.info("text")`. */
export interface StoreLogger {
  info(obj: object | string, msg?: string): void;
  warn(obj: object | string, msg?: string): void;
}

export interface StoreOptions {
  /** Folder for the embedded database and its lock (default "./data"). Ignored with databaseUrl. */
  dataDir?: string;
  /** PostgreSQL URL; `?schema=name` selects a schema, as with Prisma. Never logged unredacted. */
  databaseUrl?: string;
  logger?: StoreLogger;
  /** Where the migration folders are; defaults to the repository's prisma/migrations. */
  migrationsDir?: string;
}

export interface Store {
  readonly prisma: PrismaClient;
  readonly kind: "pglite" | "postgres";
  /** The data folder, "memory", or the database URL with its password replaced by ***. */
  readonly location: string;
  /** What opening did to the schema. */
  readonly migrations: MigrateResult;
  /** Disconnects, closes the database and releases the data folder; safe to call twice. */
  close(): Promise<void>;
}

export type { MigrateResult };
