// /raid on|off|status: the raid guard by hand. On: newcomers go to the review queue and welcomes
// pause (as when a burst of joins trips it); off: back to normal, with the summary of who joined.
import type { CommandContext } from "./context.js";
import { reply, type CommandReply } from "../core/reply.js";
import { defineCommand } from "./define.js";

async function setRaid(ctx: CommandContext, on: boolean): Promise<CommandReply> {
  const { active, actions } = ctx.raidMode(on);
  const problems: string[] = [];
  for (const a of actions) {
    const outcome = ctx.can(a.kind) ? await ctx.perform(a, null) : ({ status: "unsupported", detail: `${ctx.platform} cannot ${a.kind}` } as const);
    if (outcome.status !== "done") problems.push(`Moderators were not alerted: ${outcome.detail}.`);
  }
  const changed = actions.length > 0;
  const state = active ? "on: newcomers wait in the review queue and welcomes pause" : "off: newcomers are welcomed and screened as usual";
  return reply({ title: "Raid mode", lines: [changed ? `Raid mode is now ${state}.` : `Raid mode was already ${state}.`, ...problems], tone: changed && !problems.length ? "done" : "info" });
}

export const raidOn = defineCommand({
  name: "raid on",
  description: "Start raid mode: newcomers go to review, welcomes pause",
  access: "moderator",
  options: {},
  run: (ctx) => setRaid(ctx, true),
});

export const raidOff = defineCommand({
  name: "raid off",
  description: "End raid mode",
  access: "moderator",
  options: {},
  run: (ctx) => setRaid(ctx, false),
});

export const raidStatus = defineCommand({
  name: "raid status",
  description: "Whether raid mode is on",
  access: "moderator",
  options: {},
  async run(ctx) {
    const { active } = ctx.raidMode(null);
    return reply({ title: "Raid mode", lines: [active ? "Raid mode is on: newcomers wait in the review queue and welcomes pause." : "Raid mode is off."] });
  },
});
