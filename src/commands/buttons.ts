// Buttons in replies run commands: the id is "cmd:<command>?<options>", e.g. "cmd:review approve?item=12".
// Pressing one comes back as `interaction.responded` and goes through the same access checks as typing it.
import type { ReplyButton } from "../core/reply.js";

const PREFIX = "cmd:";

export function commandButton(label: string, command: string, options: Record<string, string>, style: ReplyButton["style"] = "secondary"): ReplyButton {
  return { id: `${PREFIX}${command}?${new URLSearchParams(options).toString()}`, label, style };
}

/** The command and options a button id stands for, or null for ids that are not command buttons. */
export function parseCommandButton(id: string): { command: string; options: Record<string, string> } | null {
  if (!id.startsWith(PREFIX)) return null;
  const q = id.indexOf("?");
  const command = id.slice(PREFIX.length, q < 0 ? undefined : q).trim();
  if (!command) return null;
  return { command, options: q < 0 ? {} : Object.fromEntries(new URLSearchParams(id.slice(q + 1))) };
}
