// The export: consented testimonials only, anonymous ones attributed by the community's
// language, corrected text shown, and HTML that shows markup instead of running it.
import { describe, expect, it } from "vitest";
import { exportable, formatExport } from "../../src/testimonials/export.js";
import type { Testimonial } from "../../src/testimonials/record.js";
import type { TestimonialState } from "../../src/testimonials/state.js";

function t(message: string, state: TestimonialState, text: string, extra: Partial<Testimonial> = {}): Testimonial {
  return {
    message, channel: "general", author: `a-${message}`, authorName: `Author ${message}`, text, displayText: null, correctedBy: null, state, capturedBy: "mod", signals: [],
    createdAt: 0, requestedAt: 0, consentWording: "…", consentChoice: null, consentAt: state.startsWith("consented") || state === "withdrawn" ? Date.parse("2026-11-01T00:00:00Z") + Number(message.slice(1)) * 1000 : null,
    expiredAt: null, withdrawnAt: null, ...extra,
  };
}

const shop = [
  t("m1", "consented_named", "Great bags"),
  t("m2", "consented_anonymous", "Fast delivery", { displayText: "Fast delivery!" }),
  t("m3", "withdrawn", "Was lovely"),
  t("m4", "declined", "Nice"),
  t("m5", "expired", "Good"),
  t("m6", "pending_consent", "Super"),
  t("m7", "suggested", "Love it"),
  t("m8", "consented_named", 'Best <img src=x onerror="alert(1)"> shop & co', { authorName: "<b>Eve</b>" }),
];

describe("testimonials export", () => {
  it("exports consented testimonials only, with their attribution", () => {
    const items = exportable([
      { community: "shop", language: "en", testimonials: shop },
      { community: "bazar", language: "bn", testimonials: [t("b9", "consented_anonymous", "দারুণ")] },
    ]);
    expect(items.map((i) => [i.community, i.message, i.author, i.quote])).toEqual([
      ["shop", "m1", "Author m1", "Great bags"],
      ["shop", "m2", "A customer", "Fast delivery!"],
      ["shop", "m8", "<b>Eve</b>", 'Best <img src=x onerror="alert(1)"> shop & co'],
      ["bazar", "b9", "একজন গ্রাহক", "দারুণ"],
    ]);
  });

  it("escapes every text in the HTML snippet", () => {
    const out = formatExport(exportable([{ community: "shop", language: "en", testimonials: shop }]), "html");
    expect(out).not.toMatch(/<img|<b>/);
    expect(out).toContain("<blockquote>Best &lt;img src=x onerror=&quot;alert(1)&quot;&gt; shop &amp; co</blockquote>");
    expect(out).toContain("<figcaption>— &lt;b&gt;Eve&lt;/b&gt;</figcaption>");
    expect(out.startsWith('<section class="steward-testimonials">')).toBe(true);
  });

  it("quotes CSV fields that need it", () => {
    const out = formatExport(exportable([{ community: "shop", language: "en", testimonials: shop }]), "csv");
    expect(out.split("\n")[3]).toBe('shop,"Best <img src=x onerror=""alert(1)""> shop & co",<b>Eve</b>,named,2026-11-01T00:00:08.000Z,m8');
  });
});
