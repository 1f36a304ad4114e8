// Discord application commands built from the neutral command registry: "case show" becomes
// /case with the subcommand show; menu surfaces become context-menu commands. Moderator commands
// carry default_member_permissions Manage Messages (only a first fence: the pipeline checks the
// community's moderator roles on every use).
import { ApplicationCommandOptionType, ApplicationCommandType, PermissionFlagsBits } from "discord.js";
import type { AnyCommand } from "../../../commands/define.js";
import type { Opt } from "../../../commands/options.js";
import { COMMANDS, findCommand } from "../../../commands/registry.js";
import { TESTIMONIAL_COMMANDS } from "../../../testimonials/commands.js";

/**
 * What Discord registers: the registry's commands and the `testimonial …` ones (defined in
 * src/testimonials/commands.ts because the pipeline answers them before the dispatcher).
 */
export const DISCORD_COMMANDS: readonly AnyCommand[] = [...COMMANDS, ...TESTIMONIAL_COMMANDS];

/** A registered command by name ("case show", "testimonial withdraw"). */
export function discordCommand(name: string): AnyCommand | undefined {
  return findCommand(name) ?? TESTIMONIAL_COMMANDS.find((c) => c.name === name.trim().replace(/\s+/g, " ").toLowerCase());
}

/** The JSON Discord takes (and returns) for one command option. */
export interface OptionJson {
  type: number;
  name: string;
  description: string;
  required?: boolean;
  min_value?: number;
  max_value?: number;
  max_length?: number;
  options?: OptionJson[];
}

export interface CommandJson {
  type: number;
  name: string;
  description: string;
  default_member_permissions: string | null;
  options?: OptionJson[];
}

const MODERATOR_PERMISSIONS = String(PermissionFlagsBits.ManageMessages);

/** Descriptions of the commands that only group subcommands. */
const GROUP_DESCRIPTIONS: Record<string, string> = {
  case: "Moderation cases: show one, change its reason, add a note",
  strikes: "A member's strikes: show or clear them",
  review: "The review queue: held messages and members waiting for approval",
  rules: "The community's guidelines: test a text, reload the files",
  testimonial: "Testimonials: withdraw your consent, or (moderators) correct the display text",
};

function optionJson(name: string, o: Opt): OptionJson {
  const m = o.meta;
  const base = { name, description: m.description, ...(m.required ? { required: true } : {}) };
  switch (m.type) {
    case "member":
      return { type: ApplicationCommandOptionType.User, ...base };
    case "integer":
      return { type: ApplicationCommandOptionType.Integer, ...base, ...(m.min !== undefined ? { min_value: m.min } : {}), ...(m.max !== undefined ? { max_value: m.max } : {}) };
    case "boolean":
      return { type: ApplicationCommandOptionType.Boolean, ...base };
    case "string":
    case "duration":
      return { type: ApplicationCommandOptionType.String, ...base, ...(m.maxLength ? { max_length: m.maxLength } : {}) };
  }
}

/** Discord wants required options before optional ones. */
function optionsJson(def: AnyCommand): OptionJson[] {
  const all = Object.entries(def.options).map(([name, o]) => optionJson(name, o));
  return [...all.filter((o) => o.required), ...all.filter((o) => !o.required)];
}

const permissionsOf = (defs: readonly AnyCommand[]) => (defs.every((d) => d.access === "moderator") ? MODERATOR_PERMISSIONS : null);

/** Every command Steward registers in a guild. */
export function discordCommands(commands: readonly AnyCommand[] = DISCORD_COMMANDS): CommandJson[] {
  const out: CommandJson[] = [];
  const groups = new Map<string, AnyCommand[]>();
  for (const def of commands) {
    if (def.surfaces?.slash === false) continue;
    const [top, sub] = def.name.split(" ");
    if (!sub) {
      out.push({ type: ApplicationCommandType.ChatInput, name: top!, description: def.description, default_member_permissions: permissionsOf([def]), options: optionsJson(def) });
      continue;
    }
    const list = groups.get(top!) ?? [];
    list.push(def);
    groups.set(top!, list);
  }
  for (const [top, defs] of groups) {
    out.push({
      type: ApplicationCommandType.ChatInput,
      name: top,
      description: GROUP_DESCRIPTIONS[top] ?? `${top}: ${defs.map((d) => d.name.split(" ")[1]).join(", ")}`,
      default_member_permissions: permissionsOf(defs),
      options: defs.map((d) => ({ type: ApplicationCommandOptionType.Subcommand, name: d.name.split(" ")[1]!, description: d.description, options: optionsJson(d) })),
    });
  }
  for (const def of commands) {
    if (def.surfaces?.messageMenu) out.push({ type: ApplicationCommandType.Message, name: def.surfaces.messageMenu, description: "", default_member_permissions: permissionsOf([def]) });
    if (def.surfaces?.userMenu) out.push({ type: ApplicationCommandType.User, name: def.surfaces.userMenu, description: "", default_member_permissions: permissionsOf([def]) });
  }
  return out;
}

/** The registry command a context-menu label stands for, and which kind of menu. */
export function menuCommand(label: string, commands: readonly AnyCommand[] = DISCORD_COMMANDS): { def: AnyCommand; menu: "message" | "user" } | null {
  for (const def of commands) {
    if (def.surfaces?.messageMenu === label) return { def, menu: "message" };
    if (def.surfaces?.userMenu === label) return { def, menu: "user" };
  }
  return null;
}
