// Driver adapter factory for Prisma 6's WASM schema engine on in-process PGlite. Used only by the
// migration tools in this folder, in a throwaway CLI process.
// pglite-prisma-adapter does the type mapping; fixes on top of it for the schema engine:
// - the engine sends a whole migration file as one argument-less executeRaw, which the extended
//   query protocol rejects (several statements), so those go to PGlite.exec;
// - executeScript is awaited so that errors surface;
// - the CLI never disposes its adapters, and Postgres inside PGlite arms a 10 s idle-stats timer
//   that would keep the process alive after the CLI is done: such timers are unref'd.
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";

unrefPgliteTimers();

export function pgliteMigrationAdapter({ mainDir } = {}) {
  // Without a folder, main and shadow database are one in-memory instance: the engine only asks
  // the main one for its version, and each PGlite start costs seconds.
  let scratchDb;
  const open = async (dataDir) => {
    const db = dataDir ? new PGlite({ dataDir }) : (scratchDb ??= new PGlite());
    await db.waitReady;
    const inner = await new PrismaPGlite(db).connect();
    return wrap(inner, db);
  };
  return {
    provider: "postgres",
    adapterName: "steward-pglite-migrations",
    connect: () => open(mainDir),
    connectToShadowDb: () => open(undefined),
  };
}

function wrap(inner, db) {
  const adapter = Object.create(inner);
  adapter.executeRaw = async (query) => {
    if (query.args.length === 0) {
      await db.exec(query.sql);
      return 0;
    }
    return inner.executeRaw(query);
  };
  adapter.executeScript = async (script) => {
    await db.exec(script);
  };
  adapter.dispose = async () => {
    if (!db.closed) await db.close();
  };
  return adapter;
}

function unrefPgliteTimers() {
  const original = globalThis.setTimeout;
  globalThis.setTimeout = function (fn, ms, ...args) {
    const timer = original(fn, ms, ...args);
    if (ms >= 1000 && new Error().stack?.includes("setitimer")) timer.unref?.();
    return timer;
  };
}
