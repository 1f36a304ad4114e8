// What members read: the consent request (English and Bengali), its three choices, the
// anonymous attribution, and the answers to a choice or a withdrawal.
import type { ConsentChoice } from "./state.js";

export type Language = "en" | "bn";

export const ANONYMOUS: Record<Language, string> = { en: "A customer", bn: "একজন গ্রাহক" };

export const CHOICE_LABELS: Record<Language, Record<ConsentChoice, string>> = {
  en: { named: "Publish with my name", anonymous: "Publish anonymously", declined: "Don't publish" },
  bn: { named: "আমার নামসহ প্রকাশ করুন", anonymous: "নাম ছাড়া প্রকাশ করুন", declined: "প্রকাশ করবেন না" },
};

export interface ConsentRequestValues {
  community: string;
  quote: string;
  name: string;
  days: number;
}

export function consentRequestText(lang: Language, v: ConsentRequestValues): string {
  const quote = v.quote.split("\n").map((l) => `> ${l}`).join("\n");
  if (lang === "bn") {
    return [
      `${v.community} আপনার এই বার্তাটি একটি প্রশংসাপত্র (টেস্টিমোনিয়াল) হিসেবে প্রকাশ করতে চায়:`,
      quote,
      `বেছে নিন: "${CHOICE_LABELS.bn.named}" (${v.name} নামে), "${CHOICE_LABELS.bn.anonymous}" ("${ANONYMOUS.bn}" হিসেবে), অথবা "${CHOICE_LABELS.bn.declined}"। আপনার সম্মতি ছাড়া কিছুই প্রকাশ করা হবে না; /testimonial withdraw দিয়ে যেকোনো সময় সম্মতি প্রত্যাহার করতে পারেন। ${v.days} দিনের মধ্যে উত্তর না দিলে অনুরোধটি বাতিল হয়ে যাবে।`,
    ].join("\n\n");
  }
  return [
    `${v.community} would like to share your message as a testimonial:`,
    quote,
    `Choose "${CHOICE_LABELS.en.named}" (as ${v.name}), "${CHOICE_LABELS.en.anonymous}" (as "${ANONYMOUS.en}") or "${CHOICE_LABELS.en.declined}". Nothing is published without your consent, and you can withdraw it at any time with /testimonial withdraw. Without an answer, this request expires in ${v.days} days.`,
  ].join("\n\n");
}

/** The request as the author saw it, choices included: what the consent record keeps. */
export function consentWording(text: string, lang: Language): string {
  const l = CHOICE_LABELS[lang];
  return `${text}\n\n[${l.named}] [${l.anonymous}] [${l.declined}]`;
}

export function answerText(lang: Language, choice: ConsentChoice): string {
  if (lang === "bn") {
    if (choice === "named") return "ধন্যবাদ! আপনার বার্তাটি আপনার নামসহ প্রকাশ করা হতে পারে। /testimonial withdraw দিয়ে যেকোনো সময় প্রত্যাহার করতে পারেন।";
    if (choice === "anonymous") return `ধন্যবাদ! আপনার বার্তাটি "${ANONYMOUS.bn}" হিসেবে প্রকাশ করা হতে পারে। /testimonial withdraw দিয়ে যেকোনো সময় প্রত্যাহার করতে পারেন।`;
    return "ঠিক আছে, আপনার বার্তাটি প্রকাশ করা হবে না।";
  }
  if (choice === "named") return "Thank you! Your message may be published with your name. You can withdraw at any time with /testimonial withdraw.";
  if (choice === "anonymous") return `Thank you! Your message may be published as "${ANONYMOUS.en}". You can withdraw at any time with /testimonial withdraw.`;
  return "Understood: your message will not be published.";
}

export function withdrawnText(lang: Language, count: number): string {
  if (lang === "bn") return count ? `আপনার ${count}টি প্রশংসাপত্র প্রত্যাহার করা হয়েছে; এগুলো আর কোথাও প্রকাশ করা হবে না।` : "প্রত্যাহার করার মতো কোনো প্রশংসাপত্র নেই।";
  if (!count) return "You have no testimonials to withdraw.";
  return `Withdrawn: ${count === 1 ? "your testimonial" : `your ${count} testimonials`} will not appear in any later export.`;
}
