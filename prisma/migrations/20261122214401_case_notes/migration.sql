-- AlterTable
ALTER TABLE "cases" ADD COLUMN     "notes" JSONB NOT NULL DEFAULT '[]';
