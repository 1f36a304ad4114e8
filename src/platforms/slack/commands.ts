// `/steward <subcommand> …`: Slack gives one slash command a line of text; it is parsed into the
// command names and options of the neutral registry, the same `command.invoked` Discord sends.
// Options are positional in the order the command declares them (a string option takes the rest
// of the line), or named anywhere as name:value. Slack escapes mentions as <@U123|name>.
import type { AnyCommand } from "../../commands/define.js";
import { COMMANDS } from "../../commands/registry.js";
import { TESTIMONIAL_COMMANDS } from "../../testimonials/commands.js";

export const SLACK_COMMANDS: readonly AnyCommand[] = [...COMMANDS, ...TESTIMONIAL_COMMANDS].filter((c) => c.surfaces?.slash !== false);

/** Short forms: "/steward case 12", "/steward review", "/steward strikes @dana". */
const DEFAULT_SUB: Record<string, string> = { case: "case show", review: "review list", strikes: "strikes show", rules: "rules test", raid: "raid status", testimonial: "testimonial withdraw", link: "link create" };

export type Parsed = { command: string; options: Record<string, unknown> } | { help: string } | { error: string };

const MEMBER = /^<@([UW][A-Z0-9]+)(?:\|[^>]*)?>$|^([UW][A-Z0-9]{6,})$/;

export function parseStewardText(text: string): Parsed {
  const words = text.trim().split(/\s+/).filter(Boolean);
  if (!words.length || words[0] === "help") return { help: helpText() };
  const first = words[0]!.toLowerCase();
  const two = `${first} ${(words[1] ?? "").toLowerCase()}`;
  let def = SLACK_COMMANDS.find((c) => c.name === two);
  let rest: string[];
  if (def) rest = words.slice(2);
  else {
    def = SLACK_COMMANDS.find((c) => c.name === first) ?? SLACK_COMMANDS.find((c) => c.name === DEFAULT_SUB[first]);
    rest = words.slice(1);
  }
  if (!def) return { error: `Steward has no command "${first}". ${helpText()}` };
  const options: Record<string, unknown> = {};
  // name:value anywhere
  const positional: string[] = [];
  for (const w of rest) {
    const m = /^([a-z_]+):(.+)$/.exec(w);
    if (m && m[1]! in def.options) options[m[1]!] = unescape(m[2]!);
    else positional.push(w);
  }
  const pending = Object.entries(def.options).filter(([name]) => !(name in options));
  for (let i = 0; i < pending.length && positional.length; i++) {
    const [name, o] = pending[i]!;
    const word = positional[0]!;
    switch (o.meta.type) {
      case "member": {
        const m = MEMBER.exec(word);
        if (m) options[name] = m[1] ?? m[2];
        else if (o.meta.required) return { error: `/${def.name}: ${name} must be a mention such as @dana (got ${word})` };
        else continue;
        break;
      }
      case "integer":
        if (/^#?-?\d+$/.test(word)) options[name] = Number(word.replace(/^#/, ""));
        else if (o.meta.required) return { error: `/${def.name}: ${name} must be a whole number (got ${word})` };
        else continue;
        break;
      case "boolean":
        if (word === "true" || word === "false") options[name] = word === "true";
        else continue;
        break;
      case "duration":
        options[name] = word;
        break;
      case "string": {
        // The last string option still to fill takes the rest of the line.
        const laterString = pending.slice(i + 1).some(([, p]) => p.meta.type === "string");
        options[name] = unescape(laterString ? word : positional.join(" "));
        if (!laterString) positional.length = 0;
        else positional.shift();
        continue;
      }
    }
    positional.shift();
  }
  if (positional.length) return { error: `/${def.name}: did not understand "${positional.join(" ")}"` };
  return { command: def.name, options };
}

/** Slack escapes &, < and > in command text; links arrive as <https://…|label>. */
function unescape(s: string): string {
  return s.replace(/<((?:https?|mailto):[^|>]+)(?:\|[^>]*)?>/g, "$1").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
}

export function helpText(): string {
  return `Commands: ${SLACK_COMMANDS.map((c) => c.name).join(", ")}. Example: /steward warn @dana spamming links`;
}
