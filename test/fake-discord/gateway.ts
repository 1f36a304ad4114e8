/**
 * The gateway: a `GatewaySession` is one Discord session (session_id, seq, the dispatches sent), which
 * outlives its WebSocket; a `GatewayConnection` is one socket: HELLO, heartbeat ACKs, IDENTIFY → READY +
 * GUILD_CREATE, RESUME → the missed dispatches replayed after the client's seq, then RESUMED, member chunks.
 */
import type { WebSocket } from "ws";
import { guildCreatePayload, memberPayload, readyPayload, type Json } from "./payloads.js";
import type { Model } from "./model.js";
import { randomToken } from "./snowflake.js";

export interface IdentifyRecord {
  intents: number;
  properties: unknown;
  shard: unknown;
  compress: unknown;
  largeThreshold: unknown;
  presence: unknown;
  /** Whether the IDENTIFY token matched. */
  tokenValid: boolean;
  at: number;
}

/** What happened on the gateway (for a test's figures). */
export interface GatewayStats {
  identifies: number;
  /** RESUMEs accepted (RESUMED sent). */
  resumes: number;
  /** Dispatches sent again after a RESUME (those the client had missed). */
  replayed: number;
  /** RESUMEs refused with INVALID_SESSION (unknown session, or its seq fell out of the replay buffer). */
  resumesRefused: number;
  /** INVALID_SESSION (op 9) sent, by `invalidateSessions` or a refused RESUME. */
  invalidSessions: number;
  /** Connections dropped by `dropGateway` (abrupt or with a close code). */
  drops: number;
}

export interface GatewayHost {
  model: Model;
  token: string;
  heartbeatIntervalMs: number;
  disallowedIntents: number;
  gatewayUrl: string;
  identifies: IdentifyRecord[];
  received: Array<{ op: number; d: unknown; at: number }>;
  onHeartbeat(): void;
  /** Every session, by id (live ones can be resumed). */
  sessions: Map<string, GatewaySession>;
  stats: GatewayStats;
  /** How many dispatches a session keeps for replay. */
  replayBuffer: number;
  /** When false, heartbeats get no ACK (a zombie connection: discord.js closes it and resumes). */
  ackHeartbeats(): boolean;
}

/** One Discord session: survives dropped sockets until it is invalidated or closed with 1000/1001. */
export class GatewaySession {
  seq = 0;
  /** False once invalidated (INVALID_SESSION, or the client closed with 1000/1001): RESUME is refused. */
  live = true;
  /** The socket currently carrying the session, if any. */
  connection: GatewayConnection | null = null;
  /** The dispatches sent, oldest first; those from `first` on (the latest `limit`) are kept for replay after a RESUME. */
  private readonly sent: Array<{ s: number; t: string; d: unknown }> = [];
  private first = 0;

  constructor(
    readonly id: string,
    /** [shard id, shard count] from IDENTIFY ([0, 1] without sharding). */
    readonly shard: [number, number],
    private readonly limit: number,
  ) {}

  /** Ends the session: RESUME is refused from now on, and its replay buffer is let go. */
  end(): void {
    this.live = false;
    this.sent.length = 0;
    this.first = 0;
  }

  /** The seq of the oldest dispatch kept (Infinity when none). */
  get oldestKept(): number {
    return this.sent[this.first]?.s ?? Infinity;
  }

  /** The dispatches kept with a seq after `seq`, in order. */
  keptAfter(seq: number): Array<{ s: number; t: string; d: unknown }> {
    return this.sent.slice(this.first).filter((p) => p.s > seq);
  }

  /** Discord's rule: a guild's events go to shard (guild_id >> 22) % shard count. */
  servesGuild(guildId: string | undefined): boolean {
    if (guildId === undefined || this.shard[1] <= 1) return true;
    return Number((BigInt(guildId) >> 22n) % BigInt(this.shard[1])) === this.shard[0];
  }

  /** Numbers the dispatch, keeps it for replay, and sends it now if a socket carries the session. */
  dispatch(t: string, d: unknown): void {
    this.seq += 1;
    this.sent.push({ s: this.seq, t, d });
    if (this.sent.length - this.first > this.limit) this.first = this.sent.length - this.limit;
    // The array itself is trimmed now and then, not shifted on every dispatch (load tests send thousands a second).
    if (this.first >= 1_000 && this.first * 2 >= this.sent.length) {
      this.sent.splice(0, this.first);
      this.first = 0;
    }
    this.connection?.send({ op: 0, t, s: this.seq, d });
  }
}

/** One WebSocket connection. */
export class GatewayConnection {
  session: GatewaySession | null = null;

  constructor(
    readonly socket: WebSocket,
    private readonly host: GatewayHost,
  ) {
    socket.on("message", (raw) => this.onMessage(String(raw)));
    socket.on("close", (code) => this.onClose(code));
    this.send({ op: 10, d: { heartbeat_interval: host.heartbeatIntervalMs, _trace: ["fake-discord"] }, s: null, t: null });
  }

  /** Identified or resumed, and the socket open. */
  get ready(): boolean {
    return this.session !== null && this.socket.readyState === this.socket.OPEN;
  }

  send(payload: Json): void {
    if (this.socket.readyState === this.socket.OPEN) this.socket.send(JSON.stringify(payload));
  }

