// steward rules check|test|schema: validate guideline files, run their YAML tests, print the schema.
import path from "node:path";
import type { Command } from "commander";
import type { Io } from "../io.js";
import { requireDir } from "../shared.js";
import { rulesCheck, formatCheckReport } from "../../guidelines/loader/check.js";
import { rulesTest, formatTestReport } from "../../guidelines/testing/index.js";
import { defaultRulesDir } from "../../guidelines/library.js";

const dirOf = (dir: string | undefined) => requireDir(path.resolve(dir ?? defaultRulesDir()), "rules folder");

export function registerRules(program: Command, io: Io): void {
  const rules = program.command("rules").description("validate and test guideline files");
  rules
    .command("check")
    .description("validate every guideline file (and rule tests file) in a folder; every problem with file:line:column and a fix")
    .argument("[dir]", "rules folder (default: STEWARD_RULES_DIR or the bundled rules/)")
    .action(async (dir?: string) => {
      const report = await rulesCheck(dirOf(dir));
      (report.ok ? io.out : io.err).write(formatCheckReport(report) + "\n");
      if (!report.ok) io.exitCode = 1;
    });
  rules
    .command("test")
    .description("run the YAML tests beside the guideline files (<name>.tests.yaml)")
    .argument("[dir]", "rules folder (default: STEWARD_RULES_DIR or the bundled rules/)")
    .option("--verbose", "list every case, not only failures")
    .action(async (dir: string | undefined, opts: { verbose?: boolean }) => {
      const report = await rulesTest(dirOf(dir));
      io.out.write(formatTestReport(report, { verbose: Boolean(opts.verbose) }) + "\n");
      if (!report.ok) io.exitCode = 1;
    });
}
