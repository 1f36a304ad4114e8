// /rules test <text>: which of the community's rules a message would break, and why.
// /rules reload: reads the rules folder again (for every community); on errors the old rules stay.
import { formatConsequence } from "../guidelines/actions/format.js";
import { markSpans } from "../guidelines/explain.js";
import { reply } from "../core/reply.js";
import { defineCommand } from "./define.js";
import { truncate } from "./format.js";
import { opt } from "./options.js";

export const rulesTest = defineCommand({
  name: "rules test",
  description: "Which rules a text would break, as an established member's message",
  access: "moderator",
  options: { text: opt.string("The message text to judge", 2000) },
  async run(ctx, o) {
    const hits = ctx.testText(o.text);
    if (!hits.length) return reply({ title: "No rule matches", lines: [`“${truncate(o.text, 500)}” breaks none of the community's ${ctx.community.guidelines.ruleCount} rules.`] });
    const marked = markSpans(o.text, hits.flatMap((h) => h.matches));
    return reply({
      title: hits.length === 1 ? "1 rule matches" : `${hits.length} rules match`,
      lines: [truncate(marked, 1000)],
      fields: hits.slice(0, 10).map((h) => ({
        name: `${h.guideline.id}/${h.rule.id}`,
        value: truncate(`${h.explanation}\nthen: ${h.rule.then.map(formatConsequence).join(", ") || "nothing"} · strikes: ${h.rule.strikes}`, 1000),
        inline: false,
      })),
    });
  },
});

export const rulesReload = defineCommand({
  name: "rules reload",
  description: "Read the guideline files again (all communities of this Steward)",
  access: "moderator",
  slow: true,
  options: {},
  async run(ctx) {
    const r = await ctx.reloadGuidelines();
    return r.ok
      ? reply({ title: "Guidelines reloaded", lines: [r.detail], tone: "done" })
      : reply({ title: "Guidelines not reloaded", lines: ["The files have errors; the rules in use stay as they were.", truncate(r.detail, 3500)], tone: "error" });
  },
});
