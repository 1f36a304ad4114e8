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

/** What a member is told when a moderator acts on them by command. */
export type ManualNotice = { kind: "warn" } | { kind: "timeout"; duration: string } | { kind: "kick" } | { kind: "ban" };

const noticeTemplates: Record<Language, (n: ManualNotice, where: string) => string> = {
  en: (n, where) => {
    switch (n.kind) {
      case "warn":
        return `A moderator${where ? ` of ${where}` : ""} warned you`;
      case "timeout":
        return `You were timed out for ${n.duration}${where ? ` in ${where}` : ""}`;
      case "kick":
        return `You were removed from ${where || "the community"}`;
      case "ban":
        return `You were banned from ${where || "the community"}`;
    }
  },
  bn: (n, where) => {
    const w = where ? `${where}-এ ` : "";
    switch (n.kind) {
      case "warn":
        return `${w}একজন মডারেটর আপনাকে সতর্ক করেছেন`;
      case "timeout":
        return `${w}আপনাকে ${n.duration}-এর জন্য টাইমআউট করা হয়েছে`;
      case "kick":
        return `${w}আপনাকে কমিউনিটি থেকে সরিয়ে দেওয়া হয়েছে`;
      case "ban":
        return `${w}আপনাকে কমিউনিটি থেকে নিষিদ্ধ করা হয়েছে`;
    }
  },
};

const reasonWord: Record<Language, string> = { en: "Reason", bn: "কারণ" };
const caseWord: Record<Language, string> = { en: "case", bn: "কেস" };

/** "A moderator of Acme warned you. Reason: … (case #4)" */
export function manualNoticeText(language: Language, notice: ManualNotice, args: { community?: string | undefined; reason: string; caseNumber: number }): string {
  return `${noticeTemplates[language](notice, args.community ?? "")}. ${reasonWord[language]}: ${args.reason} (${caseWord[language]} #${args.caseNumber})`;
}
