// steward backtest EVENTS.jsonl --rules NEW [--against OLD]: replays history without acting
// and shows what a rule change would have done differently.
import path from "node:path";
import type { Command } from "commander";
import type { Io } from "../io.js";
import { env, loadLibrary, loadSettings, requireDir, requireFile } from "../shared.js";
import { runBacktest, formatBacktest } from "../../platforms/replay/backtest.js";
import { defaultRulesDir } from "../../guidelines/library.js";

export function registerBacktest(program: Command, io: Io): void {
  program
    .command("backtest")
    .description("replay an event log with a new rule set, without acting: per-rule hits and the decisions that differ from the old set")
    .argument("<events>", "JSONL event log")
    .requiredOption("--rules <dir>", "the new guidelines folder")
    .option("--against <dir>", "the guidelines to compare with (default: the bundled rules/)")
    .option("--communities <dir>", "folder of community settings files")
    .option("--samples <n>", "differences to show per rule", "3")
    .option("--json", "print the result as one JSON object")
    .action(async (events: string, opts: { rules: string; against?: string; communities?: string; samples: string; json?: boolean }) => {
      const e = env(io);
      const file = requireFile(path.resolve(events), "event log");
      const next = await loadLibrary(requireDir(path.resolve(opts.rules), "rules folder"));
      const prev = await loadLibrary(requireDir(path.resolve(opts.against ?? defaultRulesDir()), "rules folder"));
      const settings = await loadSettings(opts, io, e);
      const result = await runBacktest({ file, next, prev, settings, err: io.err });
      io.out.write(opts.json ? JSON.stringify(result) + "\n" : formatBacktest(result, Math.max(0, Number(opts.samples) || 0)));
    });
}
