-- CreateEnum
CREATE TYPE "case_kind" AS ENUM ('automatic', 'manual');

-- CreateEnum
CREATE TYPE "case_status" AS ENUM ('open', 'resolved', 'reverted', 'not_actioned');

-- CreateEnum
CREATE TYPE "action_status" AS ENUM ('done', 'unsupported', 'refused', 'failed');

-- CreateEnum
CREATE TYPE "review_kind" AS ENUM ('held_message', 'pending_member');

-- CreateEnum
CREATE TYPE "review_status" AS ENUM ('pending', 'approved', 'rejected');

-- CreateTable
CREATE TABLE "communities" (
    "id" SERIAL NOT NULL,
    "key" TEXT NOT NULL,
    "platform" TEXT NOT NULL,
    "settings" JSONB NOT NULL DEFAULT '{}',
    "timezone" TEXT NOT NULL DEFAULT 'UTC',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "communities_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "members" (
    "id" SERIAL NOT NULL,
    "community_id" INTEGER NOT NULL,
    "platform_id" TEXT NOT NULL,
    "name" TEXT,
    "roles" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "joined_at" TIMESTAMPTZ(3),
    "left_at" TIMESTAMPTZ(3),
    "message_count" INTEGER NOT NULL DEFAULT 0,
    "last_active_at" TIMESTAMPTZ(3),

    CONSTRAINT "members_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "strikes" (
    "id" SERIAL NOT NULL,
    "member_id" INTEGER NOT NULL,
    "case_id" INTEGER,
    "points" INTEGER NOT NULL DEFAULT 1,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3),
    "cleared" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "strikes_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "cases" (
    "id" SERIAL NOT NULL,
    "community_id" INTEGER NOT NULL,
    "number" INTEGER NOT NULL,
    "guideline" TEXT,
    "rule" TEXT,
    "kind" "case_kind" NOT NULL,
    "actor" TEXT,
    "member_id" INTEGER,
    "channel" TEXT,
    "message_id" TEXT,
    "reason" TEXT NOT NULL DEFAULT '',
    "evidence" JSONB,
    "status" "case_status" NOT NULL DEFAULT 'open',
    "actions" JSONB NOT NULL DEFAULT '[]',
    "explanation" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "cases_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "action_logs" (
    "id" SERIAL NOT NULL,
    "community_id" INTEGER NOT NULL,
    "case_id" INTEGER,
    "kind" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "status" "action_status" NOT NULL,
    "detail" TEXT,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "action_logs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "review_items" (
    "id" SERIAL NOT NULL,
    "community_id" INTEGER NOT NULL,
    "kind" "review_kind" NOT NULL,
    "status" "review_status" NOT NULL DEFAULT 'pending',
    "payload" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decided_at" TIMESTAMPTZ(3),
    "decided_by" TEXT,

    CONSTRAINT "review_items_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "daily_activity" (
    "community_id" INTEGER NOT NULL,
    "day" DATE NOT NULL,
    "joins" INTEGER NOT NULL DEFAULT 0,
    "leaves" INTEGER NOT NULL DEFAULT 0,
    "messages" INTEGER NOT NULL DEFAULT 0,
    "active_members" INTEGER NOT NULL DEFAULT 0,
    "reactions" INTEGER NOT NULL DEFAULT 0,
    "questions" INTEGER NOT NULL DEFAULT 0,
    "answered" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "daily_activity_pkey" PRIMARY KEY ("community_id","day")
);

-- CreateTable
CREATE TABLE "member_daily_activity" (
    "community_id" INTEGER NOT NULL,
    "day" DATE NOT NULL,
    "member_id" INTEGER NOT NULL,
    "messages" INTEGER NOT NULL DEFAULT 0,
    "reactions" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "member_daily_activity_pkey" PRIMARY KEY ("community_id","day","member_id")
);

-- CreateTable
CREATE TABLE "channel_daily_activity" (
    "community_id" INTEGER NOT NULL,
    "day" DATE NOT NULL,
    "channel" TEXT NOT NULL,
    "messages" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "channel_daily_activity_pkey" PRIMARY KEY ("community_id","day","channel")
);

-- CreateIndex
CREATE UNIQUE INDEX "communities_key_key" ON "communities"("key");

-- CreateIndex
CREATE INDEX "members_community_id_last_active_at_idx" ON "members"("community_id", "last_active_at");

-- CreateIndex
CREATE UNIQUE INDEX "members_community_id_platform_id_key" ON "members"("community_id", "platform_id");

-- CreateIndex
CREATE INDEX "strikes_member_id_at_idx" ON "strikes"("member_id", "at");

-- CreateIndex
CREATE INDEX "strikes_case_id_idx" ON "strikes"("case_id");

-- CreateIndex
CREATE INDEX "cases_community_id_status_created_at_idx" ON "cases"("community_id", "status", "created_at");

-- CreateIndex
CREATE INDEX "cases_member_id_idx" ON "cases"("member_id");

-- CreateIndex
CREATE UNIQUE INDEX "cases_community_id_number_key" ON "cases"("community_id", "number");

-- CreateIndex
CREATE INDEX "action_logs_community_id_at_idx" ON "action_logs"("community_id", "at");

-- CreateIndex
CREATE INDEX "action_logs_case_id_idx" ON "action_logs"("case_id");

-- CreateIndex
CREATE INDEX "review_items_community_id_status_created_at_idx" ON "review_items"("community_id", "status", "created_at");

-- CreateIndex
CREATE INDEX "member_daily_activity_member_id_day_idx" ON "member_daily_activity"("member_id", "day");

-- AddForeignKey
ALTER TABLE "members" ADD CONSTRAINT "members_community_id_fkey" FOREIGN KEY ("community_id") REFERENCES "communities"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "strikes" ADD CONSTRAINT "strikes_member_id_fkey" FOREIGN KEY ("member_id") REFERENCES "members"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "strikes" ADD CONSTRAINT "strikes_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "cases" ADD CONSTRAINT "cases_community_id_fkey" FOREIGN KEY ("community_id") REFERENCES "communities"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "cases" ADD CONSTRAINT "cases_member_id_fkey" FOREIGN KEY ("member_id") REFERENCES "members"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "action_logs" ADD CONSTRAINT "action_logs_community_id_fkey" FOREIGN KEY ("community_id") REFERENCES "communities"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "action_logs" ADD CONSTRAINT "action_logs_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "review_items" ADD CONSTRAINT "review_items_community_id_fkey" FOREIGN KEY ("community_id") REFERENCES "communities"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "daily_activity" ADD CONSTRAINT "daily_activity_community_id_fkey" FOREIGN KEY ("community_id") REFERENCES "communities"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "member_daily_activity" ADD CONSTRAINT "member_daily_activity_community_id_fkey" FOREIGN KEY ("community_id") REFERENCES "communities"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "member_daily_activity" ADD CONSTRAINT "member_daily_activity_member_id_fkey" FOREIGN KEY ("member_id") REFERENCES "members"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "channel_daily_activity" ADD CONSTRAINT "channel_daily_activity_community_id_fkey" FOREIGN KEY ("community_id") REFERENCES "communities"("id") ON DELETE CASCADE ON UPDATE CASCADE;
