// Imported orders in the store: one row per (community, order number), so a re-import updates in
// place. The whole file goes in one transaction: an error leaves the store as it was.
import type { PrismaClient } from "./generated/client.js";
import type { OrderRecord } from "../insights/orders-csv.js";
import { normalizeCustomerValue, type CustomerKey } from "../onboarding/customers.js";

export interface OrderImportCounts {
  added: number;
  updated: number;
  /** Member ↔ customer links new to the store (from the file's member column). */
  membersLinked: number;
}

const CHUNK = 5000;

/** Upserts the orders of one community in ONE transaction, `CHUNK` rows per statement; `progress(done, total)` after each. */
export async function importOrders(
  prisma: PrismaClient,
  communityId: number,
  orders: readonly OrderRecord[],
  progress: (done: number, total: number) => void = () => {},
): Promise<OrderImportCounts> {
  const counts: OrderImportCounts = { added: 0, updated: 0, membersLinked: 0 };
  await prisma.$transaction(
    async (tx) => {
      for (let i = 0; i < orders.length; i += CHUNK) {
        const chunk = orders.slice(i, i + CHUNK).map((o) => ({
          o: o.orderId, c: o.customer, t: o.at.toISOString(), a: o.amount, cu: o.currency, us: o.utmSource, um: o.utmMedium, uc: o.utmCampaign,
        }));
        const r = await tx.$queryRawUnsafe<{ inserted: boolean }[]>(
          `INSERT INTO orders (community_id, order_id, customer, at, amount, currency, utm_source, utm_medium, utm_campaign, imported_at)
           SELECT $1::int, x.o, x.c, x.t::timestamptz, x.a::numeric(14,2), x.cu, x.us, x.um, x.uc, now()
           FROM json_to_recordset($2::json) AS x(o text, c text, t text, a text, cu text, us text, um text, uc text)
           ON CONFLICT (community_id, order_id) DO UPDATE SET customer = EXCLUDED.customer, at = EXCLUDED.at, amount = EXCLUDED.amount,
             currency = EXCLUDED.currency, utm_source = EXCLUDED.utm_source, utm_medium = EXCLUDED.utm_medium, utm_campaign = EXCLUDED.utm_campaign,
             imported_at = EXCLUDED.imported_at
           RETURNING (xmax = 0) AS inserted`,
          communityId,
          JSON.stringify(chunk),
        );
        const added = r.filter((x) => x.inserted).length;
        counts.added += added;
        counts.updated += r.length - added;
        const links = orders.slice(i, i + CHUNK).filter((o) => o.member).map((o) => ({ m: o.member, c: o.customer }));
        if (links.length) {
          counts.membersLinked += await tx.$executeRawUnsafe(
            `INSERT INTO member_customers (community_id, member_id, customer)
             SELECT DISTINCT $1::int, x.m, x.c FROM json_to_recordset($2::json) AS x(m text, c text)
             ON CONFLICT DO NOTHING`,
            communityId,
            JSON.stringify(links),
          );
        }
        progress(Math.min(i + CHUNK, orders.length), orders.length);
      }
    },
    { timeout: 10 * 60_000, maxWait: 60_000 },
  );
  return counts;
}

/**
 * A member proved during screening that they are a customer (their email or order number is on
 * the imported list): remember the link for the customers KPIs. An order number is kept as
 * "order:<number>" and resolved to that order's customer when the KPIs are computed, so the
 * link holds whether the orders are imported before or after.
 */
export async function linkMemberToCustomer(prisma: PrismaClient, community: string, member: string, key: CustomerKey, value: string): Promise<void> {
  const v = normalizeCustomerValue(key, value);
  if (!v) return;
  const customer = key === "email" ? v : `order:${v}`;
  await prisma.$executeRawUnsafe(
    `INSERT INTO member_customers (community_id, member_id, customer)
     SELECT id, $2, $3 FROM communities WHERE key = $1
     ON CONFLICT DO NOTHING`,
    community,
    member,
    customer,
  );
}
