// The store's public API. Other code imports from here, never from ./generated.
export { openStore, openMemoryStore, migrate, DEFAULT_DATA_DIR } from "./open.js";
export type { Store, StoreOptions, StoreLogger, MigrateResult } from "./types.js";
export { StoreLockedError, MigrationError } from "./errors.js";
export { isUniqueViolation, isNotFound } from "./prisma-errors.js";
export { redactDatabaseUrl } from "./postgres.js";

export { Prisma } from "./generated/client.js";
export type { PrismaClient } from "./generated/client.js";
export type {
  Community,
  Member,
  Strike,
  Case,
  ActionLog,
  ReviewItem,
  DailyActivity,
  MemberDailyActivity,
  ChannelDailyActivity,
} from "./generated/client.js";
export { CaseKind, CaseStatus, ActionStatus, ReviewKind, ReviewStatus } from "./generated/enums.js";

import type { Prisma as P } from "./generated/client.js";
/** The client handed to `prisma.$transaction(async (tx) => …)`. */
export type StoreTransaction = P.TransactionClient;
