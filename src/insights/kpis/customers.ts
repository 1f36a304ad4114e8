// KPI group `customers`, present only when the community has imported orders
// (steward orders import): members' repeat-purchase rate against non-members', and the period's
// orders and revenue by utm_campaign. Definitions in docs/insights-links.md.
import type { PrismaClient } from "../../store/index.js";

export type CampaignOrders = {
  /** utm_campaign of the orders; null for orders without one. */
  campaign: string | null;
  orders: number;
  /** Sum of the orders' amounts, in the shop's currency. */
  revenue: number;
};

export type CustomerKpis = {
  /** Customers with at least one order placed before the period's end. */
  customers: number;
  /** Of those, customers linked to a member (member_customers: screening or the orders file). */
  memberCustomers: number;
  nonMemberCustomers: number;
  /** Share of member customers with ≥ 2 orders before the period's end (null: no member customers). */
  memberRepeatPurchaseRate: number | null;
  /** The same among customers not linked to a member. */
  nonMemberRepeatPurchaseRate: number | null;
  /** Orders placed in the period, and their total amount. */
  orders: number;
  revenue: number;
  /** Currencies of the period's orders (more than one means revenue adds different currencies). */
  currencies: string[];
  /** The period's orders by utm_campaign, most revenue first; orders without a campaign last. */
  byCampaign: CampaignOrders[];
};

const rate = (x: number, n: number) => (n === 0 ? null : x / n);

/** Null when the community has no imported orders at all. */
export async function customerKpis(prisma: PrismaClient, communityId: number, range: { from: Date; to: Date }): Promise<CustomerKpis | null> {
  const from = range.from.toISOString();
  const to = range.to.toISOString();
  const any = await prisma.order.findFirst({ where: { communityId }, select: { orderId: true } });
  if (!any) return null;
  // Members: a member_customers row names the customer, or "order:<number>" (screening verified an
  // order number), which stands for that order's customer.
  const [r] = await prisma.$queryRawUnsafe<{ mc: number; mr: number; oc: number; or: number }[]>(
    `WITH cust AS (
       SELECT customer, count(*) AS n FROM orders WHERE community_id = $1 AND at < $2::timestamptz GROUP BY customer
     ), mem AS (
       SELECT customer FROM member_customers WHERE community_id = $1 AND customer NOT LIKE 'order:%'
       UNION
       SELECT o.customer FROM member_customers mc JOIN orders o ON o.community_id = mc.community_id AND o.order_id = substr(mc.customer, 7)
       WHERE mc.community_id = $1 AND mc.customer LIKE 'order:%'
     )
     SELECT count(*) FILTER (WHERE m.customer IS NOT NULL)::int AS mc,
            count(*) FILTER (WHERE m.customer IS NOT NULL AND c.n >= 2)::int AS mr,
            count(*) FILTER (WHERE m.customer IS NULL)::int AS oc,
            count(*) FILTER (WHERE m.customer IS NULL AND c.n >= 2)::int AS "or"
     FROM cust c LEFT JOIN mem m ON m.customer = c.customer`,
    communityId,
    to,
  );
  const campaigns = await prisma.$queryRawUnsafe<{ campaign: string | null; orders: number; revenue: string }[]>(
    `SELECT utm_campaign AS campaign, count(*)::int AS orders, sum(amount)::text AS revenue
     FROM orders WHERE community_id = $1 AND at >= $2::timestamptz AND at < $3::timestamptz
     GROUP BY utm_campaign ORDER BY (utm_campaign IS NULL), sum(amount) DESC, utm_campaign`,
    communityId,
    from,
    to,
  );
  const currencies = await prisma.$queryRawUnsafe<{ currency: string }[]>(
    `SELECT DISTINCT currency FROM orders WHERE community_id = $1 AND at >= $2::timestamptz AND at < $3::timestamptz AND currency IS NOT NULL ORDER BY currency`,
    communityId,
    from,
    to,
  );
  const byCampaign = campaigns.map((c) => ({ campaign: c.campaign, orders: Number(c.orders), revenue: Number(c.revenue) }));
  const mc = Number(r?.mc ?? 0);
  const oc = Number(r?.oc ?? 0);
  return {
    customers: mc + oc,
    memberCustomers: mc,
    nonMemberCustomers: oc,
    memberRepeatPurchaseRate: rate(Number(r?.mr ?? 0), mc),
    nonMemberRepeatPurchaseRate: rate(Number(r?.or ?? 0), oc),
    orders: byCampaign.reduce((s, c) => s + c.orders, 0),
    // Summed in cents so 0.10 + 0.20 stays 0.30.
    revenue: Math.round(byCampaign.reduce((s, c) => s + Math.round(c.revenue * 100), 0)) / 100,
    currencies: currencies.map((c) => c.currency),
    byCampaign,
  };
}

/** As a KPI group: `customers` only when orders were imported. */
export async function customers(ctx: { prisma: PrismaClient; communityId: number; start: string; end: string }): Promise<{ customers?: CustomerKpis }> {
  const k = await customerKpis(ctx.prisma, ctx.communityId, { from: new Date(ctx.start), to: new Date(ctx.end) });
  return k ? { customers: k } : {};
}
