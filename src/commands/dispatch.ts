// Runs one command: finds it, checks the invoker's access, validates the options, calls the handler.
import { reply, type CommandReply } from "../core/reply.js";
import type { CommandContext } from "./context.js";
import { checkAccess } from "./guard.js";
import { optionsSchema } from "./options.js";
import { findCommand, COMMANDS } from "./registry.js";

export interface Dispatched {
  reply: CommandReply;
  /** The command's name when it exists ("case show"). */
  command?: string;
}

export async function dispatchCommand(ctx: CommandContext, name: string, rawOptions: Record<string, unknown>): Promise<Dispatched> {
  const def = findCommand(name);
  if (!def) {
    const known = COMMANDS.map((c) => c.name).join(", ");
    return { reply: reply({ title: "Unknown command", lines: [`Steward has no command "${name}". Commands: ${known}.`], tone: "error" }) };
  }
  const denied = checkAccess(ctx, def);
  if (denied) return { reply: denied, command: def.name };
  const missing = Object.entries(def.options).filter(([k, o]) => o.meta.required && (rawOptions[k] === undefined || rawOptions[k] === null));
  if (missing.length) {
    const lines = missing.map(([k, o]) => `${k} is required: ${o.meta.description}`);
    return { reply: reply({ title: `/${def.name}: missing option${missing.length > 1 ? "s" : ""}`, lines, tone: "error" }), command: def.name };
  }
  const parsed = optionsSchema(def.options).safeParse(rawOptions);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => {
      const field = i.path.join(".");
      if (i.code === "unrecognized_keys") return `unknown option${i.keys.length > 1 ? "s" : ""} ${i.keys.join(", ")}`;
      return field ? `${field}: ${i.message}` : i.message;
    });
    return { reply: reply({ title: `/${def.name}: invalid options`, lines, tone: "error" }), command: def.name };
  }
  return { reply: await def.run(ctx, parsed.data as never), command: def.name };
}
