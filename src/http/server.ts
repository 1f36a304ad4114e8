// Steward's one HTTP server (one port, PORT): tracked links (/l/<code>), /healthz, and later
// Slack's /slack/events and /metrics. Plain node:http rather than a framework: a handful of
// routes with fixed paths, where what matters is what is refused (unknown paths, other methods,
// big or slow requests) — a route table and node's own timeouts say that in a page, with no
// dependency to keep patched.
import http, { type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export type Method = "GET" | "POST";

export interface RouteRequest {
  req: IncomingMessage;
  /** Path parameters: "/l/:code" on "/l/abc" gives { code: "abc" }. */
  params: Record<string, string>;
  url: URL;
  /** The body, for routes that accept one (POST), read up to the route's limit (413 beyond). */
  body(): Promise<Buffer>;
}

export interface Route {
  method: Method;
  /** Fixed segments and ":name" parameters, e.g. "/healthz", "/l/:code". */
  path: string;
  /** Largest body the route reads (POST only); default the server's maxBodyBytes. */
  maxBodyBytes?: number;
  handle(r: RouteRequest, res: ServerResponse): Promise<void> | void;
}

export interface HttpLogger {
  debug(obj: object, msg: string): void;
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface HttpLimits {
  /** Largest request body accepted by any route (default 64 KiB); GET routes take none. */
  maxBodyBytes: number;
  /** Largest request line + headers (default 8 KiB); beyond it node answers 431. */
  maxHeaderBytes: number;
  /** Time to receive the headers (default 10 s); beyond it node answers 408 and closes. */
  headersTimeoutMs: number;
  /** Time to receive the whole request (default 30 s). */
  requestTimeoutMs: number;
  /** How often node checks those two timeouts (default 1 s). */
  checkIntervalMs: number;
}

export const DEFAULT_LIMITS: HttpLimits = { maxBodyBytes: 64 * 1024, maxHeaderBytes: 8 * 1024, headersTimeoutMs: 10_000, requestTimeoutMs: 30_000, checkIntervalMs: 1000 };

export class PortInUseError extends Error {}

class BodyTooLarge extends Error {}

interface Compiled {
  route: Route;
  segments: string[];
}

function compile(route: Route): Compiled {
  if (!route.path.startsWith("/")) throw new Error(`route path must start with /: ${route.path}`);
  return { route, segments: route.path.split("/").slice(1) };
}

function match(c: Compiled, parts: string[]): Record<string, string> | null {
  if (parts.length !== c.segments.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < parts.length; i++) {
    const seg = c.segments[i]!;
    const part = parts[i]!;
    if (seg.startsWith(":")) {
      if (!part) return null;
      try {
        params[seg.slice(1)] = decodeURIComponent(part);
      } catch {
        return null;
      }
    } else if (seg !== part) return null;
  }
  return params;
}

export function sendText(res: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
  if (res.headersSent) return void res.end();
  const body = Buffer.from(text.endsWith("\n") ? text : `${text}\n`, "utf8");
  res.writeHead(status, { "content-type": "text/plain; charset=utf-8", "content-length": String(body.length), "cache-control": "no-store", "x-content-type-options": "nosniff", ...headers });
  res.end(res.req.method === "HEAD" ? undefined : body);
}

export interface HttpServerOptions {
  routes: readonly Route[];
  logger: HttpLogger;
  limits?: Partial<HttpLimits>;
}

export class HttpServer {
  private readonly routes: Compiled[] = [];
  private readonly limits: HttpLimits;
  private readonly server: http.Server;
  private readonly logger: HttpLogger;

  constructor(opts: HttpServerOptions) {
    this.limits = { ...DEFAULT_LIMITS, ...opts.limits };
    this.logger = opts.logger;
    for (const r of opts.routes) this.add(r);
    this.server = http.createServer(
      {
        maxHeaderSize: this.limits.maxHeaderBytes,
        headersTimeout: this.limits.headersTimeoutMs,
        requestTimeout: this.limits.requestTimeoutMs,
        connectionsCheckingInterval: this.limits.checkIntervalMs,
        keepAliveTimeout: 5000,
      },
      (req, res) => void this.dispatch(req, res),
    );
    this.server.on("clientError", (err: NodeJS.ErrnoException, socket) => {
      // Malformed requests, oversized headers, timeouts: node's own answers (400, 431, 408).
      const status = err.code === "HPE_HEADER_OVERFLOW" ? "431 Request Header Fields Too Large" : err.code === "ERR_HTTP_REQUEST_TIMEOUT" ? "408 Request Timeout" : "400 Bad Request";
      if (socket.writable && !(socket as { _httpMessage?: unknown })._httpMessage) socket.end(`HTTP/1.1 ${status}\r\nconnection: close\r\ncontent-length: 0\r\n\r\n`);
      else socket.destroy();
    });
  }

  /** Adds a route (before or after listen): Slack's events and /metrics plug in here. */
  add(route: Route): void {
    const c = compile(route);
    if (this.routes.some((r) => r.route.path === route.path && r.route.method === route.method)) throw new Error(`route ${route.method} ${route.path} is already taken`);
    this.routes.push(c);
  }

  /** Listens on `port` (0: any free port); a taken port is a PortInUseError naming PORT. */
  listen(port: number, host?: string): Promise<number> {
    return new Promise((resolve, reject) => {
      const onError = (err: NodeJS.ErrnoException) => {
        this.server.off("listening", onListening);
        if (err.code === "EADDRINUSE") reject(new PortInUseError(`port ${port} is in use; set PORT to a free port (PORT=0 picks any)`));
        else if (err.code === "EACCES") reject(new PortInUseError(`port ${port} needs privileges this process does not have; set PORT to a port above 1023`));
        else reject(err);
      };
      const onListening = () => {
        this.server.off("error", onError);
        this.server.on("error", (err) => this.logger.error({ err }, "HTTP server error"));
        resolve(this.port);
      };
      this.server.once("error", onError);
      this.server.once("listening", onListening);
      this.server.listen(port, host);
    });
  }

  get port(): number {
    return (this.server.address() as AddressInfo | null)?.port ?? 0;
  }

  get listening(): boolean {
    return this.server.listening;
  }

  /** Stops accepting connections, lets requests in flight finish (at most `graceMs`), then closes. */
  async close(graceMs = 5000): Promise<void> {
    if (!this.server.listening) return;
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    this.server.closeIdleConnections();
    const force = setTimeout(() => this.server.closeAllConnections(), graceMs);
    force.unref();
    await closed;
    clearTimeout(force);
  }

  private async dispatch(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let url: URL;
    try {
      url = new URL(req.url ?? "/", "http://steward.invalid");
    } catch {
      return sendText(res, 400, "bad request");
    }
    const parts = url.pathname.split("/").slice(1);
    const matches = this.routes.map((c) => ({ c, params: match(c, parts) })).filter((m) => m.params !== null);
    if (!matches.length) return sendText(res, 404, "not found");
    const method = req.method === "HEAD" ? "GET" : req.method;
    const found = matches.find((m) => m.c.route.method === method);
    if (!found) {
      const allow = [...new Set(matches.flatMap((m) => (m.c.route.method === "GET" ? ["GET", "HEAD"] : [m.c.route.method])))].join(", ");
      return sendText(res, 405, "method not allowed", { allow });
    }
    const route = found.c.route;
    const limit = route.method === "GET" ? 0 : Math.min(route.maxBodyBytes ?? this.limits.maxBodyBytes, this.limits.maxBodyBytes);
    const declared = Number(req.headers["content-length"] ?? 0);
    if (Number.isFinite(declared) && declared > limit) {
      tooLarge(req, res, limit === 0 ? "this route takes no request body" : `request body larger than ${limit} bytes`);
      return;
    }
    const request: RouteRequest = { req, url, params: found.params!, body: () => readBody(req, limit) };
    try {
      await route.handle(request, res);
    } catch (err) {
      if (err instanceof BodyTooLarge) {
        tooLarge(req, res, `request body larger than ${limit} bytes`);
        return;
      }
      this.logger.error({ err, route: route.path }, "HTTP route failed");
      sendText(res, 500, "internal error");
    }
  }
}

/** 413, then the connection is dropped once the answer is out (the rest of the body is never read). */
function tooLarge(req: IncomingMessage, res: ServerResponse, text: string): void {
  res.setHeader("connection", "close");
  res.once("finish", () => req.destroy());
  sendText(res, 413, text);
}

function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.pause();
        reject(new BodyTooLarge());
        return;
      }
      chunks.push(chunk);
    });
    req.once("end", () => resolve(Buffer.concat(chunks)));
    req.once("error", reject);
  });
}

