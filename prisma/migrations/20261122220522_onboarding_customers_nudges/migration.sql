-- AlterTable
ALTER TABLE "members" ADD COLUMN     "nudged_at" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "customers" (
    "community_id" INTEGER NOT NULL,
    "key" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "name" TEXT,
    "imported_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "customers_pkey" PRIMARY KEY ("community_id","key","value")
);

-- AddForeignKey
ALTER TABLE "customers" ADD CONSTRAINT "customers_community_id_fkey" FOREIGN KEY ("community_id") REFERENCES "communities"("id") ON DELETE CASCADE ON UPDATE CASCADE;
