// The per-community settings file (communities/<key>.yaml). This zod schema is the single
// source of the TypeScript type, the validation and the JSON Schema for editors.
import { z } from "zod";
import { onboardingSchema } from "../onboarding/settings.js";
import { testimonialsSchema } from "../testimonials/settings.js";
import { insightsSchema } from "../insights/settings.js";

const timezone = z.string().refine(
  (tz) => {
    try {
      new Intl.DateTimeFormat("en", { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  },
  { message: "must be an IANA time zone such as Asia/Dhaka or Europe/London" },
);

const domain = z
  .string()
  .regex(/^(?!-)[a-z0-9-]+(\.[a-z0-9-]+)+$/i, "must be a bare domain such as ourshop.example (no scheme, no path)")
  .transform((d) => d.toLowerCase());

export const communitySettingsSchema = z
  .object({
    /** The community's key, as events name it (replay), or its platform id. Defaults to the file name. */
    community: z.string().min(1).optional(),
    name: z.string().min(1).optional().describe("Display name used in messages"),
    timezone: timezone.default("UTC").describe("IANA time zone for daily rollups and the digest"),
    language: z.enum(["en", "bn"]).default("en").describe("Language of messages to members"),
    channels: z
      .object({
        modLog: z.string().min(1).optional().describe("Channel for the mod log (Discord default: a text channel named mod-log)"),
        welcome: z.string().min(1).optional(),
        digest: z.string().min(1).optional().describe("Channel for the weekly digest and the monthly report (default: the mod log's)"),
        review: z.string().min(1).optional(),
      })
      .strict()
      .default({}),
    guidelines: z
      .union([z.literal("all"), z.array(z.string().min(1)).min(1)])
      .default("all")
      .describe('Guideline files (names in the rules folder) that apply, or "all"'),
    moderatorRoles: z.array(z.string().min(1)).default([]).describe("Roles whose members are moderators (never actioned; may use moderator commands)"),
    ownDomains: z.array(domain).default([]).describe("The community's own domains: always allowed, protected from lookalikes"),
    protectedNames: z.array(z.string().min(2)).default([]).describe("Brand names protected from lookalike domains"),
    onboarding: onboardingSchema.optional().describe("Welcomes, membership questions and the raid guard (src/onboarding/settings.ts)"),
    testimonials: testimonialsSchema.optional().describe("Capturing praise with its author's consent (src/testimonials/settings.ts); absent: on, with the defaults"),
    insights: insightsSchema.optional().describe("The weekly digest and the monthly client report: when and how (src/insights/settings.ts); absent: Mondays 09:00 and the 1st at 09:00"),
  })
  .strict();

export type CommunitySettings = z.infer<typeof communitySettingsSchema> & { community: string };

export function defaultSettings(community: string): CommunitySettings {
  return { ...communitySettingsSchema.parse({}), community };
}

export function communitySettingsJsonSchema(): unknown {
  return z.toJSONSchema(communitySettingsSchema, { io: "input", unrepresentable: "any" });
}
