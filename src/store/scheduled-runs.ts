// Claims for scheduled jobs (the weekly digest, the monthly report): several Steward instances
// on one database each fire the job; the one whose INSERT lands runs it, the others see the row
// and skip. A claim left unfinished for STALE_MS (its instance died mid-run) may be taken over.
import type { PrismaClient } from "./generated/client.js";

export const STALE_MS = 30 * 60_000;

export interface RunClaim {
  job: string;
  communityId: number;
  period: string;
}

/** True when this instance now holds the claim and must run the job. */
export async function claimRun(prisma: PrismaClient, c: RunClaim, instance: string, now = new Date()): Promise<boolean> {
  const inserted = await prisma.$executeRaw`
    INSERT INTO scheduled_runs (job, community_id, period, claimed_by, claimed_at)
    VALUES (${c.job}, ${c.communityId}, ${c.period}, ${instance}, ${now})
    ON CONFLICT (job, community_id, period) DO NOTHING`;
  if (inserted === 1) return true;
  const staleBefore = new Date(now.getTime() - STALE_MS);
  const taken = await prisma.$executeRaw`
    UPDATE scheduled_runs SET claimed_by = ${instance}, claimed_at = ${now}, error = NULL
    WHERE job = ${c.job} AND community_id = ${c.communityId} AND period = ${c.period}
      AND done_at IS NULL AND claimed_at < ${staleBefore}`;
  return taken === 1;
}

/** Marks the run finished; `error` when it failed (it is then not retried by other instances until stale). */
export async function finishRun(prisma: PrismaClient, c: RunClaim, error: string | null, now = new Date()): Promise<void> {
  await prisma.scheduledRun.update({
    where: { job_communityId_period: { job: c.job, communityId: c.communityId, period: c.period } },
    data: error === null ? { doneAt: now, error: null } : { error },
  });
}
