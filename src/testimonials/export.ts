// Consented testimonials as JSON, CSV or a self-contained HTML snippet. Only consented ones
// are exported (withdrawn, declined, expired, pending and suggested never are); named ones show
// the author's name, anonymous ones "A customer" in the community's language. Every text in the
// HTML is escaped, so a quote containing <script> is shown, never run.
import { stringify } from "csv-stringify/sync";
import type { Testimonial } from "./record.js";
import { isPublishable } from "./state.js";
import { ANONYMOUS, type Language } from "./texts.js";
import { escapeHtml } from "../util/escape-html.js";

export interface ExportSource {
  community: string;
  /** Community display name. */
  communityName?: string;
  language: Language;
  testimonials: readonly Testimonial[];
}

export interface ExportedTestimonial {
  community: string;
  message: string;
  quote: string;
  author: string;
  attribution: "named" | "anonymous";
  consentedAt: string;
}

export const exportFormats = ["json", "csv", "html"] as const;
export type ExportFormat = (typeof exportFormats)[number];

export function exportable(sources: readonly ExportSource[]): ExportedTestimonial[] {
  const out: ExportedTestimonial[] = [];
  for (const s of sources) {
    for (const t of s.testimonials) {
      if (!isPublishable(t.state) || t.consentAt === null) continue;
      const named = t.state === "consented_named" && t.authorName;
      out.push({
        community: s.community,
        message: t.message,
        quote: t.displayText ?? t.text,
        author: named ? t.authorName! : ANONYMOUS[s.language],
        attribution: named ? "named" : "anonymous",
        consentedAt: new Date(t.consentAt).toISOString(),
      });
    }
  }
  return out.sort((a, b) => a.consentedAt.localeCompare(b.consentedAt) || a.message.localeCompare(b.message));
}

export function formatExport(items: readonly ExportedTestimonial[], format: ExportFormat): string {
  switch (format) {
    case "json":
      return JSON.stringify(items, null, 2) + "\n";
    case "csv":
      return stringify(items.map((t) => [t.community, t.quote, t.author, t.attribution, t.consentedAt, t.message]), {
        header: true,
        columns: ["community", "quote", "author", "attribution", "consented_at", "message"],
      });
    case "html":
      return html(items);
  }
}

function html(items: readonly ExportedTestimonial[]): string {
  const figures = items.map(
    (t) =>
      `  <figure class="steward-testimonial" data-attribution="${t.attribution}">\n` +
      `    <blockquote>${escapeHtml(t.quote).replace(/\n/g, "<br>")}</blockquote>\n` +
      `    <figcaption>— ${escapeHtml(t.author)}</figcaption>\n` +
      `  </figure>`,
  );
  return [
    `<section class="steward-testimonials">`,
    `  <style>.steward-testimonial{margin:0 0 1.5em;padding:1em 1.25em;border-left:4px solid #e0b400;background:#fafafa}.steward-testimonial blockquote{margin:0 0 .5em;font-style:italic}.steward-testimonial figcaption{font-weight:600}</style>`,
    ...figures,
    `</section>`,
    "",
  ].join("\n");
}
