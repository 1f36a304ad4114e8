// Registers Steward's commands in a guild, only when they changed: the definitions Discord has
// (GET) are normalised and hashed like ours, and the PUT (a bulk overwrite) is skipped when the
// hashes match. Restarts therefore cost one GET per guild, and no command ids change.
import { createHash } from "node:crypto";
import { Routes, type REST } from "discord.js";
import type { CommandJson, OptionJson } from "./definitions.js";

function normalOption(o: Partial<OptionJson> & Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { type: o.type, name: o.name, description: o.description ?? "", required: o.required === true };
  for (const k of ["min_value", "max_value", "max_length"] as const) if (o[k] !== undefined && o[k] !== null) out[k] = o[k];
  if (Array.isArray(o.options) && o.options.length) out.options = o.options.map((x) => normalOption(x as OptionJson & Record<string, unknown>));
  return out;
}

function normalCommand(c: Partial<CommandJson> & Record<string, unknown>): Record<string, unknown> {
  return {
    type: c.type ?? 1,
    name: c.name,
    description: c.description ?? "",
    default_member_permissions: c.default_member_permissions ?? null,
    options: Array.isArray(c.options) ? c.options.map((o) => normalOption(o as OptionJson & Record<string, unknown>)) : [],
  };
}

/** A hash of what matters in a list of commands (order-insensitive; ids, versions and Discord's defaults ignored). */
export function commandsHash(commands: readonly object[]): string {
  const normal = commands.map((c) => normalCommand(c as Partial<CommandJson> & Record<string, unknown>)).sort((a, b) => `${a.type}:${a.name}`.localeCompare(`${b.type}:${b.name}`));
  return createHash("sha256").update(JSON.stringify(normal)).digest("hex");
}

export type RegisterResult = "unchanged" | "registered";

export async function registerGuildCommands(rest: REST, applicationId: string, guildId: string, commands: readonly CommandJson[]): Promise<RegisterResult> {
  const route = Routes.applicationGuildCommands(applicationId, guildId);
  const current = (await rest.get(route)) as object[];
  if (commandsHash(current) === commandsHash(commands)) return "unchanged";
  await rest.put(route, { body: commands });
  return "registered";
}