  /** Sends INVALID_SESSION; `resumable` false also ends the session (the client identifies afresh). */
  invalidate(resumable: boolean): void {
    this.host.stats.invalidSessions += 1;
    if (!resumable && this.session) {
      this.session.end();
      this.detach();
    }
    this.send({ op: 9, d: resumable, s: null, t: null });
  }

  private detach(): void {
    if (this.session?.connection === this) this.session.connection = null;
    this.session = null;
  }

  private onClose(code: number): void {
    // Discord ends a session closed with 1000/1001; any other close (an abrupt drop is 1006, discord.js's own
    // 4200) leaves it resumable, and the dispatches sent meanwhile wait in its replay buffer.
    if (this.session && (code === 1000 || code === 1001)) this.session.end();
    this.detach();
  }

  private onMessage(raw: string): void {
    let packet: { op?: number; d?: any };
    try {
      packet = JSON.parse(raw);
    } catch {
      this.socket.close(4002, "Error while decoding payload.");
      return;
    }
    const op = Number(packet.op);
    this.host.received.push({ op, d: packet.d, at: Date.now() });
    switch (op) {
      case 1:
        this.host.onHeartbeat();
        if (this.host.ackHeartbeats()) this.send({ op: 11, d: null, s: null, t: null });
        return;
      case 2:
        this.identify(packet.d ?? {});
        return;
      case 6:
        this.resume(packet.d ?? {});
        return;
      case 8:
        this.requestMembers(packet.d ?? {});
        return;
      case 3:
      case 4:
        return; // presence / voice state: recorded only
      default:
        this.socket.close(4001, "Unknown opcode.");
    }
  }

  private identify(d: Record<string, unknown>): void {
    const tokenValid = d.token === this.host.token || d.token === `Bot ${this.host.token}`;
    this.host.identifies.push({
      intents: Number(d.intents),
      properties: d.properties,
      shard: d.shard,
      compress: d.compress,
      largeThreshold: d.large_threshold,
      presence: d.presence,
      tokenValid,
      at: Date.now(),
    });
    if (this.session) return void this.socket.close(4005, "Already authenticated.");
    if (!tokenValid) return void this.socket.close(4004, "Authentication failed.");
    if (typeof d.intents !== "number" || !Number.isInteger(d.intents) || d.intents < 0) {
      return void this.socket.close(4013, "Invalid intent(s).");
    }
    if ((d.intents & this.host.disallowedIntents) !== 0) return void this.socket.close(4014, "Disallowed intent(s).");
    this.host.stats.identifies += 1;
    const shard: [number, number] = Array.isArray(d.shard) && d.shard.length === 2 ? [Number(d.shard[0]), Number(d.shard[1])] : [0, 1];
    const session = new GatewaySession(randomToken(), shard, this.host.replayBuffer);
    this.host.sessions.set(session.id, session);
    this.attach(session);
    session.dispatch("READY", readyPayload(this.host.model, session.id, this.host.gatewayUrl, shard, (id) => session.servesGuild(id)));
    for (const guild of this.host.model.guilds.values()) if (session.servesGuild(guild.id)) session.dispatch("GUILD_CREATE", guildCreatePayload(guild));
  }

  private attach(session: GatewaySession): void {
    const previous = session.connection;
    if (previous && previous !== this) previous.session = null;
    session.connection = this;
    this.session = session;
  }

  /**
   * Discord's RESUME: the session must be live and still hold every dispatch after the client's seq; those are
   * sent again in order, then RESUMED. Otherwise INVALID_SESSION (d: false), and the client identifies afresh.
   */
  private resume(d: Record<string, unknown>): void {
    const session = this.host.sessions.get(String(d.session_id ?? ""));
    const seq = Number(d.seq ?? 0);
    const oldest = session?.oldestKept ?? Infinity;
    const tokenValid = d.token === this.host.token || d.token === `Bot ${this.host.token}`;
    const replayable = session !== undefined && (seq >= session.seq || oldest <= seq + 1);
    if (!tokenValid || !session?.live || !replayable) {
      this.host.stats.resumesRefused += 1;
      session?.end();
      this.invalidate(false);
      return;
    }
    this.attach(session);
    this.host.stats.resumes += 1;
    for (const missed of session.keptAfter(seq)) {
      this.host.stats.replayed += 1;
      this.send({ op: 0, t: missed.t, s: missed.s, d: missed.d });
    }
    session.dispatch("RESUMED", { _trace: ["fake-discord"] });
  }

  private requestMembers(d: Record<string, unknown>): void {
    const session = this.session;
    const guild = this.host.model.guilds.get(String(d.guild_id ?? ""));
    if (!guild || !session) return;
    let members = [...guild.members.values()];
    if (Array.isArray(d.user_ids)) members = members.filter((m) => (d.user_ids as unknown[]).includes(m.user.id));
    else if (typeof d.query === "string" && d.query) {
      const q = d.query.toLowerCase();
      members = members.filter((m) => m.user.username.toLowerCase().startsWith(q));
    }
    const limit = Number(d.limit ?? 0);
    if (limit > 0) members = members.slice(0, limit);
    session.dispatch("GUILD_MEMBERS_CHUNK", {
      guild_id: guild.id,
      members: members.map((m) => memberPayload(m)),
      chunk_index: 0,
      chunk_count: 1,
      not_found: [],
      ...(d.nonce !== undefined ? { nonce: d.nonce } : {}),
    });
  }
}
