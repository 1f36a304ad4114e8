// Replay checkpoints: the last line of an event log whose effects are all written. The line is
// written in the same transaction as those effects (WriteBatch.checkpoint), so after a crash a
// replay resumes exactly after what the store holds.
import type { PrismaClient } from "./index.js";

export async function readCheckpoint(prisma: PrismaClient, source: string): Promise<number> {
  const row = await prisma.replayCheckpoint.findUnique({ where: { source } });
  return row?.line ?? 0;
}
