// Starting Steward's HTTP server for `steward start`: its routes today are /healthz and the
// tracked links' /l/<code>; Slack's /slack/events and /metrics are added with server.add().
import type { LinkStore } from "../insights/links.js";
import { ClickRecorder } from "../insights/links.js";
import { Health, HttpServer, type HttpLimits, type HttpLogger } from "./server.js";
import { linkRoute } from "./links.js";

export { Health, HttpServer, PortInUseError, healthRoute, sendText, type Route, type RouteRequest, type HttpLimits } from "./server.js";
export { linkRoute } from "./links.js";

export interface StewardHttpOptions {
  /** 0: any free port. */
  port: number;
  host?: string;
  /** PUBLIC_URL; default http://localhost:<the port listened on>. */
  publicUrl?: string | undefined;
  utmSource: string;
  links: LinkStore;
  logger: HttpLogger;
  limits?: Partial<HttpLimits>;
  /** Click batching (ClickRecorder's options). */
  clickBatch?: { intervalMs?: number; maxBatch?: number };
}

export interface StewardHttp {
  server: HttpServer;
  /** /healthz's checks: the database and the platform connection are added by steward start. */
  health: Health;
  clicks: ClickRecorder;
  port: number;
  /** The base of short links. */
  publicUrl(): string;
  /** Stops the server, then writes the clicks still waiting. */
  close(): Promise<void>;
}

/** The server with its routes, listening (a taken port rejects with PortInUseError). */
export async function startStewardHttp(o: StewardHttpOptions): Promise<StewardHttp> {
  const clicks = new ClickRecorder(o.links, o.logger, o.clickBatch ?? {});
  const health = new Health();
  const server = new HttpServer({ routes: [health.route(), linkRoute({ links: o.links, clicks, utmSource: o.utmSource })], logger: o.logger, ...(o.limits ? { limits: o.limits } : {}) });
  const port = await server.listen(o.port, o.host);
  const base = (o.publicUrl ?? `http://localhost:${port}`).replace(/\/+$/, "");
  return {
    server,
    health,
    clicks,
    port,
    publicUrl: () => base,
    async close() {
      await server.close();
      await clicks.close();
    },
  };
}
