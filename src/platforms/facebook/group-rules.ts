// Guidelines → Facebook group rules (Group → Admin tools → Group rules): at most 10 rules, each
// a title and a description. Sources disagree on the limits (titles 25 or 50 characters,
// descriptions 200 or 500); we use the smaller of each so a rule always fits.
import type { GuidelineInfo } from "../../guidelines/api.js";
import { shorten } from "./shorten.js";

export const FACEBOOK_LIMITS = { rules: 10, title: 25, description: 200 } as const;

export interface FacebookGroupRule {
  guideline: string;
  title: string;
  description: string;
  /** Lengths as written in the guidelines, when they had to be cut. */
  shortened: { title?: number; description?: number };
}

export interface RenderedGroupRules {
  rules: FacebookGroupRule[];
  /** Guidelines past the 10th, not rendered. */
  leftOut: string[];
}

export function renderGroupRules(guidelines: readonly GuidelineInfo[]): RenderedGroupRules {
  const rules = guidelines.slice(0, FACEBOOK_LIMITS.rules).map((g): FacebookGroupRule => {
    const title = shorten(g.title, FACEBOOK_LIMITS.title);
    const description = shorten(g.description, FACEBOOK_LIMITS.description);
    return {
      guideline: g.id,
      title: title.text,
      description: description.text,
      shortened: { ...(title.shortened && { title: g.title.length }), ...(description.shortened && { description: g.description.replace(/\s+/g, " ").trim().length }) },
    };
  });
  return { rules, leftOut: guidelines.slice(FACEBOOK_LIMITS.rules).map((g) => g.id) };
}
