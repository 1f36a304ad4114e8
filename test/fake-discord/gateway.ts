/** One gateway WebSocket connection: HELLO, heartbeat ACKs, IDENTIFY → READY + GUILD_CREATE, RESUME, member chunks. */
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

export interface GatewayHost {
  model: Model;
  token: string;
  heartbeatIntervalMs: number;
  disallowedIntents: number;
  gatewayUrl: string;
  identifies: IdentifyRecord[];
  received: Array<{ op: number; d: unknown; at: number }>;
  onHeartbeat(): void;
  /** Old sessions that may be resumed (session id → last seq). */
  resumable: Map<string, number>;
}

export class GatewaySession {
  seq = 0;
  sessionId: string | null = null;
  identified = false;
  /** [shard id, shard count] from IDENTIFY ([0, 1] without sharding). */
  shard: [number, number] = [0, 1];

  constructor(
    readonly socket: WebSocket,
    private readonly host: GatewayHost,
  ) {
    socket.on("message", (raw) => this.onMessage(String(raw)));
    socket.on("close", () => {
      if (this.sessionId) host.resumable.set(this.sessionId, this.seq);
    });
    this.send({ op: 10, d: { heartbeat_interval: host.heartbeatIntervalMs, _trace: ["fake-discord"] }, s: null, t: null });
  }

  get ready(): boolean {
    return this.identified && this.socket.readyState === this.socket.OPEN;
  }

  /** Discord's rule: a guild's events go to shard (guild_id >> 22) % shard count. */
  servesGuild(guildId: string | undefined): boolean {
    if (guildId === undefined || this.shard[1] <= 1) return true;
    return Number((BigInt(guildId) >> 22n) % BigInt(this.shard[1])) === this.shard[0];
  }

  send(payload: Json): void {
    if (this.socket.readyState === this.socket.OPEN) this.socket.send(JSON.stringify(payload));
  }

  dispatch(t: string, d: unknown): void {
    this.seq += 1;
    this.send({ op: 0, t, s: this.seq, d });
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
        this.send({ op: 11, d: null, s: null, t: null });
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
    if (this.identified) return void this.socket.close(4005, "Already authenticated.");
    if (!tokenValid) return void this.socket.close(4004, "Authentication failed.");
    if (typeof d.intents !== "number" || !Number.isInteger(d.intents) || d.intents < 0) {
      return void this.socket.close(4013, "Invalid intent(s).");
    }
    if ((d.intents & this.host.disallowedIntents) !== 0) return void this.socket.close(4014, "Disallowed intent(s).");
    this.identified = true;
    if (Array.isArray(d.shard) && d.shard.length === 2) this.shard = [Number(d.shard[0]), Number(d.shard[1])];
    this.sessionId = randomToken();
    this.dispatch("READY", readyPayload(this.host.model, this.sessionId, this.host.gatewayUrl, this.shard, (id) => this.servesGuild(id)));
    for (const guild of this.host.model.guilds.values()) if (this.servesGuild(guild.id)) this.dispatch("GUILD_CREATE", guildCreatePayload(guild));
  }

  private resume(d: Record<string, unknown>): void {
    const sessionId = String(d.session_id ?? "");
    const lastSeq = this.host.resumable.get(sessionId);
    if (d.token !== this.host.token || lastSeq === undefined) {
      this.send({ op: 9, d: false, s: null, t: null }); // invalid session, not resumable
      return;
    }
    this.host.resumable.delete(sessionId);
    this.identified = true;
    this.sessionId = sessionId;
    this.seq = Math.max(lastSeq, Number(d.seq ?? 0));
    this.dispatch("RESUMED", { _trace: ["fake-discord"] }); // missed events are not replayed
  }

  private requestMembers(d: Record<string, unknown>): void {
    const guild = this.host.model.guilds.get(String(d.guild_id ?? ""));
    if (!guild) return;
    let members = [...guild.members.values()];
    if (Array.isArray(d.user_ids)) members = members.filter((m) => (d.user_ids as unknown[]).includes(m.user.id));
    else if (typeof d.query === "string" && d.query) {
      const q = d.query.toLowerCase();
      members = members.filter((m) => m.user.username.toLowerCase().startsWith(q));
    }
    const limit = Number(d.limit ?? 0);
    if (limit > 0) members = members.slice(0, limit);
    this.dispatch("GUILD_MEMBERS_CHUNK", {
      guild_id: guild.id,
      members: members.map((m) => memberPayload(m)),
      chunk_index: 0,
      chunk_count: 1,
      not_found: [],
      ...(d.nonce !== undefined ? { nonce: d.nonce } : {}),
    });
  }
}
