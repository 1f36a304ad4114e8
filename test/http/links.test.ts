// Steward's HTTP server on loopback (PORT 0) with tracked links in a real store: redirects carry
// the utm fields, the target's own parameters and fragment stay, preview fetchers are not counted,
// unknown codes are 404, other methods 405, and oversized or slow requests are refused.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import net from "node:net";
import { silentLogger } from "../../src/log.js";
import { startStewardHttp, type StewardHttp } from "../../src/http/index.js";
import { PrismaLinks } from "../../src/store/links.js";
import type { Store } from "../../src/store/index.js";
import { backends } from "../store/backends.js";

function raw(port: number, request: string | Buffer, opts: { endAfterMs?: number } = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, "127.0.0.1");
    let data = "";
    socket.on("data", (c) => (data += String(c)));
    socket.on("end", () => resolve(data));
    socket.on("close", () => resolve(data));
    socket.on("error", (e: NodeJS.ErrnoException) => (e.code === "ECONNRESET" || e.code === "EPIPE" ? resolve(data) : reject(e)));
    socket.write(request);
    if (opts.endAfterMs) setTimeout(() => socket.destroy(), opts.endAfterMs);
  });
}

for (const backend of backends()) {
  describe(`tracked links over HTTP (${backend.name})`, () => {
    let store: Store;
    let http: StewardHttp;
    let links: PrismaLinks;
    let base: string;
    let community: string;

    beforeAll(async () => {
      store = await backend.open();
      community = String((await store.prisma.community.create({ data: { key: "acme", platform: "discord" } })).id);
      links = new PrismaLinks(store.prisma, () => base);
      http = await startStewardHttp({
        port: 0,
        host: "127.0.0.1",
        utmSource: "steward",
        links,
        logger: silentLogger,
        limits: { headersTimeoutMs: 500, requestTimeoutMs: 1000, checkIntervalMs: 100, maxBodyBytes: 1024 },
        clickBatch: { intervalMs: 50 },
      });
      base = `http://127.0.0.1:${http.port}`;
    });
    afterAll(async () => {
      await http?.close();
      await store?.close();
      await backend.cleanup();
    });

    const clicksOf = async (id: number) => store.prisma.linkClick.count({ where: { linkId: id } });

    it("redirects to the URL with utm_source, utm_medium and utm_campaign, keeping the target's parameters and fragment", async () => {
      const link = await links.create({ community, url: "https://shop.example.com/sale?ref=home&utm_source=newsletter&utm_content=banner#sizes", campaign: "spring sale", medium: "discord", createdBy: "mod-1" });
      expect(links.shortLink(link.code)).toBe(`${base}/l/${link.code}`);
      const res = await fetch(links.shortLink(link.code), { redirect: "manual", headers: { "user-agent": "Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0" } });
      expect(res.status).toBe(302);
      const to = new URL(res.headers.get("location")!);
      expect(to.origin + to.pathname).toBe("https://shop.example.com/sale");
      expect(to.searchParams.get("ref")).toBe("home");
      expect(to.searchParams.get("utm_content")).toBe("banner");
      expect(to.searchParams.getAll("utm_source")).toEqual(["steward"]);
      expect(to.searchParams.get("utm_medium")).toBe("discord");
      expect(to.searchParams.get("utm_campaign")).toBe("spring sale");
      expect(to.hash).toBe("#sizes");
      await http.clicks.flush();
      expect(await clicksOf(link.id)).toBe(1);
    });

    it("does not count link-preview fetchers (Discordbot, Slackbot, facebookexternalhit …), but still redirects them", async () => {
      const link = await links.create({ community, url: "https://shop.example.com/", campaign: "previews", medium: "discord", createdBy: "mod-1" });
      for (const ua of [
        "Mozilla/5.0 (compatible; Discordbot/2.0; +https://discordapp.com)",
        "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)",
        "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)",
        "Twitterbot/1.0",
        "TelegramBot (like TwitterBot)",
        "WhatsApp/2.23.20.0",
      ]) {
        const res = await fetch(`${base}/l/${link.code}`, { redirect: "manual", headers: { "user-agent": ua } });
        expect(res.status, ua).toBe(302);
      }
      await fetch(`${base}/l/${link.code}`, { redirect: "manual", headers: { "user-agent": "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Safari/604.1" } });
      await http.clicks.flush();
      expect(await clicksOf(link.id)).toBe(1);
    });

    it("writes clicks behind and loses none on close", async () => {
      const link = await links.create({ community, url: "https://shop.example.com/many", campaign: "burst", medium: "discord", createdBy: "cli" });
      await Promise.all(Array.from({ length: 40 }, () => fetch(`${base}/l/${link.code}`, { redirect: "manual" })));
      // A second server on the same store, closed right after its clicks: close() flushes.
      const other = await startStewardHttp({ port: 0, host: "127.0.0.1", utmSource: "steward", links, logger: silentLogger, clickBatch: { intervalMs: 60_000 } });
      for (let i = 0; i < 5; i++) await fetch(`http://127.0.0.1:${other.port}/l/${link.code}`, { redirect: "manual" });
      expect(other.clicks.waiting).toBe(5);
      await other.close();
      await http.clicks.flush();
      expect(await clicksOf(link.id)).toBe(45);
    });

    it("keeps writing clicks when a link is deleted while its clicks wait", async () => {
      const gone = await links.create({ community, url: "https://shop.example.com/gone", campaign: "gone", medium: "discord", createdBy: "cli" });
      const kept = await links.create({ community, url: "https://shop.example.com/kept", campaign: "kept", medium: "discord", createdBy: "cli" });
      await links.recordClicks([{ linkId: gone.id, at: Date.now() }, { linkId: kept.id, at: Date.now() }]);
      await store.prisma.trackedLink.delete({ where: { id: gone.id } });
      await links.recordClicks([{ linkId: gone.id, at: Date.now() }, { linkId: kept.id, at: Date.now() }]);
      expect(await clicksOf(kept.id)).toBe(2);
    });

    it("answers 404 for unknown codes and unknown paths", async () => {
      expect((await fetch(`${base}/l/Zz9Zz9Zz`, { redirect: "manual" })).status).toBe(404);
      expect((await fetch(`${base}/l/not-a-code!`, { redirect: "manual" })).status).toBe(404);
      expect((await fetch(`${base}/l/`, { redirect: "manual" })).status).toBe(404);
      expect((await fetch(`${base}/admin`)).status).toBe(404);
    });

    it("serves /healthz and refuses other methods with 405 and Allow", async () => {
      const h = await fetch(`${base}/healthz`);
      expect(h.status).toBe(200);
      expect(await h.text()).toBe("ok\n");
      const link = await links.create({ community, url: "https://shop.example.com/", campaign: "methods", medium: "discord", createdBy: "cli" });
      const post = await fetch(`${base}/l/${link.code}`, { method: "POST", body: "x", redirect: "manual" });
      expect(post.status).toBe(405);
      expect(post.headers.get("allow")).toBe("GET, HEAD");
      expect((await fetch(`${base}/healthz`, { method: "DELETE" })).status).toBe(405);
      const head = await fetch(`${base}/l/${link.code}`, { method: "HEAD", redirect: "manual" });
      expect(head.status).toBe(302);
      await http.clicks.flush();
      expect(await clicksOf(link.id)).toBe(0);
    });

    it("refuses a request body on a GET route (413) and oversized headers (431)", async () => {
      const big = await raw(http.port, `GET /healthz HTTP/1.1\r\nHost: x\r\nContent-Length: 10000000\r\nConnection: close\r\n\r\n`);
      expect(big).toMatch(/^HTTP\/1\.1 413 /);
      const huge = await raw(http.port, `GET /healthz HTTP/1.1\r\nHost: x\r\nX-Pad: ${"a".repeat(20_000)}\r\n\r\n`);
      expect(huge).toMatch(/^HTTP\/1\.1 431 /);
    });

    it("drops a client that sends its headers too slowly (408) and keeps serving others", async () => {
      const slow = raw(http.port, "GET /healthz HTTP/1.1\r\nHost: x\r\n", { endAfterMs: 5000 });
      const answer = await slow;
      expect(answer).toMatch(/^HTTP\/1\.1 408 /);
      expect((await fetch(`${base}/healthz`)).status).toBe(200);
    });
  });
}
