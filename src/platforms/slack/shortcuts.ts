// Message shortcuts: the registry's message-menu commands (Discord's context menus) as Slack
// message shortcuts — "Report to moderators", "Capture testimonial", "Submit as testimonial". The
// callback id is derived from the command's name; the manifest lists the same ones.
import type { AnyCommand } from "../../commands/define.js";
import { COMMANDS } from "../../commands/registry.js";
import { TESTIMONIAL_COMMANDS } from "../../testimonials/commands.js";

export interface SlackShortcut {
  callbackId: string;
  label: string;
  command: AnyCommand;
}

export const SLACK_SHORTCUTS: readonly SlackShortcut[] = [...COMMANDS, ...TESTIMONIAL_COMMANDS]
  .filter((c) => c.surfaces?.messageMenu)
  .map((c) => ({ callbackId: `steward_${c.name.replace(/\s+/g, "_")}`, label: c.surfaces!.messageMenu!, command: c }));

export function shortcutFor(callbackId: string): SlackShortcut | undefined {
  return SLACK_SHORTCUTS.find((s) => s.callbackId === callbackId);
}
