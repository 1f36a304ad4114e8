// /link create <url> <campaign>: a tracked short link (PUBLIC_URL/l/<code>) that redirects to the
// url with utm_source, utm_medium (this platform) and utm_campaign added; clicks are counted for
// the monthly KPIs (docs/insights-links.md).
import { reply } from "../core/reply.js";
import { LinkInputError, MAX_CAMPAIGN_LENGTH, MAX_URL_LENGTH } from "../insights/links.js";
import { defineCommand } from "./define.js";
import { opt } from "./options.js";

export const linkCreate = defineCommand({
  name: "link create",
  description: "Make a tracked short link to a URL for a campaign (clicks counted, UTM fields added)",
  access: "moderator",
  slow: true,
  options: {
    url: opt.string("The http or https address the link leads to", MAX_URL_LENGTH),
    campaign: opt.string("Campaign name (utm_campaign), e.g. spring-sale", MAX_CAMPAIGN_LENGTH),
  },
  async run(ctx, o) {
    const links = ctx.store.links;
    if (!links) return reply({ title: "Not available", lines: ["Tracked links need Steward's store; this run has none."], tone: "refused" });
    try {
      const link = await links.create({ community: ctx.community.dbId, url: o.url, campaign: o.campaign, medium: ctx.platform, createdBy: ctx.invoker.id });
      const short = links.shortLink(link.code);
      return reply({
        title: "Tracked link created",
        lines: [short],
        fields: [
          { name: "Leads to", value: link.url },
          { name: "Campaign", value: link.campaign, inline: true },
          { name: "Medium", value: link.medium, inline: true },
        ],
        tone: "done",
      });
    } catch (err) {
      if (err instanceof LinkInputError) return reply({ title: "Link not created", lines: [`${err.message}.`], tone: "error" });
      throw err;
    }
  },
});