/** A health check: resolves with a short state ("ok", "ready") or throws why it is not healthy. */
export type HealthCheck = () => Promise<string>;

/**
 * GET /healthz: 200 "ok" and one line per check ("database: ok") when every check passes within
 * its time, else 503 "unhealthy" and the failing check's reason. Checks (the database, the platform
 * connection) are added once they exist.
 */
export class Health {
  private readonly checks = new Map<string, HealthCheck>();

  constructor(private readonly timeoutMs = 2000) {}

  add(name: string, check: HealthCheck): void {
    this.checks.set(name, check);
  }

  async report(): Promise<{ ok: boolean; lines: string[] }> {
    const results = await Promise.all(
      [...this.checks].map(async ([name, check]) => {
        let timer: NodeJS.Timeout | undefined;
        const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`no answer within ${this.timeoutMs} ms`)), this.timeoutMs)));
        try {
          return { ok: true, line: `${name}: ${await Promise.race([check(), late])}` };
        } catch (e) {
          return { ok: false, line: `${name}: ${(e as Error).message}` };
        } finally {
          clearTimeout(timer);
        }
      }),
    );
    return { ok: results.every((r) => r.ok), lines: results.map((r) => r.line) };
  }

  route(): Route {
    return {
      method: "GET",
      path: "/healthz",
      handle: async (_r, res) => {
        const r = await this.report();
        sendText(res, r.ok ? 200 : 503, [r.ok ? "ok" : "unhealthy", ...r.lines].join("\n"));
      },
    };
  }
}

/** GET /healthz without checks: 200 "ok" while the process serves requests. */
export function healthRoute(): Route {
  return new Health().route();
}
