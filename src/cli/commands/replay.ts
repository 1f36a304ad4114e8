// steward replay FILE.jsonl: the whole pipeline over an event log, on the embedded store.
import path from "node:path";
import { PrismaCustomers } from "../../store/customers.js";
import type { Command } from "commander";
import type { Io } from "../io.js";
import { addRulesOption, addStoreOptions, env, loadLibrary, loadSettings, requireFile, rulesDirFrom, type CommonOptions } from "../shared.js";
import { runReplay, formatSummary } from "../../platforms/replay/run.js";
import { withStore } from "../store.js";
import { createLogger } from "../../log.js";

interface ReplayCliOptions extends CommonOptions {
  json?: boolean;
  memory?: boolean;
}

export function registerReplay(program: Command, io: Io): void {
  const cmd = program
    .command("replay")
    .description("run the whole pipeline over a JSONL event log, with the event times as the clock; actions are recorded, not sent")
    .argument("<file>", "JSONL event log, one event per line")
    .option("--json", "print one JSON object per decision")
    .option("--memory", "use a throwaway in-memory database instead of the data folder");
  addRulesOption(cmd);
  addStoreOptions(cmd);
  cmd.action(async (file: string, opts: ReplayCliOptions) => {
    const e = env(io);
    requireFile(path.resolve(file), "event log");
    const library = await loadLibrary(rulesDirFrom(opts, io));
    const settings = await loadSettings(opts, io, e);
    await library.prepare(settings.all());
    const logger = createLogger({ level: e.LOG_LEVEL === "info" ? "warn" : e.LOG_LEVEL });
    // Ctrl-C stops reading; what was read is written and the database closed properly.
    const stop = new AbortController();
    const onSignal = () => stop.abort();
    process.once("SIGINT", onSignal).once("SIGTERM", onSignal);
    const summary = await withStore({ env: e, dataDir: opts.dataDir, memory: Boolean(opts.memory), logger }, (persistence, store) =>
      runReplay({ file: path.resolve(file), library, settings, persistence, customers: new PrismaCustomers(store.prisma), logger, json: Boolean(opts.json), out: io.out, err: io.err, signal: stop.signal }),
    ).finally(() => process.off("SIGINT", onSignal).off("SIGTERM", onSignal));
    if (summary.interrupted) io.exitCode = 130;
    io.err.write(formatSummary(summary) + "\n");
  });
}
