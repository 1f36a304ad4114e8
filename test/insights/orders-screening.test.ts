// Members verified by screening become customers for the customers KPIs: the onboarding replay
// (test/fixtures/onboarding) through the real pipeline, then an orders import, on PGlite and PostgreSQL.
import { afterAll, describe, expect, it } from "vitest";
import { PassThrough } from "node:stream";
import path from "node:path";
import { runReplay } from "../../src/platforms/replay/run.js";
import { GuidelineLibrary } from "../../src/guidelines/library.js";
import { SettingsProvider, loadAllSettings } from "../../src/config/settings.js";
import { PrismaPersistence } from "../../src/store/pipeline-writer.js";
import { PrismaCustomers, importCustomers } from "../../src/store/customers.js";
import { importOrders } from "../../src/store/orders.js";
import { parseOrdersCsv } from "../../src/insights/orders-csv.js";
import { customerKpis } from "../../src/insights/kpis/customers.js";
import { silentLogger } from "../../src/log.js";
import { backends } from "../store/backends.js";

const dir = path.resolve("test/fixtures/onboarding");

for (const backend of backends()) {
  describe(`screening links members to customers (${backend.name})`, () => {
    afterAll(() => backend.cleanup());

    it("records verified members who were not declined, and counts them as members' purchases", async () => {
      const store = await backend.open();
      try {
        await importCustomers(store.prisma, "crafts", "replay", [{ name: "Rina", email: "Rina@Example.com", order: "A-1042" }]);
        const library = await GuidelineLibrary.load(path.resolve("rules"));
        const settings = new SettingsProvider(await loadAllSettings(path.join(dir, "communities")));
        const out = new PassThrough().resume();
        await runReplay({
          file: path.join(dir, "events.jsonl"), library, settings, persistence: new PrismaPersistence(store.prisma),
          customers: new PrismaCustomers(store.prisma), logger: silentLogger, out, err: out, quiet: true,
        });
        const links = await store.prisma.memberCustomer.findMany({ select: { memberId: true, customer: true }, orderBy: { memberId: "asc" } });
        // ana (approved, order #A-1042), dee (sent to review, email), fay (approved, A-1042), r4 (review, #A-1042);
        // bo's order is not on the list; cy gave a listed order number but was declined.
        expect(links).toEqual([
          { memberId: "ana", customer: "order:a1042" },
          { memberId: "dee", customer: "rina@example.com" },
          { memberId: "fay", customer: "order:a1042" },
          { memberId: "r4", customer: "order:a1042" },
        ]);

        const community = await store.prisma.community.findUniqueOrThrow({ where: { key: "crafts" } });
        const read = parseOrdersCsv(
          ["Order,Email,Date,Total", "A-1042,rina@example.com,2026-10-02,20", "A-1100,rina@example.com,2026-11-03,25", "A-1200,zoe@example.com,2026-11-04,30", "A-1300,zoe2@example.com,2026-11-05,5"].join("\n"),
          community.timezone,
        );
        await importOrders(store.prisma, community.id, read.orders);
        const k = await customerKpis(store.prisma, community.id, { from: new Date("2026-11-01T00:00:00Z"), to: new Date("2026-12-01T00:00:00Z") });
        // rina is a member customer (through her email and through order A-1042) with 2 orders; zoe and zoe2 are not members, 1 order each.
        expect(k).toMatchObject({ customers: 3, memberCustomers: 1, nonMemberCustomers: 2, memberRepeatPurchaseRate: 1, nonMemberRepeatPurchaseRate: 0, orders: 3, revenue: 60 });
      } finally {
        await store.close();
      }
    });
  });
}
