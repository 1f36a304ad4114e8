// The `steward eval` command:
//   steward eval FILE.jsonl [--rules DIR] [--json] [--positive spam,OFF] [--guidelines a,b]
// stdout: the table, or with --json exactly one JSON object; stderr: bad lines (file:line: reason).
// Exit 0, or 65 when no line could be judged.
import type { Command } from "commander";
import { UserError, type Io } from "../io.js";
import { addRulesOption, requireFile, rulesDirFrom, type CommonOptions } from "../shared.js";
import { GuidelineError } from "../../guidelines/loader/index.js";
import { evalReportJson, formatBadLine, formatEvalReport } from "../../guidelines/eval/format.js";
import { runEval } from "../../guidelines/eval/run.js";

interface EvalCliOptions extends CommonOptions {
  json?: boolean;
  positive?: string;
  guidelines?: string;
}

const list = (s: string | undefined) => (s ?? "").split(",").map((x) => x.trim()).filter(Boolean);

export function registerEval(program: Command, io: Io): void {
  const cmd = program
    .command("eval")
    .description("measure the guidelines on a labelled JSON-lines file: precision, recall and F1 overall and per guideline")
    .argument("<file>", 'JSON lines: {"text", "violates": [guideline ids]} ([] = clean) or {"text", "label"} with --positive')
    .option("--json", "print exactly one JSON object: {total, any, guidelines, messagesPerSecond}")
    .option("--positive <labels>", "labels counted as positive on lines with \"label\", comma-separated (e.g. spam or OFF)")
    .option("--guidelines <ids>", "count only these guidelines, comma-separated");
  addRulesOption(cmd);
  cmd.action(async (file: string, opts: EvalCliOptions) => {
    let report;
    try {
      report = await runEval({
        file: requireFile(file, "eval file"),
        rulesDir: rulesDirFrom(opts, io),
        positive: list(opts.positive),
        guidelines: list(opts.guidelines),
      });
    } catch (e) {
      if (e instanceof GuidelineError) throw new UserError(`invalid guidelines:\n${e.format()}`, 65);
      throw e;
    }
    if (opts.json) {
      for (const b of report.skipped) io.err.write(formatBadLine(file, b) + "\n");
      io.out.write(JSON.stringify(evalReportJson(report)) + "\n");
    } else {
      io.out.write(formatEvalReport(report, { badLines: false }) + "\n");
      for (const b of report.skipped) io.err.write(formatBadLine(file, b) + "\n");
      if (report.skipped.length) io.err.write(`${report.skipped.length} bad line${report.skipped.length === 1 ? "" : "s"} skipped\n`);
    }
    if (report.total === 0) throw new UserError(`no line of ${file} could be judged`, 65);
  });
}
