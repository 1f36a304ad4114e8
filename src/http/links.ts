// GET /l/<code>: a tracked link's redirect (302) with its utm fields; the click is counted
// (written behind by a ClickRecorder) unless a link-preview fetcher asked. Unknown code → 404.
import { isLinkPreview } from "../insights/link-previews.js";
import { isLinkCode, redirectTarget, type ClickRecorder, type LinkStore, type TrackedLinkView } from "../insights/links.js";
import { sendText, type Route } from "./server.js";

export interface LinkRouteOptions {
  links: Pick<LinkStore, "byCode">;
  clicks: ClickRecorder;
  utmSource: string;
  /** Codes looked up recently (a link shared in a busy channel gets many clicks at once). */
  cacheSize?: number;
}

export function linkRoute(opts: LinkRouteOptions): Route {
  // A small cache of resolved links: a link never changes once created.
  const cache = new Map<string, TrackedLinkView>();
  const max = opts.cacheSize ?? 1000;
  return {
    method: "GET",
    path: "/l/:code",
    async handle({ req, params }, res) {
      const code = params.code ?? "";
      let link = cache.get(code) ?? null;
      if (!link && isLinkCode(code)) {
        link = await opts.links.byCode(code);
        if (link) {
          if (cache.size >= max) cache.delete(cache.keys().next().value!);
          cache.set(code, link);
        }
      }
      if (!link) return sendText(res, 404, "no such link");
      // HEAD is what some checkers send; only a GET from a person is a click.
      if (req.method === "GET" && !isLinkPreview(req.headers["user-agent"])) opts.clicks.record(link.id);
      const location = redirectTarget(link.url, { source: opts.utmSource, medium: link.medium, campaign: link.campaign });
      res.writeHead(302, { location, "content-length": "0", "cache-control": "no-store", "referrer-policy": "no-referrer-when-downgrade" });
      res.end();
    },
  };
}
