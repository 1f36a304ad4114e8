// The `testimonials:` section of a community settings file. Absent, the defaults apply:
// a moderator's ⭐ on a member's message asks the author for consent; praising messages are
// suggested (stored for the digest, never published without consent).
//
//   testimonials:
//     emoji: "⭐"            # the reaction by which a moderator captures a message
//     expireAfter: 14d       # a consent request without an answer expires after this long
//     productTerms: [jute bag, kurti, শাড়ি]   # what the community's praise is about
//     suggest: true          # mark praising messages as suggestions
import { z } from "zod";
import { duration } from "../util/duration.js";

export const DEFAULT_EXPIRE_AFTER = 14 * 86_400_000;

export const testimonialsSchema = z
  .object({
    enabled: z.boolean().default(true).describe("false: moderators' reactions capture nothing and nothing is suggested"),
    emoji: z.string().min(1).default("⭐").describe("the reaction by which a moderator captures a member's message"),
    expireAfter: duration.default(DEFAULT_EXPIRE_AFTER).describe("a consent request without an answer expires after this long (e.g. 14d)"),
    productTerms: z.array(z.string().min(2)).default([]).describe("products and services members praise (a message praising one is suggested)"),
    suggest: z.boolean().default(true).describe("mark praising messages as suggestions for the digest (never published without consent)"),
  })
  .strict();

export type TestimonialSettings = z.infer<typeof testimonialsSchema>;

/** The defaults, parsed once (this is asked on every message). */
let defaults: TestimonialSettings | undefined;

export function testimonialSettings(s: { testimonials?: TestimonialSettings | undefined }): TestimonialSettings {
  return s.testimonials ?? (defaults ??= Object.freeze(testimonialsSchema.parse({})) as TestimonialSettings);
}

/** "⭐" and "⭐️" (with the emoji variation selector) are the same reaction. */
export function sameEmoji(a: string, b: string): boolean {
  const norm = (e: string) => e.replace(/\uFE0F/g, "").trim();
  return norm(a) === norm(b);
}
