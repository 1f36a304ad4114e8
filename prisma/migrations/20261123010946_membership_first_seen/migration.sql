-- AlterTable
ALTER TABLE "membership_spans" ADD COLUMN     "first_seen" BOOLEAN NOT NULL DEFAULT false;
