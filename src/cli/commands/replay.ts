// steward replay FILE.jsonl: the whole pipeline over an event log, on the embedded store.
import path from "node:path";
import { PrismaCustomers } from "../../store/customers.js";
import type { Command } from "commander";
import type { Io } from "../io.js";
import { addRulesOption, addStoreOptions, env, loadLibrary, loadSettings, requireFile, rulesDirFrom, type CommonOptions } from "../shared.js";
import { runReplay, formatSummary } from "../../platforms/replay/run.js";
import { withStore } from "../store.js";
import { createLogger } from "../../log.js";
import { PrismaOutbox } from "../../store/outbox.js";
import { readCheckpoint } from "../../store/checkpoints.js";
import { UserError } from "../io.js";

interface ReplayCliOptions extends CommonOptions {
  json?: boolean;
  memory?: boolean;
  resume?: boolean;
}

export function registerReplay(program: Command, io: Io): void {
  const cmd = program
    .command("replay")
    .description("run the whole pipeline over a JSONL event log, with the event times as the clock; actions are recorded, not sent")
    .argument("<file>", "JSONL event log, one event per line")
    .option("--json", "print one JSON object per decision")
    .option("--memory", "use a throwaway in-memory database instead of the data folder")
    .option("--resume", "crash-safe: actions go through the outbox, and a run of the same file that was stopped or crashed continues after the last line it wrote");
  addRulesOption(cmd);
  addStoreOptions(cmd);
  cmd.action(async (file: string, opts: ReplayCliOptions) => {
    const e = env(io);
    if (opts.resume && opts.memory) throw new UserError("--resume continues a run kept in the database: it cannot be used with --memory", 64);
    requireFile(path.resolve(file), "event log");
    const library = await loadLibrary(rulesDirFrom(opts, io));
    const settings = await loadSettings(opts, io, e);
    await library.prepare(settings.all());
    const logger = createLogger({ level: e.LOG_LEVEL === "info" ? "warn" : e.LOG_LEVEL });
    // Ctrl-C stops reading; what was read is written and the database closed properly.
    const stop = new AbortController();
    const onSignal = () => stop.abort();
    process.once("SIGINT", onSignal).once("SIGTERM", onSignal);
    const source = path.resolve(file);
    const summary = await withStore({ env: e, dataDir: opts.dataDir, memory: Boolean(opts.memory), logger }, async (persistence, store) =>
      runReplay({
        file: source, library, settings, persistence, customers: new PrismaCustomers(store.prisma), logger, json: Boolean(opts.json), out: io.out, err: io.err, signal: stop.signal,
        ...(opts.resume ? { outbox: { store: new PrismaOutbox(store.prisma) }, resume: { source, after: await readCheckpoint(store.prisma, source) } } : {}),
      }),
    ).finally(() => process.off("SIGINT", onSignal).off("SIGTERM", onSignal));
    if (summary.interrupted) io.exitCode = 130;
    io.err.write(formatSummary(summary) + "\n");
  });
}
