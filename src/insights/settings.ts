// The `insights:` section of a community settings file: when the weekly digest and the monthly
// client report are posted (cron expressions in the community's time zone) and where.
//
//   insights:
//     digest: { schedule: "0 9 * * 1" }     # Mondays 09:00 local time (the default)
//     report: { schedule: "0 9 1 * *" }     # the 1st of the month, 09:00 (the default)
//     # channel: channels.digest, else the mod log's channel
import { z } from "zod";
import { validate } from "node-cron";

const cronExpression = z.string().refine((e) => validate(e), {
  message: 'must be a cron expression such as "0 9 * * 1" (minute hour day-of-month month day-of-week)',
});

const job = (schedule: string, what: string) =>
  z
    .object({
      enabled: z.boolean().default(true).describe(`false: the ${what} is not posted (it can still be printed from the command line)`),
      schedule: cronExpression.default(schedule).describe(`when the ${what} is posted, in the community's time zone (cron)`),
    })
    .strict();

export const insightsSchema = z
  .object({
    digest: job("0 9 * * 1", "weekly digest").default({ enabled: true, schedule: "0 9 * * 1" }),
    report: job("0 9 1 * *", "monthly client report").default({ enabled: true, schedule: "0 9 1 * *" }),
    topContributors: z.number().int().min(1).max(25).default(5).describe("how many top contributors the digest and report name"),
  })
  .strict();

export type InsightsSettings = z.infer<typeof insightsSchema>;

let defaults: InsightsSettings | undefined;

export function insightsSettings(s: { insights?: InsightsSettings | undefined }): InsightsSettings {
  return s.insights ?? (defaults ??= Object.freeze(insightsSchema.parse({})) as InsightsSettings);
}

/** Where the digest and the report go: channels.digest, else the mod log's channel, else "mod-log". */
export function managersChannel(s: { channels: { digest?: string | undefined; modLog?: string | undefined } }): string {
  return s.channels.digest ?? s.channels.modLog ?? "mod-log";
}
