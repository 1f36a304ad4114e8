-- AlterTable
ALTER TABLE "members" ADD COLUMN     "cooldowns" JSONB NOT NULL DEFAULT '{}';

-- CreateTable
CREATE TABLE "outbox" (
    "id" SERIAL NOT NULL,
    "community_id" INTEGER NOT NULL,
    "key" TEXT NOT NULL,
    "case_number" INTEGER,
    "kind" TEXT NOT NULL,
    "action" JSONB NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "outcome" JSONB,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "settled_at" TIMESTAMPTZ(3),

    CONSTRAINT "outbox_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "replay_checkpoints" (
    "source" TEXT NOT NULL,
    "line" INTEGER NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "replay_checkpoints_pkey" PRIMARY KEY ("source")
);

-- CreateIndex
CREATE INDEX "outbox_status_id_idx" ON "outbox"("status", "id");

-- CreateIndex
CREATE UNIQUE INDEX "outbox_community_id_key_key" ON "outbox"("community_id", "key");

-- AddForeignKey
ALTER TABLE "outbox" ADD CONSTRAINT "outbox_community_id_fkey" FOREIGN KEY ("community_id") REFERENCES "communities"("id") ON DELETE CASCADE ON UPDATE CASCADE;
