// Errors the store throws on purpose, with messages meant for the person running Steward.

/** Another process (or this one) already has the data folder open. */
export class StoreLockedError extends Error {
  override readonly name = "StoreLockedError";
  constructor(
    message: string,
    readonly dataDir: string,
    readonly pid: number | undefined,
  ) {
    super(message);
  }
}

/** A migration file failed to apply; nothing of it was kept (each runs in a transaction). */
export class MigrationError extends Error {
  override readonly name = "MigrationError";
  constructor(
    readonly migration: string,
    readonly file: string,
    cause: unknown,
  ) {
    super(`migration ${migration} failed (${file}): ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
  }
}
