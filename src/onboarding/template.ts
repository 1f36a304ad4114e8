// Message templates of the onboarding settings: plain text with {variables}, one text for all
// languages or one per language ({ en: "...", bn: "..." }). Unknown variables are refused when
// the settings load, so a typo never reaches a newcomer as "{membr}".
import { z } from "zod";

export const TEMPLATE_VARIABLES = {
  member: "the member's name",
  mention: "a mention of the member (pings them where the platform can)",
  community: "the community's name",
  guidelines: "the titles of the community's guidelines, comma-separated",
  channels: "the channels to visit (welcome.visit)",
  reason: "why (decline messages only)",
  days: "days since joining (nudges)",
} as const;

export type TemplateVariable = keyof typeof TEMPLATE_VARIABLES;
export type TemplateValues = Partial<Record<TemplateVariable, string>>;

const PLACEHOLDER = /\{([a-zA-Z_]+)\}/g;

function checkVariables(text: string, ctx: z.core.$RefinementCtx<string>): void {
  for (const m of text.matchAll(PLACEHOLDER)) {
    if (!(m[1]! in TEMPLATE_VARIABLES)) {
      ctx.addIssue({ code: "custom", message: `{${m[1]}} is not a template variable; known: ${Object.keys(TEMPLATE_VARIABLES).map((v) => `{${v}}`).join(", ")}` });
    }
  }
}

const oneText = z.string().min(1).superRefine(checkVariables);

export const templateText = z.union([oneText, z.object({ en: oneText, bn: oneText.optional() }).strict()]);
export type TemplateText = z.infer<typeof templateText>;

/** The text for a language: its own, else the English one. */
export function pickLanguage(t: TemplateText, language: "en" | "bn"): string {
  if (typeof t === "string") return t;
  return (language === "bn" ? t.bn : undefined) ?? t.en;
}

/** Fills {variables}; a variable without a value becomes empty text (and spaces around it are tidied). */
export function renderTemplate(t: TemplateText, language: "en" | "bn", values: TemplateValues): string {
  const text = pickLanguage(t, language).replace(PLACEHOLDER, (whole, name: string) => (name in values ? (values[name as TemplateVariable] ?? "") : whole));
  return text.replace(/[ \t]{2,}/g, " ").trim();
}
