-- CreateTable
CREATE TABLE "questions" (
    "community_id" INTEGER NOT NULL,
    "message_id" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "thread" TEXT,
    "asker_id" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "asked_at" TIMESTAMPTZ(3) NOT NULL,
    "answered_at" TIMESTAMPTZ(3),
    "answered_by" TEXT,
    "answer_message_id" TEXT,

    CONSTRAINT "questions_pkey" PRIMARY KEY ("community_id","message_id")
);

-- CreateTable
CREATE TABLE "membership_spans" (
    "id" SERIAL NOT NULL,
    "community_id" INTEGER NOT NULL,
    "member_id" INTEGER NOT NULL,
    "joined_at" TIMESTAMPTZ(3) NOT NULL,
    "left_at" TIMESTAMPTZ(3),

    CONSTRAINT "membership_spans_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "tracked_links" (
    "id" SERIAL NOT NULL,
    "community_id" INTEGER NOT NULL,
    "code" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "campaign" TEXT NOT NULL,
    "medium" TEXT NOT NULL,
    "created_by" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "tracked_links_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "link_clicks" (
    "id" SERIAL NOT NULL,
    "link_id" INTEGER NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "link_clicks_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "orders" (
    "community_id" INTEGER NOT NULL,
    "order_id" TEXT NOT NULL,
    "customer" TEXT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "amount" DECIMAL(14,2) NOT NULL,
    "currency" TEXT,
    "utm_source" TEXT,
    "utm_medium" TEXT,
    "utm_campaign" TEXT,
    "imported_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "orders_pkey" PRIMARY KEY ("community_id","order_id")
);

-- CreateTable
CREATE TABLE "member_customers" (
    "community_id" INTEGER NOT NULL,
    "member_id" TEXT NOT NULL,
    "customer" TEXT NOT NULL,
    "linked_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "member_customers_pkey" PRIMARY KEY ("community_id","member_id","customer")
);

-- CreateTable
CREATE TABLE "scheduled_runs" (
    "job" TEXT NOT NULL,
    "community_id" INTEGER NOT NULL,
    "period" TEXT NOT NULL,
    "claimed_by" TEXT NOT NULL,
    "claimed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "done_at" TIMESTAMPTZ(3),
    "error" TEXT,

    CONSTRAINT "scheduled_runs_pkey" PRIMARY KEY ("job","community_id","period")
);

-- CreateIndex
CREATE INDEX "questions_community_id_asked_at_idx" ON "questions"("community_id", "asked_at");

-- CreateIndex
CREATE INDEX "membership_spans_community_id_joined_at_idx" ON "membership_spans"("community_id", "joined_at");

-- CreateIndex
CREATE INDEX "membership_spans_member_id_joined_at_idx" ON "membership_spans"("member_id", "joined_at");

-- CreateIndex
CREATE UNIQUE INDEX "tracked_links_code_key" ON "tracked_links"("code");

-- CreateIndex
CREATE INDEX "tracked_links_community_id_campaign_idx" ON "tracked_links"("community_id", "campaign");

-- CreateIndex
CREATE INDEX "link_clicks_link_id_at_idx" ON "link_clicks"("link_id", "at");

-- CreateIndex
CREATE INDEX "orders_community_id_customer_idx" ON "orders"("community_id", "customer");

-- CreateIndex
CREATE INDEX "orders_community_id_at_idx" ON "orders"("community_id", "at");

-- CreateIndex
CREATE INDEX "member_customers_community_id_customer_idx" ON "member_customers"("community_id", "customer");

-- AddForeignKey
ALTER TABLE "questions" ADD CONSTRAINT "questions_community_id_fkey" FOREIGN KEY ("community_id") REFERENCES "communities"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "membership_spans" ADD CONSTRAINT "membership_spans_community_id_fkey" FOREIGN KEY ("community_id") REFERENCES "communities"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "membership_spans" ADD CONSTRAINT "membership_spans_member_id_fkey" FOREIGN KEY ("member_id") REFERENCES "members"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "tracked_links" ADD CONSTRAINT "tracked_links_community_id_fkey" FOREIGN KEY ("community_id") REFERENCES "communities"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "link_clicks" ADD CONSTRAINT "link_clicks_link_id_fkey" FOREIGN KEY ("link_id") REFERENCES "tracked_links"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "orders" ADD CONSTRAINT "orders_community_id_fkey" FOREIGN KEY ("community_id") REFERENCES "communities"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "member_customers" ADD CONSTRAINT "member_customers_community_id_fkey" FOREIGN KEY ("community_id") REFERENCES "communities"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "scheduled_runs" ADD CONSTRAINT "scheduled_runs_community_id_fkey" FOREIGN KEY ("community_id") REFERENCES "communities"("id") ON DELETE CASCADE ON UPDATE CASCADE;
