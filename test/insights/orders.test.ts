// steward orders import through the real CLI on PGlite and PostgreSQL, and the links and
// customers KPI groups on a crafted store whose expected values are worked out by hand below.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { openStore, type Store, type StoreOptions } from "../../src/store/index.js";
import { PrismaCustomers } from "../../src/store/customers.js";
import { PrismaLinks } from "../../src/store/links.js";
import { importOrders } from "../../src/store/orders.js";
import { parseOrdersCsv } from "../../src/insights/orders-csv.js";
import { customerKpis } from "../../src/insights/kpis/customers.js";
import { linkClicksByCampaign } from "../../src/insights/kpis/links.js";
import { computeKpis } from "../../src/insights/kpis/index.js";
import { monthRange } from "../../src/insights/period.js";
import { cli } from "../helpers/cli.js";
import { backends } from "../store/backends.js";

const OCTOBER = { from: new Date("2026-10-01T00:00:00Z"), to: new Date("2026-11-01T00:00:00Z") };

for (const backend of backends()) {
  describe(`steward orders import (${backend.name})`, () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "steward-orders-"));
    let opts: StoreOptions;
    let args: string[];
    let env: NodeJS.ProcessEnv;
    const file = (name: string, text: string) => {
      const f = path.join(dir, name);
      writeFileSync(f, text);
      return f;
    };
    const withStore = async <T>(run: (s: Store) => Promise<T>) => {
      const s = await openStore(opts);
      try {
        return await run(s);
      } finally {
        await s.close();
      }
    };

    beforeAll(async () => {
      opts = backend.freshOptions();
      args = opts.dataDir ? ["--data-dir", opts.dataDir] : [];
      env = opts.databaseUrl ? { DATABASE_URL: opts.databaseUrl } : {};
      await withStore((s) => s.prisma.community.create({ data: { key: "acme", platform: "discord", timezone: "UTC" } }));
    });
    afterAll(async () => {
      rmSync(dir, { recursive: true, force: true });
      await backend.cleanup();
    });

    it("imports a Shopify export, and a re-import updates in place instead of adding", async () => {
      const shopify = file(
        "shopify.csv",
        ["Name,Email,Currency,Total,Created at,Lineitem name", "#1001,rina@shop.com,USD,50.00,2026-09-10 10:00:00 +0000,Boots", "#1001,rina@shop.com,,,,Laces", "#1002,RINA@shop.com,USD,30.00,2026-10-05 10:00:00 +0000,Socks"].join("\n"),
      );
      const first = await cli(["orders", "import", shopify, ...args], env);
      expect(first.err).toBe("shopify.csv: columns ignored: Lineitem name\n".replace("shopify.csv", shopify));
      expect(first.code).toBe(0);
      expect(first.out).toBe(`${shopify}: 2 orders read (1 further line-item rows of the same orders); 2 new, 0 updated, for community acme\n`);
      const again = await cli(["orders", "import", shopify, ...args], env);
      expect(again.out).toContain("2 orders read (1 further line-item rows of the same orders); 0 new, 2 updated");
      const rows = await withStore((s) => s.prisma.order.findMany({ orderBy: { orderId: "asc" } }));
      expect(rows.map((o) => [o.orderId, o.customer, o.amount.toFixed(2), o.at.toISOString()])).toEqual([
        ["1001", "rina@shop.com", "50.00", "2026-09-10T10:00:00.000Z"],
        ["1002", "rina@shop.com", "30.00", "2026-10-05T10:00:00.000Z"],
      ]);
      // A corrected amount in a later export replaces the old one.
      const fixed = file("fixed.csv", "Order ID,Email,Order Date,Order Total,UTM Campaign\n1002,rina@shop.com,2026-10-05T10:00:00Z,32.50,fall\n");
      expect((await cli(["orders", "import", fixed, "--community", "acme", ...args], env)).out).toContain("1 orders read; 0 new, 1 updated");
      const o = await withStore((s) => s.prisma.order.findUniqueOrThrow({ where: { communityId_orderId: { communityId: rows[0]!.communityId, orderId: "1002" } } }));
      expect([o.amount.toFixed(2), o.utmCampaign]).toEqual(["32.50", "fall"]);
      expect(await withStore((s) => s.prisma.order.count())).toBe(2);
    });

    it("reports each bad line with file, line and column, and imports nothing from that file", async () => {
      const bad = file("bad.csv", ["Order ID,Email,Order Date,Total", "2001,x@example.com,2026-10-01,10", "2002,y@example.com,2026-10-02,ten", "2003,z@example.com,2026-10-03,12"].join("\n"));
      const r = await cli(["orders", "import", bad, ...args], env);
      expect(r.code).toBe(65);
      expect(r.err).toBe(`${bad}:3: column "Total": "ten" is not an amount; write a number with at most two decimals, e.g. 49.90\nsteward: ${bad}: 1 problem; nothing imported. Fix the file and import it again.\n`);
      expect(await withStore((s) => s.prisma.order.count({ where: { orderId: { in: ["2001", "2003"] } } }))).toBe(0);
    });

    it("refuses an unknown community by name, listing the known ones", async () => {
      const f = file("one.csv", "Order ID,Email,Order Date,Total\n3001,q@example.com,2026-10-01,1\n");
      const r = await cli(["orders", "import", f, "--community", "acme-typo", ...args], env);
      expect(r.code).toBe(65);
      expect(r.err).toBe('steward: no community "acme-typo" in the store (known: acme)\n');
    });

    it("shows progress for a large file and writes all of it", async () => {
      const lines = ["Order ID,Email,Order Date,Total"];
      for (let i = 0; i < 25_000; i++) lines.push(`L${i},c${i % 7000}@example.com,2026-10-${String((i % 28) + 1).padStart(2, "0")},${(i % 90) + 10}.99`);
      const big = file("big.csv", lines.join("\n"));
      const r = await cli(["orders", "import", big, ...args], env);
      expect(r.code).toBe(0);
      expect(r.err).toBe(`${big}: 25000 orders read; writing…\n${[5000, 10000, 15000, 20000, 25000].map((n) => `  ${n}/25000 orders written (${n / 250}%)\n`).join("")}`);
      expect(r.out).toContain("25000 orders read; 25000 new, 0 updated");
      expect(await withStore((s) => s.prisma.order.count({ where: { orderId: { startsWith: "l" } } }))).toBe(25_000);
    }, 60_000);

    it("writes a whole file or nothing: a failure in a later batch undoes the earlier ones", async () => {
      const before = await withStore((s) => s.prisma.order.count());
      const good = parseOrdersCsv(["Order ID,Email,Order Date,Total", ...Array.from({ length: 6000 }, (_, i) => `T${i},t${i}@example.com,2026-10-01,5`)].join("\n"), "UTC").orders;
      // Past the reader's checks (as a corrupted value would be): the 6,000th order cannot be stored.
      const broken = [...good.slice(0, 5999), { ...good[5999]!, amount: "1000000000000000.00" }];
      await expect(withStore(async (s) => importOrders(s.prisma, (await s.prisma.community.findUniqueOrThrow({ where: { key: "acme" } })).id, broken))).rejects.toThrow();
      expect(await withStore((s) => s.prisma.order.count())).toBe(before);
      expect(parseOrdersCsv("Order ID,Email,Order Date,Total\n1,a@b.c,2026-10-01,1000000000000", "UTC").problems[0]?.message).toBe("1000000000000 is too large (at most 999999999999.99)");
    }, 60_000);

    it("links members named in the file's member column", async () => {
      const f = file("members.csv", "Order ID,Email,Order Date,Total,Member\n4001,tom@example.com,2026-10-07,20,m-tom\n4002,tom@example.com,2026-10-08,20,m-tom\n");
      expect((await cli(["orders", "import", f, ...args], env)).out).toContain("2 orders read; 2 new, 0 updated, for community acme; 1 member↔customer links added");
      expect(await withStore((s) => s.prisma.memberCustomer.findMany({ select: { memberId: true, customer: true } }))).toEqual([{ memberId: "m-tom", customer: "tom@example.com" }]);
    });
  });

  describe(`customers and links KPIs (${backend.name})`, () => {
    let store: Store;
    let community: number;
    beforeAll(async () => {
      store = await backend.open();
      community = (await store.prisma.community.create({ data: { key: "acme", platform: "discord", timezone: "UTC" } })).id;
    });
    afterAll(async () => {
      await store?.close();
      await backend.cleanup();
    });

    it("has no customers group before any order is imported", async () => {
      expect(await customerKpis(store.prisma, community, OCTOBER)).toBeNull();
    });

    it("works out members' and non-members' repeat-purchase rates and October's orders by campaign", async () => {
      const csv = [
        "Order ID,Email,Order Date,Total,UTM Campaign,Member",
        // rina: a member (screening verified her email); 2 orders before Nov 1 → repeat
        "1001,rina@shop.com,2026-09-10T10:00:00Z,50.00,spring,",
        "1002,rina@shop.com,2026-10-05T10:00:00Z,30.00,fall,",
        // tom: a member (the file's member column); 1 order → not repeat
        "1003,tom@example.com,2026-10-07T10:00:00Z,20.00,fall,m-tom",
        // ana: a member (screening verified her order number #1004); 2 orders → repeat
        "1004,ana@example.com,2026-10-08T10:00:00Z,15.50,,",
        "1005,ana@example.com,2026-10-20T10:00:00Z,10.00,fall,",
        // bob: not a member; 2 orders before Nov 1 (the third is after) → repeat
        "1006,bob@example.com,2026-09-01T10:00:00Z,5.00,,",
        "1007,bob@example.com,2026-10-02T10:00:00Z,5.00,,",
        "1008,bob@example.com,2026-11-03T10:00:00Z,100.00,fall,",
        // cat: not a member; 1 order
        "1009,cat@example.com,2026-10-09T10:00:00Z,40.00,spring,",
        // dan: first order after the period → not yet a customer
        "1010,dan@example.com,2026-11-02T10:00:00Z,60.00,,",
        // eve: one order in the last second of October, one at November's first instant
        "1011,eve@example.com,2026-10-31T23:59:59Z,1.00,spring,",
        "1012,eve@example.com,2026-11-01T00:00:00Z,1.00,spring,",
      ].join("\n");
      const read = parseOrdersCsv(csv, "UTC");
      expect(read.problems).toEqual([]);
      await importOrders(store.prisma, community, read.orders);
      const customers = new PrismaCustomers(store.prisma);
      await customers.linkMember("acme", "m-rina", "email", " Rina@Shop.com ");
      await customers.linkMember("acme", "m-ana", "order", "#1004");
      await customers.linkMember("acme", "m-zed", "email", "zed@example.com"); // no orders: not a customer

      const k = await customerKpis(store.prisma, community, OCTOBER);
      // Customers with an order before Nov 1: rina, tom, ana (members); bob, cat, eve (not). dan is not yet one.
      // Members with ≥ 2 orders: rina, ana → 2/3. Non-members: bob → 1/3.
      // October's orders: 1002 (30 fall), 1003 (20 fall), 1004 (15.50 none), 1005 (10 fall), 1007 (5 none), 1009 (40 spring), 1011 (1 spring)
      //   = 7 orders, 121.50; fall 3 / 60.00, spring 2 / 41.00, none 2 / 20.50.
      expect(k).toEqual({
        customers: 6,
        memberCustomers: 3,
        nonMemberCustomers: 3,
        memberRepeatPurchaseRate: 2 / 3,
        nonMemberRepeatPurchaseRate: 1 / 3,
        orders: 7,
        revenue: 121.5,
        currencies: [],
        byCampaign: [
          { campaign: "fall", orders: 3, revenue: 60 },
          { campaign: "spring", orders: 2, revenue: 41 },
          { campaign: null, orders: 2, revenue: 20.5 },
        ],
      });
    });

    it("counts clicks per campaign in the period, with the campaign's links", async () => {
      const links = new PrismaLinks(store.prisma);
      const make = async (campaign: string, createdAt: string) => {
        const l = await links.create({ community: String(community), url: "https://shop.example.com/", campaign, medium: "discord", createdBy: "cli" });
        await store.prisma.trackedLink.update({ where: { id: l.id }, data: { createdAt: new Date(createdAt) } });
        return l.id;
      };
      const fallA = await make("fall", "2026-09-20T00:00:00Z");
      const fallB = await make("fall", "2026-10-02T00:00:00Z");
      const spring = await make("spring", "2026-09-01T00:00:00Z");
      const old = await make("old", "2026-08-01T00:00:00Z");
      await make("new", "2026-10-15T00:00:00Z");
      await make("later", "2026-11-05T00:00:00Z");
      const at = (s: string) => Date.parse(s);
      await links.recordClicks([
        { linkId: fallA, at: at("2026-10-03T12:00:00Z") },
        { linkId: fallA, at: at("2026-10-04T12:00:00Z") },
        { linkId: fallA, at: at("2026-11-01T00:00:00Z") }, // November: not counted
        { linkId: fallB, at: at("2026-10-05T12:00:00Z") },
        { linkId: spring, at: at("2026-10-31T23:59:59Z") },
        { linkId: old, at: at("2026-09-30T23:59:59Z") }, // September: not counted
      ]);
      // fall: 3 clicks on 2 links; spring: 1 on 1; new: made in October, no clicks; old: no October click; later: made after.
      expect(await linkClicksByCampaign(store.prisma, community, OCTOBER)).toEqual([
        { campaign: "fall", clicks: 3, links: 2 },
        { campaign: "spring", clicks: 1, links: 1 },
        { campaign: "new", clicks: 0, links: 1 },
      ]);
    });

    it("are part of the month's KPIs (steward kpi --month 2026-10)", async () => {
      const k = await computeKpis(store.prisma, { community: "acme", ...monthRange("2026-10") });
      expect(k.links).toEqual([
        { campaign: "fall", clicks: 3, links: 2 },
        { campaign: "spring", clicks: 1, links: 1 },
        { campaign: "new", clicks: 0, links: 1 },
      ]);
      expect(k.customers).toMatchObject({ customers: 6, memberRepeatPurchaseRate: 2 / 3, nonMemberRepeatPurchaseRate: 1 / 3, orders: 7, revenue: 121.5 });
      // September: orders before Oct 1 are 1001 (rina, a member) and 1006 (bob, not): one order each, so neither repeats; ana's first order is in October.
      const sept = await computeKpis(store.prisma, { community: "acme", ...monthRange("2026-09") });
      expect(sept.customers).toMatchObject({ customers: 2, memberCustomers: 1, nonMemberCustomers: 1, memberRepeatPurchaseRate: 0, nonMemberRepeatPurchaseRate: 0, orders: 2, revenue: 55 });
    });
  });
}
