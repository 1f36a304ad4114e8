// Reading order exports: Shopify's and WooCommerce's headers, amounts and dates as shops write
// them, and every problem with its line, column and what to fix.
import { describe, expect, it } from "vitest";
import { formatProblem, OrdersLayoutError, parseAmount, parseOrderDate, parseOrdersCsv } from "../../src/insights/orders-csv.js";

describe("order CSV headers", () => {
  it("reads a Shopify export: Name, Email, Created at, Total, Currency; further line-item rows of an order are not new orders", () => {
    const csv = [
      "Name,Email,Financial Status,Paid at,Currency,Total,Lineitem name,Created at,Id",
      "#1001,Rina@Shop.com,paid,2026-10-03 10:22:33 -0400,USD,120.50,Boots,2026-10-03 10:20:00 -0400,5550001",
      "#1001,Rina@Shop.com,,,,,Laces,2026-10-03 10:20:00 -0400,",
      "#1002,tom@example.com,paid,,usd,\"1,045.00\",Tent,2026-10-04 09:00:00 -0400,5550002",
    ].join("\n");
    const r = parseOrdersCsv(csv, "UTC", "shopify.csv");
    expect(r.problems).toEqual([]);
    expect(r.continuation).toBe(1);
    expect(r.orders.map((o) => [o.orderId, o.customer, o.at.toISOString(), o.amount, o.currency])).toEqual([
      ["1001", "rina@shop.com", "2026-10-03T14:20:00.000Z", "120.50", "USD"],
      ["1002", "tom@example.com", "2026-10-04T13:00:00.000Z", "1045.00", "USD"],
    ]);
    expect(r.unknown).toEqual(["Financial Status", "Paid at", "Lineitem name", "Id"]);
  });

  it("reads a WooCommerce-style export: Order ID, Billing Email, Order Date, Order Total, UTM columns, a member column", () => {
    const csv = ["Order ID,Order Date,Billing Email,Order Total,UTM Source,utm_medium,UTM_Campaign,Discord ID", "87,2026-10-05,ana@example.com,35,steward,discord,spring sale,4242"].join("\n");
    const [o] = parseOrdersCsv(csv, "Europe/Paris").orders;
    expect(o).toMatchObject({ orderId: "87", customer: "ana@example.com", amount: "35.00", utmSource: "steward", utmMedium: "discord", utmCampaign: "spring sale", member: "4242" });
    // A date without a time or zone is midnight in the community's time zone (Paris: UTC+2 in October).
    expect(o!.at.toISOString()).toBe("2026-10-04T22:00:00.000Z");
  });

  it("takes a customer id when there is no email", () => {
    const r = parseOrdersCsv("order,customer id,date,amount\nA-7,C-19,2026-10-01T08:00:00Z,10", "UTC");
    expect(r.orders[0]).toMatchObject({ orderId: "a7", customer: "id:C-19" });
  });

  it("refuses a header without the needed columns, naming what is missing", () => {
    expect(() => parseOrdersCsv("Order ID,Email,Notes\n1,a@b.c,x", "UTC", "o.csv")).toThrow(OrdersLayoutError);
    expect(() => parseOrdersCsv("Order ID,Email,Notes\n1,a@b.c,x", "UTC", "o.csv")).toThrow(/^o\.csv:1: the header has no column for date .*amount/);
    expect(() => parseOrdersCsv("Order ID,Date,Total\n1,2026-10-01,3", "UTC", "o.csv")).toThrow(/the customer \(a column "email" or "customer id"\)/);
  });
});

describe("order rows", () => {
  it("names the file, line, column and what to fix", () => {
    const csv = [
      "Order ID,Email,Order Date,Total",
      "1,a@example.com,2026-10-01,10.00",
      "2,b@example.com,03/10/2026,12.00",
      "3,,2026-10-02,9",
      "4,d@example.com,2026-10-02,12.345",
      "5,e@example.com,2026-10-02,-5",
      "1,a@example.com,2026-10-01,11.00",
    ].join("\n");
    const r = parseOrdersCsv(csv, "UTC", "shop.csv");
    expect(r.problems.map((p) => formatProblem("shop.csv", p))).toEqual([
      'shop.csv:3: column "Order Date": "03/10/2026" is not a date; write YYYY-MM-DD, optionally with a time (2026-10-03 14:05) and zone (Z, +02:00)',
      'shop.csv:4: column "Email": no customer: give the email or the customer id',
      'shop.csv:5: column "Total": "12.345" is not an amount; write a number with at most two decimals, e.g. 49.90',
      'shop.csv:6: column "Total": -5 is negative; import orders, not refunds',
      'shop.csv:7: column "Order ID": order "1" appears again with a different amount (first on line 2); each order once, please',
    ]);
  });

  it("parses amounts and dates as shops write them", () => {
    expect(["49.9", "$1,234.50", "45,5", "€ 12", "EUR 7.00", "0.10"].map(parseAmount)).toEqual(["49.90", "1234.50", "45.50", "12.00", "7.00", "0.10"]);
    expect(["abc", "1.2.3", ""].map(parseAmount)).toEqual([null, null, null]);
    expect(parseOrderDate("2026-03-29 02:30", "Europe/Paris")?.toISOString()).toBe("2026-03-29T01:30:00.000Z");
    expect(parseOrderDate("2026-10-03T14:05:00+0530", "UTC")?.toISOString()).toBe("2026-10-03T08:35:00.000Z");
    expect(parseOrderDate("2026-02-30", "UTC")).toBeNull();
  });
});
