-- CreateEnum
CREATE TYPE "testimonial_state" AS ENUM ('suggested', 'pending_consent', 'consented_named', 'consented_anonymous', 'declined', 'expired', 'withdrawn');

-- CreateTable
CREATE TABLE "testimonials" (
    "id" SERIAL NOT NULL,
    "community_id" INTEGER NOT NULL,
    "message_id" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "author_id" TEXT NOT NULL,
    "author_name" TEXT,
    "text" TEXT NOT NULL,
    "display_text" TEXT,
    "corrected_by" TEXT,
    "state" "testimonial_state" NOT NULL,
    "captured_by" TEXT,
    "signals" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "created_at" TIMESTAMPTZ(3) NOT NULL,
    "requested_at" TIMESTAMPTZ(3),
    "consent_wording" TEXT,
    "consent_choice" TEXT,
    "consent_at" TIMESTAMPTZ(3),
    "expired_at" TIMESTAMPTZ(3),
    "withdrawn_at" TIMESTAMPTZ(3),

    CONSTRAINT "testimonials_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "testimonials_community_id_state_idx" ON "testimonials"("community_id", "state");

-- CreateIndex
CREATE INDEX "testimonials_community_id_author_id_idx" ON "testimonials"("community_id", "author_id");

-- CreateIndex
CREATE UNIQUE INDEX "testimonials_community_id_message_id_key" ON "testimonials"("community_id", "message_id");

-- AddForeignKey
ALTER TABLE "testimonials" ADD CONSTRAINT "testimonials_community_id_fkey" FOREIGN KEY ("community_id") REFERENCES "communities"("id") ON DELETE CASCADE ON UPDATE CASCADE;
