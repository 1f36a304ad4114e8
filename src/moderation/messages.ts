// Texts Steward sends to members and moderators, in the community's language.
import type { GuidelineInfo } from "../guidelines/api.js";

export type Language = "en" | "bn";

interface WarnArgs {
  guideline: GuidelineInfo;
  rule: string;
  channel: string;
  caseNumber: number;
  removed: boolean;
  community: string;
}

const warnTemplates: Record<Language, (a: WarnArgs) => string> = {
  en: (a) =>
    `${a.removed ? `Your message in #${a.channel} was removed` : `About your message in #${a.channel}`}: it goes against our guideline “${a.guideline.title}”. ${a.guideline.description} (rule ${a.rule}, case #${a.caseNumber})`,
  bn: (a) =>
    `${a.removed ? `#${a.channel}-এ আপনার বার্তাটি সরানো হয়েছে` : `#${a.channel}-এ আপনার বার্তা প্রসঙ্গে`}: এটি আমাদের নির্দেশিকা “${a.guideline.title}” ভঙ্গ করেছে। ${a.guideline.description} (নিয়ম ${a.rule}, কেস #${a.caseNumber})`,
};

export function warnText(language: Language, args: WarnArgs, custom?: string): string {
  const base = warnTemplates[language](args);
  return custom ? `${custom}\n${base}` : base;
}

export function alertText(args: {
  caseNumber: number;
  member: string;
  channel: string;
  guideline: string;
  rule: string;
  explanation: string;
  actions: string[];
  notActioned?: string;
}): string {
  const done = args.notActioned ? `not actioned: ${args.notActioned}` : args.actions.join(", ") || "no action";
  return `Case #${args.caseNumber} · ${args.guideline}/${args.rule} · member ${args.member} in #${args.channel} · ${done}\n${args.explanation}`;
}
