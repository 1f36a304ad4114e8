// The `steward` command line. Each command lives in its own file under commands/; this file
// wires them into one parser and turns expected failures into one-line errors and exit codes.
import { Command, CommanderError } from "commander";
import { registerStart } from "./commands/start.js";
import { registerReplay } from "./commands/replay.js";
import { registerMigrate } from "./commands/migrate.js";
import { registerCheck } from "./commands/check.js";
import { registerRules } from "./commands/rules.js";
import { registerSchema } from "./commands/schema.js";
import { registerEval } from "./commands/eval.js";
import { registerBacktest } from "./commands/backtest.js";
import { registerFacebook } from "./commands/facebook.js";
import { registerCustomers } from "./commands/customers.js";
import { registerTestimonials } from "./commands/testimonials.js";
import { registerLinks } from "./commands/links.js";
import { registerOrders } from "./commands/orders.js";
import { registerKpi } from "./commands/kpi.js";
import { registerDigest } from "./commands/digest.js";
import { registerReport } from "./commands/report.js";
import { UserError, type Io, processIo } from "./io.js";
import { maskSecrets } from "../log.js";

export function buildProgram(io: Io): Command {
  const program = new Command("steward")
    .description("Community steward bot: guidelines as code, moderation, onboarding and insights for customer communities.")
    .version(io.version, "-V, --version")
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.out.write(s),
      writeErr: (s) => io.err.write(s),
      outputError: (s, write) => write(s.replace(/^error: /, "steward: ")),
    });
  for (const register of [registerStart, registerReplay, registerMigrate, registerCheck, registerRules, registerEval, registerBacktest, registerSchema]) register(program, io);
  registerFacebook(program, io);
  registerCustomers(program, io);
  registerTestimonials(program, io);
  registerLinks(program, io);
  registerOrders(program, io);
  registerKpi(program, io);
  registerDigest(program, io);
  registerReport(program, io);
  return program;
}

/** Runs the CLI and returns the exit code. Never throws for user mistakes. */
export async function runCli(argv: string[], io: Io = processIo()): Promise<number> {
  const program = buildProgram(io);
  try {
    await program.parseAsync(argv, { from: "user" });
    return io.exitCode ?? 0;
  } catch (e) {
    if (e instanceof CommanderError) {
      // --help and --version exit through here with code 0.
      return e.exitCode;
    }
    if (e instanceof UserError) {
      io.err.write(`steward: ${maskSecrets(e.message)}\n`);
      return e.exitCode;
    }
    io.err.write(`steward: unexpected error: ${maskSecrets((e as Error).stack ?? String(e))}\n`);
    return 70;
  }
}
