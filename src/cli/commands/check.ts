// steward check "<text>": which rules match a text and why, with the matched spans.
import type { Command } from "commander";
import type { Io } from "../io.js";
import { UserError } from "../io.js";
import { addRulesOption, rulesDirFrom, type CommonOptions } from "../shared.js";
import { checkText, formatCheck } from "../../guidelines/explain.js";
import { GuidelineError } from "../../guidelines/loader/index.js";

interface CheckCliOptions extends CommonOptions {
  json?: boolean;
  joined?: string;
  messages?: string;
  roles?: string;
  channel?: string;
}

export function registerCheck(program: Command, io: Io): void {
  const cmd = program
    .command("check")
    .description("explain which rules match a text and why (as if posted by an established member in #general)")
    .argument("<text>", "the message text")
    .option("--json", "print the result as one JSON object")
    .option("--joined <duration>", "the author joined this long ago, e.g. 2h (default 365d)")
    .option("--messages <n>", "messages the author posted before (default 100)")
    .option("--roles <list>", "the author's roles, comma-separated")
    .option("--channel <name>", "the channel (default general)");
  addRulesOption(cmd);
  cmd.action(async (text: string, opts: CheckCliOptions) => {
    const member = {
      ...(opts.joined ? { joined: opts.joined } : {}),
      ...(opts.messages ? { messages: Number(opts.messages) } : {}),
      ...(opts.roles ? { roles: opts.roles.split(",").map((r) => r.trim()).filter(Boolean) } : {}),
    };
    const context = { ...(Object.keys(member).length ? { member } : {}), ...(opts.channel ? { channel: opts.channel } : {}) };
    try {
      const result = await checkText(text, { rulesDir: rulesDirFrom(opts, io), context });
      io.out.write(opts.json ? JSON.stringify(result) + "\n" : formatCheck(result) + "\n");
    } catch (e) {
      if (e instanceof GuidelineError) throw new UserError(`invalid guidelines:\n${e.format()}`, 65);
      if (e instanceof Error && e.name === "ZodError") throw new UserError(`invalid context: ${e.message}`, 64);
      throw e;
    }
  });
}
