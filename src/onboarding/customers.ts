// Customer verification: an applicant's order number or email checked against the customer
// list a community imported (`steward customers import FILE.csv`). Values are compared in a
// normal form, so "#A-1042 " matches "a1042" and " Rina@Shop.COM" matches "rina@shop.com".

export type CustomerKey = "order" | "email";

export interface CustomerRecord {
  name?: string;
  email?: string;
  order?: string;
}

/** Where screening looks customers up (the store implements it; tests may use MemoryCustomers). */
export interface CustomerDirectory {
  find(community: string, key: CustomerKey, value: string): Promise<CustomerRecord | null>;
  /**
   * Screening verified a member with this email or order number (and did not decline them):
   * the store remembers the member as a customer for the customers KPIs (member_customers).
   */
  linkMember?(community: string, member: string, key: CustomerKey, value: string): Promise<void>;
}

export function normalizeEmail(value: string): string {
  return value.trim().toLowerCase();
}

/** Order numbers: case, spaces, "#" and dashes do not matter ("#A-1042" = "a1042"). */
export function normalizeOrder(value: string): string {
  return value.trim().toLowerCase().replace(/[\s#\-_.]/g, "");
}

export function normalizeCustomerValue(key: CustomerKey, value: string): string {
  return key === "email" ? normalizeEmail(value) : normalizeOrder(value);
}

/** What an "order-or-email" answer is: an email when it has an @, else an order number. */
export function keyOfAnswer(kind: "order" | "email" | "order-or-email", answer: string): CustomerKey {
  if (kind !== "order-or-email") return kind;
  return answer.includes("@") ? "email" : "order";
}

/** In memory: for tests, and for a list loaded from a file without a store. */
export class MemoryCustomers implements CustomerDirectory {
  private readonly byKey = new Map<string, CustomerRecord>();

  add(community: string, record: CustomerRecord): void {
    if (record.email) this.byKey.set(`${community}\u0000email\u0000${normalizeEmail(record.email)}`, record);
    if (record.order) this.byKey.set(`${community}\u0000order\u0000${normalizeOrder(record.order)}`, record);
  }

  async find(community: string, key: CustomerKey, value: string): Promise<CustomerRecord | null> {
    return this.byKey.get(`${community}\u0000${key}\u0000${normalizeCustomerValue(key, value)}`) ?? null;
  }
}
