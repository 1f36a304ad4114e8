// The imported customer list in the store: one row per (community, key, normal form), so a
// re-import updates names in place and adds new keys; screening looks keys up one at a time.
import type { PrismaClient } from "./generated/client.js";
import { normalizeEmail, normalizeOrder, normalizeCustomerValue, type CustomerDirectory, type CustomerKey, type CustomerRecord } from "../onboarding/customers.js";
import { linkMemberToCustomer } from "./orders.js";

export interface ImportCounts {
  /** Keys (emails and order numbers) new to the list. */
  added: number;
  /** Keys already there (their name refreshed). */
  updated: number;
}

/** Upserts the customers' keys for a community (by key, e.g. "acme"; the community row is made if new). */
export async function importCustomers(prisma: PrismaClient, community: string, platform: string, records: readonly CustomerRecord[]): Promise<ImportCounts> {
  const row = await prisma.community.upsert({ where: { key: community }, create: { key: community, platform }, update: {}, select: { id: true } });
  const keys = new Map<string, { k: CustomerKey; v: string; n: string | null }>();
  for (const r of records) {
    if (r.email) keys.set(`email:${normalizeEmail(r.email)}`, { k: "email", v: normalizeEmail(r.email), n: r.name ?? null });
    if (r.order) keys.set(`order:${normalizeOrder(r.order)}`, { k: "order", v: normalizeOrder(r.order), n: r.name ?? null });
  }
  const rows = [...keys.values()].filter((x) => x.v);
  if (!rows.length) return { added: 0, updated: 0 };
  // One statement for the whole list; `xmax = 0` tells inserted rows from updated ones.
  const result = await prisma.$queryRawUnsafe<{ inserted: boolean }[]>(
    `INSERT INTO customers (community_id, key, value, name, imported_at)
     SELECT $1::int, x.k, x.v, x.n, now() FROM json_to_recordset($2::json) AS x(k text, v text, n text)
     ON CONFLICT (community_id, key, value) DO UPDATE SET name = COALESCE(EXCLUDED.name, customers.name), imported_at = EXCLUDED.imported_at
     RETURNING (xmax = 0) AS inserted`,
    row.id,
    JSON.stringify(rows),
  );
  const added = result.filter((r) => r.inserted).length;
  return { added, updated: result.length - added };
}

export class PrismaCustomers implements CustomerDirectory {
  constructor(private readonly prisma: PrismaClient) {}

  async find(community: string, key: CustomerKey, value: string): Promise<CustomerRecord | null> {
    const v = normalizeCustomerValue(key, value);
    if (!v) return null;
    const row = await this.prisma.customer.findFirst({ where: { community: { key: community }, key, value: v }, select: { name: true } });
    if (!row) return null;
    return { ...(row.name ? { name: row.name } : {}), ...(key === "email" ? { email: v } : { order: v }) };
  }

  linkMember(community: string, member: string, key: CustomerKey, value: string): Promise<void> {
    return linkMemberToCustomer(this.prisma, community, member, key, value);
  }
}
