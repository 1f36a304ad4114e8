// A fake Slack Web API on loopback for the real @slack/web-api client (inside Bolt): it records every
// call and answers as Slack does — `{ ok: true, … }` or `{ ok: false, error }` (missing_scope with
// `needed` and `provided`), with the token's scopes in the x-oauth-scopes header of every response.
// It keeps a small workspace (users, channels, messages) so answers follow Slack's rules: a bot token
// deletes only its own messages, an admin's user token deletes anyone's, nobody leaves #general.
// It also takes the posts to commands' response_url (POST /response/<id>), and serves Socket Mode:
// apps.connections.open (with the app token) gives a ws:// URL on the same port, where the fake says
// hello and sends envelopes (events_api, slash_commands, interactive) that the app acknowledges.
// Messages keep their metadata (chat.postMessage's `metadata`), which conversations.history and
// conversations.replies return only with include_all_metadata, as Slack does; direct message channels
// (D…, from conversations.open) need im:history to be read.
// Faults (faults.ts): 429 with Retry-After, 500/503, slow answers, and calls performed whose answer is
// lost (a 5xx, or the connection dropped) per method; Socket Mode
// connections dropped by the server (dropSockets), after which unacknowledged envelopes are sent
// again on the next connection, with retry_attempt, as Slack does. `calls` records only the calls
// Slack answered (a faulted attempt is in faults.served instead).
import http, { type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { WebSocketServer, type WebSocket } from "ws";
import { Faults } from "./faults.js";

export interface FakeUser {
  id: string;
  name: string;
  is_admin?: boolean;
  is_owner?: boolean;
  is_bot?: boolean;
  deleted?: boolean;
}

export interface FakeChannel {
  id: string;
  name: string;
  is_general?: boolean;
  is_private?: boolean;
  members: string[];
}

export interface FakeToken {
  user: string;
  kind: "bot" | "user" | "app";
  scopes: string[];
  bot_id?: string;
}

export interface FakeMessage {
  channel: string;
  ts: string;
  user: string;
  text: string;
  blocks?: unknown;
  thread_ts?: string;
  /** Files shared with the message (files.completeUploadExternal). */
  files?: FakeFile[];
  /** Message metadata, as posted (chat.postMessage's `metadata`). */
  metadata?: { event_type: string; event_payload: Record<string, unknown> };
  /** Set on messages posted with a bot token. */
  bot_id?: string;
}

/** A file uploaded through files.getUploadURLExternal → POST to the upload URL → files.completeUploadExternal. */
export interface FakeFile {
  id: string;
  filename: string;
  /** The length the app announced, and the bytes that arrived. */
  length: number;
  data: Buffer | null;
  title?: string;
  /** The channel it was shared in, once completed. */
  channel?: string;
}

export interface RecordedCall {
  method: string;
  token: string | undefined;
  args: Record<string, unknown>;
  /** What the fake answered. */
  answer: Record<string, unknown>;
}

export interface FakeSlackSeed {
  team: { id: string; domain: string; name: string };
  users: FakeUser[];
  channels: FakeChannel[];
  tokens: Record<string, FakeToken>;
}

export const BOT_SCOPES = ["chat:write", "files:write", "im:write", "im:history", "users:read", "channels:read", "groups:read", "channels:history", "groups:history", "reactions:read", "commands", "channels:manage", "groups:write"];

/** The example workspace: Steward's bot, an admin (ada), members (ben, cleo), #general, #help, #mod-log. */
export function exampleWorkspace(): FakeSlackSeed {
  return {
    team: { id: "T0STEWARD", domain: "acme", name: "Acme" },
    users: [
      { id: "UBOT00001", name: "steward", is_bot: true },
      { id: "UADA00001", name: "ada", is_admin: true },
      { id: "UOWN00001", name: "olga", is_owner: true, is_admin: true },
      { id: "UBEN00001", name: "ben" },
      { id: "UCLEO0001", name: "cleo" },
    ],
    channels: [
      { id: "CGENERAL1", name: "general", is_general: true, members: ["UBOT00001", "UADA00001", "UBEN00001", "UCLEO0001"] },
      { id: "CHELP0001", name: "help", members: ["UBOT00001", "UADA00001", "UBEN00001", "UCLEO0001"] },
      { id: "CMODLOG01", name: "mod-log", is_private: true, members: ["UBOT00001", "UADA00001"] },
    ],
    tokens: {
      "xoxb-fake-bot": { user: "UBOT00001", kind: "bot", scopes: BOT_SCOPES, bot_id: "BSTEWARD1" },
      "xoxp-fake-admin": { user: "UADA00001", kind: "user", scopes: ["chat:write", "channels:history", "groups:history"] },
      "xoxp-fake-member": { user: "UBEN00001", kind: "user", scopes: ["chat:write"] },
      "xapp-fake-app": { user: "", kind: "app", scopes: ["connections:write"] },
    },
  };
}

type Handler = (args: Record<string, unknown>, token: FakeToken) => Record<string, unknown>;

class SlackError extends Error {
  constructor(readonly error: string, readonly extra: Record<string, unknown> = {}) {
    super(error);
  }
}

export class FakeSlack {
  readonly calls: RecordedCall[] = [];
  readonly responses: { id: string; body: Record<string, unknown> }[] = [];
  readonly messages: FakeMessage[] = [];
  /** Modals opened with views.open. */
  readonly views: { id: string; trigger_id: string; view: Record<string, unknown> }[] = [];
  /** Files by id, uploaded or only announced. */
  readonly files = new Map<string, FakeFile>();
  private readonly server = http.createServer((req, res) => void this.serve(req, res));
  private readonly wss = new WebSocketServer({ server: this.server, path: "/socket" });
  private readonly sockets = new Set<WebSocket>();
  /** Envelope ids the app acknowledged over Socket Mode, with the ack's payload. */
  readonly acks = new Map<string, Record<string, unknown>>();
  readonly faults = new Faults();
  /** Envelopes not acknowledged yet: sent again on every new connection (Slack's redelivery). */
  private readonly unacked = new Map<string, { type: string; payload: Record<string, unknown>; attempts: number; retry?: { attempt: number; reason: string } | undefined }>();
  /** Socket Mode connections accepted since start (reconnections included). */
  connectionsAccepted = 0;
  /** The next ack is lost with the connection (the app handled the envelope; Slack does not know). */
  loseNextAck = false;
  /** Envelopes sent again after a dropped connection. */
  redelivered = 0;
  private clock = 1_800_000_000;
  private seq = 0;

  constructor(readonly seed: FakeSlackSeed = exampleWorkspace()) {}

  async start(): Promise<void> {
    this.wss.on("connection", (ws) => {
      this.sockets.add(ws);
      this.connectionsAccepted++;
      ws.on("close", () => this.sockets.delete(ws));
      ws.on("message", (data) => {
        const m = JSON.parse(String(data)) as { envelope_id?: string; payload?: Record<string, unknown> };
        if (m.envelope_id && this.loseNextAck) {
          // The ack never reaches Slack: the connection breaks first; the envelope comes again.
          this.loseNextAck = false;
          ws.terminate();
          return;
        }
        if (m.envelope_id) {
          this.acks.set(m.envelope_id, m.payload ?? {});
          this.unacked.delete(m.envelope_id);
        }
      });
      ws.send(JSON.stringify({ type: "hello", num_connections: 1, connection_info: { app_id: "ASTEWARD1" } }));
      for (const [id, e] of this.unacked) {
        if (e.attempts > 0) this.redelivered++;
        this.transmit(ws, id, e);
      }
    });
    await new Promise<void>((resolve) => this.server.listen(0, "127.0.0.1", resolve));
  }

  /** Socket Mode connections open now. */
  get socketConnections(): number {
    return this.sockets.size;
  }

  /** Sends an envelope to every Socket Mode connection; resolves with the app's ack payload. */
  async sendEnvelope(type: "events_api" | "slash_commands" | "interactive", payload: Record<string, unknown>, timeoutMs = 5000, retry?: { attempt: number; reason: string }): Promise<Record<string, unknown>> {
    const id = `env-${++this.seq}`;
    const e = { type, payload, attempts: 0, retry };
    this.unacked.set(id, e);
    // With no connection open (dropped, the app reconnecting) it goes out on the next one.
    for (const ws of this.sockets) this.transmit(ws, id, e);
    const deadline = Date.now() + timeoutMs;
    while (!this.acks.has(id)) {
      if (Date.now() > deadline) throw new Error(`envelope ${id} (${type}) not acknowledged within ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 20));
    }
    return this.acks.get(id)!;
  }

  private transmit(ws: WebSocket, id: string, e: { type: string; payload: Record<string, unknown>; attempts: number; retry?: { attempt: number; reason: string } | undefined }): void {
    const retry = e.attempts > 0 ? { retry_attempt: e.attempts, retry_reason: "timeout" } : e.retry ? { retry_attempt: e.retry.attempt, retry_reason: e.retry.reason } : {};
    e.attempts++;
    ws.send(JSON.stringify({ envelope_id: id, type: e.type, payload: e.payload, accepts_response_payload: e.type !== "events_api", ...retry }));
  }

  /** Drops every Socket Mode connection from the server's side (no close handshake), as a network fault or a recycled Slack pod would. */
  dropSockets(): number {
    const n = this.sockets.size;
    for (const ws of this.sockets) ws.terminate();
    return n;
  }

  /** Resolves once `n` connections are open (the app reconnected). */
  async waitForConnections(n = 1, timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.sockets.size < n) {
      if (Date.now() > deadline) throw new Error(`no Socket Mode connection within ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  async stop(): Promise<void> {
    for (const ws of this.sockets) ws.terminate();
    this.wss.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  get apiUrl(): string {
    return `${this.url}/api/`;
  }

  /** A response_url for a command or button press. */
  responseUrl(): string {
    return `${this.url}/response/${++this.seq}`;
  }

  /** A message a person posted (Slack stores it; the event is delivered separately). */
  post(channel: string, user: string, text: string): FakeMessage {
    const m = { channel, user, text, ts: this.nextTs() };
    this.messages.push(m);
    return m;
  }

  callsTo(method: string, since = 0): RecordedCall[] {
    return this.calls.slice(since).filter((c) => c.method === method);
  }

  async waitFor(method: string, since = 0, timeoutMs = 5000): Promise<RecordedCall> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const hit = this.callsTo(method, since)[0];
      if (hit) return hit;
      if (Date.now() > deadline) throw new Error(`no ${method} call within ${timeoutMs} ms; calls: ${this.calls.slice(since).map((c) => c.method).join(", ")}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  async waitForResponse(since = 0, timeoutMs = 5000): Promise<{ id: string; body: Record<string, unknown> }> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const hit = this.responses[since];
      if (hit) return hit;
      if (Date.now() > deadline) throw new Error(`no response_url post within ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  private nextTs(): string {
    return `${this.clock++}.${String(++this.seq).padStart(6, "0")}`;
  }

  private user(id: unknown): FakeUser {
    const u = this.seed.users.find((x) => x.id === id);
    if (!u) throw new SlackError("user_not_found");
    return u;
  }

  private channel(id: unknown): FakeChannel {
    const c = this.seed.channels.find((x) => x.id === id);
    if (!c) throw new SlackError("channel_not_found");
    return c;
  }

  private need(token: FakeToken, ...any: string[]): void {
    if (!any.some((s) => token.scopes.includes(s))) throw new SlackError("missing_scope", { needed: any.join(","), provided: token.scopes.join(",") });
  }

  /** A message as conversations.history / conversations.replies give it. */
  private listed(m: FakeMessage, withMetadata: boolean): Record<string, unknown> {
    return {
      type: "message",
      user: m.user,
      text: m.text,
      ts: m.ts,
      ...(m.thread_ts ? { thread_ts: m.thread_ts } : {}),
      ...(m.bot_id ? { bot_id: m.bot_id, app_id: "ASTEWARD1" } : {}),
      ...(m.files ? { files: m.files.map((f) => ({ id: f.id, name: f.filename, title: f.title ?? f.filename })) } : {}),
      ...(withMetadata && m.metadata ? { metadata: m.metadata } : {}),
    };
  }

  /** Reading a conversation: im:history for direct messages, channels:/groups:history for channels. */
  private readable(token: FakeToken, channel: unknown): string {
    const id = String(channel ?? "");
    if (id.startsWith("D")) {
      this.need(token, "im:history");
      return id;
    }
    const c = this.channel(id);
    this.need(token, c.is_private ? "groups:history" : "channels:history");
    return c.id;
  }

  /** Posting in a channel needs the bot in it (direct messages: a D… id from conversations.open). */
  private postable(token: FakeToken, channel: unknown): string {
    const id = String(channel ?? "");
    if (id.startsWith("D")) return id;
    const c = this.channel(id);
    if (!c.members.includes(token.user)) throw new SlackError("not_in_channel");
    return c.id;
  }

  private readonly methods: Record<string, Handler> = {
    "apps.connections.open": (_a, t) => {
      if (t.kind !== "app") throw new SlackError("not_allowed_token_type");
      return { url: `ws://127.0.0.1:${(this.server.address() as AddressInfo).port}/socket` };
    },
    "auth.test": (_a, t) => ({
      url: `https://${this.seed.team.domain}.slack.com/`,
      team: this.seed.team.name,
      user: this.user(t.user).name,
      team_id: this.seed.team.id,
      user_id: t.user,
      ...(t.bot_id ? { bot_id: t.bot_id } : {}),
    }),
    "users.info": (a, t) => {
      this.need(t, "users:read");
      const u = this.user(a.user);
      return { user: { ...u, team_id: this.seed.team.id, profile: { display_name: u.name, real_name: u.name } } };
    },
    "conversations.list": (_a, t) => {
      this.need(t, "channels:read", "groups:read");
      return { channels: this.seed.channels.map((c) => ({ id: c.id, name: c.name, is_general: Boolean(c.is_general), is_private: Boolean(c.is_private), is_member: c.members.includes(t.user) })), response_metadata: { next_cursor: "" } };
    },
    "conversations.open": (a, t) => {
      this.need(t, "im:write");
      const u = this.user(a.users);
      return { channel: { id: `D${u.id.slice(1)}` } };
    },
    "chat.postMessage": (a, t) => {
      this.need(t, "chat:write");
      const channel = this.postable(t, a.channel);
      // Form-encoded calls carry objects as JSON text (as @slack/web-api sends them).
      const metadata = (typeof a.metadata === "string" ? JSON.parse(a.metadata) : a.metadata) as FakeMessage["metadata"] | undefined;
      if (metadata && (typeof metadata.event_type !== "string" || typeof metadata.event_payload !== "object")) throw new SlackError("invalid_metadata_format");
      const m: FakeMessage = {
        channel,
        user: t.user,
        text: String(a.text ?? ""),
        ts: this.nextTs(),
        ...(a.blocks ? { blocks: a.blocks } : {}),
        ...(a.thread_ts ? { thread_ts: String(a.thread_ts) } : {}),
        ...(metadata ? { metadata } : {}),
        ...(t.bot_id ? { bot_id: t.bot_id } : {}),
      };
      this.messages.push(m);
      return { channel, ts: m.ts, message: { text: m.text, user: t.user, ts: m.ts } };
    },
    "chat.postEphemeral": (a, t) => {
      this.need(t, "chat:write");
      const channel = this.postable(t, a.channel);
      if (!this.channel(channel).members.includes(String(a.user))) throw new SlackError("user_not_in_channel");
      return { message_ts: this.nextTs() };
    },
    "chat.delete": (a, t) => {
      this.need(t, "chat:write");
      const i = this.messages.findIndex((m) => m.channel === a.channel && m.ts === a.ts);
      if (i < 0) throw new SlackError("message_not_found");
      const m = this.messages[i]!;
      // A bot deletes its own; a user token deletes its own, or anyone's when its user is an admin or owner.
      const mayDeleteOthers = t.kind === "user" && Boolean(this.user(t.user).is_admin || this.user(t.user).is_owner);
      if (m.user !== t.user && !mayDeleteOthers) throw new SlackError("cant_delete_message");
      this.messages.splice(i, 1);
      return { channel: m.channel, ts: m.ts };
    },
    "conversations.kick": (a, t) => {
      const c = this.channel(a.channel);
      this.need(t, c.is_private ? "groups:write" : "channels:manage");
      if (c.is_general) throw new SlackError("cant_kick_from_general");
      if (!c.members.includes(t.user)) throw new SlackError("not_in_channel");
      if (!c.members.includes(String(a.user))) throw new SlackError("not_in_channel");
      c.members = c.members.filter((m) => m !== a.user);
      return {};
    },
    "views.open": (a) => {
      // trigger_ids come from the fake's own deliveries (deliverButton): "trigger.<n>".
      if (!/^trigger\./.test(String(a.trigger_id ?? ""))) throw new SlackError("invalid_trigger_id");
      const view = (typeof a.view === "string" ? JSON.parse(a.view) : a.view) as Record<string, unknown>;
      if (!Array.isArray(view.blocks) || view.blocks.length > 100) throw new SlackError("invalid_arguments");
      const id = `V${String(++this.seq).padStart(8, "0")}`;
      this.views.push({ id, trigger_id: String(a.trigger_id), view });
      return { view: { id, ...view } };
    },
    "files.getUploadURLExternal": (a, t) => {
      this.need(t, "files:write");
      const length = Number(a.length);
      if (!a.filename || !Number.isInteger(length) || length <= 0) throw new SlackError("invalid_arguments");
      const id = `F${String(++this.seq).padStart(8, "0")}`;
      this.files.set(id, { id, filename: String(a.filename), length, data: null });
      return { upload_url: `${this.url}/upload/${id}`, file_id: id };
    },
    "files.completeUploadExternal": (a, t) => {
      this.need(t, "files:write");
      const list = (typeof a.files === "string" ? JSON.parse(a.files) : a.files) as { id: string; title?: string }[];
      const files = list.map((f) => {
        const file = this.files.get(f.id);
        if (!file?.data) throw new SlackError("file_not_found");
        if (file.data.length !== file.length) throw new SlackError("file_upload_size_mismatch");
        return { ...file, ...(f.title ? { title: f.title } : {}) };
      });
      const channel = a.channel_id ? this.postable(t, a.channel_id) : undefined;
      if (channel) {
        for (const f of files) this.files.set(f.id, { ...f, channel });
        this.messages.push({ channel, user: t.user, text: String(a.initial_comment ?? ""), ts: this.nextTs(), files: files.map((f) => ({ ...f, channel })), ...(t.bot_id ? { bot_id: t.bot_id } : {}) });
      }
      return { files: files.map((f) => ({ id: f.id, title: f.title ?? f.filename })) };
    },
    // Newest first; thread replies stay in their thread (conversations.replies). Slack's default limit is 100.
    "conversations.history": (a, t) => {
      const channel = this.readable(t, a.channel);
      const limit = Math.min(Number(a.limit ?? 100) || 100, 999);
      const all = this.messages.filter((m) => m.channel === channel && (!m.thread_ts || m.thread_ts === m.ts)).reverse();
      const withMetadata = a.include_all_metadata === true || a.include_all_metadata === "true";
      return { messages: all.slice(0, limit).map((m) => this.listed(m, withMetadata)), has_more: all.length > limit };
    },
    // The thread's parent, then its replies, oldest first.
    "conversations.replies": (a, t) => {
      const channel = this.readable(t, a.channel);
      const ts = String(a.ts ?? "");
      const thread = this.messages.filter((m) => m.channel === channel && (m.ts === ts || m.thread_ts === ts));
      if (!thread.some((m) => m.ts === ts)) throw new SlackError("thread_not_found");
      const limit = Math.min(Number(a.limit ?? 1000) || 1000, 1000);
      const withMetadata = a.include_all_metadata === true || a.include_all_metadata === "true";
      return { messages: thread.slice(0, limit).map((m) => this.listed(m, withMetadata)), has_more: thread.length > limit };
    },
  };

  /** Step 2 of files.uploadV2: the bytes, posted (multipart or raw) to the URL step 1 gave. */
  private async receiveUpload(id: string, body: Buffer, type: string, res: ServerResponse): Promise<void> {
    const file = this.files.get(id);
    let data = body;
    if (type.includes("multipart/form-data")) {
      const form = await new Response(body, { headers: { "content-type": type } }).formData();
      const part = [...form.values()].find((v) => typeof v !== "string") as unknown as Blob | undefined;
      data = part ? Buffer.from(await part.arrayBuffer()) : Buffer.alloc(0);
    }
    if (!file) {
      res.writeHead(404).end("no such upload");
      return;
    }
    file.data = data;
    res.writeHead(200, { "content-type": "text/plain" }).end(`OK - ${data.length}`);
  }

  private async serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks).toString("utf8");
    const url = new URL(req.url ?? "/", "http://fake");
    const type = String(req.headers["content-type"] ?? "");
    const args: Record<string, unknown> = type.includes("application/json") ? (raw ? JSON.parse(raw) : {}) : type.includes("multipart/") ? {} : Object.fromEntries(new URLSearchParams(raw));
    const respond = (status: number, body: Record<string, unknown>, scopes?: string[]) => {
      res.writeHead(status, { "content-type": "application/json; charset=utf-8", ...(scopes ? { "x-oauth-scopes": scopes.join(",") } : {}) });
      res.end(JSON.stringify(body));
    };
    const response = /^\/response\/(\w+)$/.exec(url.pathname);
    if (response) {
      this.responses.push({ id: response[1]!, body: args });
      return respond(200, { ok: true });
    }
    const upload = /^\/upload\/(F\w+)$/.exec(url.pathname);
    if (upload) return this.receiveUpload(upload[1]!, Buffer.concat(chunks), type, res);
    const method = /^\/api\/([\w.]+)$/.exec(url.pathname)?.[1];
    if (!method) return respond(404, { ok: false, error: "unknown_method" });
    const fault = this.faults.take(method);
    if (fault && "status" in fault && !("afterEffect" in fault)) {
      // Not performed: Slack turned the call away.
      res.writeHead(fault.status, { "content-type": "application/json; charset=utf-8", ...(fault.status === 429 ? { "retry-after": String(fault.retryAfter) } : {}) });
      res.end(JSON.stringify({ ok: false, error: fault.status === 429 ? "ratelimited" : "internal_error" }));
      return;
    }
    const bearer = /^Bearer (.+)$/.exec(String(req.headers.authorization ?? ""))?.[1];
    const tokenText = bearer ?? (typeof args.token === "string" ? args.token : undefined);
    delete args.token;
    const token = tokenText ? this.seed.tokens[tokenText] : undefined;
    let answer: Record<string, unknown>;
    if (!tokenText) answer = { ok: false, error: "not_authed" };
    else if (!token) answer = { ok: false, error: "invalid_auth" };
    else {
      const handler = this.methods[method];
      try {
        answer = handler ? { ok: true, ...handler(args, token) } : { ok: false, error: "unknown_method" };
      } catch (e) {
        if (!(e instanceof SlackError)) throw e;
        answer = { ok: false, error: e.error, ...e.extra };
      }
    }
    this.calls.push({ method, token: tokenText, args, answer });
    const lost = fault && "afterEffect" in fault ? (fault as { afterEffect: 500 | 503 | "drop" }).afterEffect : null;
    if (lost !== null) {
      // Performed; the answer is lost: a 5xx instead of it, or the connection dropped without one.
      if (lost === "drop") req.socket.destroy();
      else respond(lost, { ok: false, error: "internal_error" });
      return;
    }
    if (fault && "delayMs" in fault) await new Promise((r) => setTimeout(r, fault.delayMs));
    if (res.destroyed) return; // the client gave up waiting
    respond(200, answer, token?.scopes);
  }
}
