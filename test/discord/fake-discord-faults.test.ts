/**
 * The fake Discord's fault injection, driven by the real discord.js Client: dropped gateway connections that
 * discord.js RESUMEs (the missed dispatches replayed after its seq), INVALID_SESSION and a fresh IDENTIFY,
 * RECONNECT; REST 429/5xx/slow/reset faults, per route or for all, and enforce_nonce on message creates.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Client, Events, type Message } from "discord.js";
import { FakeDiscord, exampleSeed, IDS } from "../fake-discord/index.js";
import { nextEvent as once, readyClient } from "../helpers/discord-client.js";

describe("fake Discord gateway faults with the real discord.js client", () => {
  const seed = exampleSeed();
  const fake = new FakeDiscord({ ...seed, heartbeatIntervalMs: 200 });
  let client: Client;
  const received: string[] = [];

  beforeAll(async () => {
    await fake.start();
    client = await readyClient(fake, seed.token, {}, (c) => c.on(Events.MessageCreate, (m) => received.push(m.content)));
  }, 15_000);

  afterAll(async () => {
    await client?.destroy();
    await fake.stop();
  });

  const say = (content: string) => fake.messageCreate({ guildId: IDS.guild, channelId: IDS.general, authorId: IDS.alice, content });

  /** Sends `n` messages while the connection is down, then expects each exactly once, in order, after the RESUME. */
  async function missedAreReplayed(prefix: string, drop: () => unknown): Promise<void> {
    const resumed = once(client, Events.ShardResume);
    const before = { ...fake.gatewayStats };
    const since = received.length;
    say(`${prefix} before`);
    await expect.poll(() => received.length, { timeout: 2_000 }).toBe(since + 1);
    await drop();
    const sent = Array.from({ length: 5 }, (_, i) => `${prefix} missed ${i}`);
    for (const text of sent) say(text);
    await resumed;
    say(`${prefix} after`);
    await expect.poll(() => received.slice(since), { timeout: 3_000 }).toEqual([`${prefix} before`, ...sent, `${prefix} after`]);
    expect(fake.gatewayStats.resumes).toBe(before.resumes + 1);
    expect(fake.gatewayStats.replayed - before.replayed).toBeGreaterThanOrEqual(sent.length);
    expect(fake.gatewayStats.identifies).toBe(before.identifies);
  }

  it("an abrupt drop (no close frame): discord.js RESUMEs and gets the missed dispatches once, in order", async () => {
    await missedAreReplayed("abrupt", () => fake.dropGateway({ abrupt: true }));
    expect(fake.gatewayReceived.filter((p) => p.op === 6).at(-1)?.d).toMatchObject({ seq: expect.any(Number), session_id: expect.any(String) });
  });

  it("a resumable close code (4000): the same", async () => {
    await missedAreReplayed("close 4000", () => fake.dropGateway({ code: 4000 }));
  });

  it("RECONNECT (op 7): discord.js closes and RESUMEs", async () => {
    await missedAreReplayed("reconnect", async () => {
      fake.requestReconnect();
      await expect.poll(() => fake.readySessions, { timeout: 2_000 }).toBe(0); // sent after discord.js closed
    });
  });

  it("heartbeats no longer ACKed (a zombie connection): discord.js closes it and RESUMEs", async () => {
    await missedAreReplayed("zombie", async () => {
      fake.ackHeartbeats(false);
      await expect.poll(() => fake.readySessions, { timeout: 3_000 }).toBe(0);
      fake.ackHeartbeats(true);
    });
  });

  it("INVALID_SESSION resumable (d: true): RESUME on the same connection", async () => {
    const before = { ...fake.gatewayStats };
    const resumed = once(client, Events.ShardResume);
    fake.invalidateSessions(true);
    await resumed;
    expect(fake.gatewayStats).toMatchObject({ resumes: before.resumes + 1, identifies: before.identifies, invalidSessions: before.invalidSessions + 1 });
  });

  it("INVALID_SESSION (d: false): the session is over, discord.js IDENTIFYs afresh and gets READY again", async () => {
    const identifies = fake.identifies.length;
    const ready = once(client, Events.ShardReady, 15_000); // discord.js waits out its identify throttle (up to ~6.5 s)
    fake.invalidateSessions(false);
    await ready;
    expect(fake.identifies).toHaveLength(identifies + 1);
    const got = once<Message>(client, Events.MessageCreate);
    say("after a fresh identify");
    expect((await got).content).toBe("after a fresh identify");
  }, 20_000);

  it("a close with 1000 ends the session: discord.js IDENTIFYs afresh without trying to RESUME", async () => {
    const before = { ...fake.gatewayStats };
    const ready = once(client, Events.ShardReady, 15_000);
    fake.dropGateway({ code: 1000 });
    await ready;
    expect(fake.gatewayStats).toMatchObject({ identifies: before.identifies + 1, resumes: before.resumes, resumesRefused: before.resumesRefused });
  }, 20_000);
});

describe("fake Discord: a RESUME after more was missed than the session keeps", () => {
  it("is refused with INVALID_SESSION; discord.js IDENTIFYs afresh", async () => {
    const seed = exampleSeed();
    const fake = await new FakeDiscord({ ...seed, heartbeatIntervalMs: 200, replayBuffer: 3 }).start();
    const client = await readyClient(fake, seed.token);
    try {
      fake.dropGateway({ abrupt: true });
      for (let i = 0; i < 5; i++) fake.messageCreate({ guildId: IDS.guild, channelId: IDS.general, authorId: IDS.alice, content: `lost ${i}` });
      const ready = once(client, Events.ShardReady, 15_000);
      await ready;
      expect(fake.gatewayStats).toMatchObject({ resumesRefused: 1, identifies: 2, resumes: 0 });
      expect(fake.gatewayReceived.map((p) => p.op).filter((op) => op === 2 || op === 6)).toEqual([2, 6, 2]);
    } finally {
      await client.destroy();
      await fake.stop();
    }
  }, 20_000);
});

describe("fake Discord REST faults with the real discord.js client", () => {
  const seed = exampleSeed();
  const fake = new FakeDiscord({ ...seed, heartbeatIntervalMs: 1_000 });
  let client: Client;

  beforeAll(async () => {
    await fake.start();
    // No discord.js retries: each fault is seen as it is answered.
    client = await readyClient(fake, seed.token, { retries: 0, timeout: 400 });
  }, 15_000);

  afterAll(async () => {
    await client?.destroy();
    await fake.stop();
  });

  it("a 429 for all routes carries Discord's body and headers", async () => {
    const handle = fake.fault("*", { status: 429, retryAfter: 0.02, times: 2 });
    const since = fake.calls.length;
    const user = await client.users.fetch(IDS.alice, { force: true });
    expect(user.username).toBe("alice");
    expect(handle.hits).toBe(2);
    const limited = fake.calls.slice(since).filter((c) => c.status === 429);
    expect(limited).toHaveLength(2);
    expect(limited[0]).toMatchObject({ fault: "429", handled: null });
  });

  it("429 headers and body are Discord's", async () => {
    fake.failNext("GET /users/:userId", { status: 429, retryAfter: 1.5, global: true });
    const res = await fetch(`${fake.apiUrl}/v10/users/${IDS.alice}`, { headers: { authorization: `Bot ${fake.token}` } });
    expect(res.status).toBe(429);
    expect(res.headers.get("retry-after")).toBe("1.5");
    expect(res.headers.get("x-ratelimit-global")).toBe("true");
    expect(res.headers.get("x-ratelimit-scope")).toBe("global");
    expect(res.headers.get("x-ratelimit-remaining")).toBe("0");
    expect(await res.json()).toEqual({ message: "You are being rate limited.", retry_after: 1.5, global: true, code: 0 });
  });

  it("500/502/503 answer Discord's error shape; `every` spaces them out", async () => {
    for (const status of [500, 502, 503]) {
      fake.failNext("GET /users/:userId", { status });
      await expect(client.rest.get(`/users/${IDS.alice}`)).rejects.toMatchObject({ status });
    }
    const handle = fake.fault("GET /users/:userId", { status: 503, every: 2, times: 2 });
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push(await client.rest.get(`/users/${IDS.alice}`).then(() => 200, (e: { status: number }) => e.status));
    expect(statuses).toEqual([200, 503, 200, 503]);
    expect(handle.hits).toBe(2);
    expect(fake.faultStats).toMatchObject({ "500": 1, "502": 1, "503": 3 });
  });

  it("a slow answer comes late; past the client's timeout the request is aborted but the effect happened", async () => {
    const message = say(fake);
    fake.slow("DELETE /channels/:channelId/messages/:messageId", 600, 1);
    const started = Date.now();
    const err = await client.rest.delete(`/channels/${IDS.general}/messages/${message.id as string}`).catch((e: unknown) => e);
    expect((err as Error).name).toBe("AbortError");
    expect(Date.now() - started).toBeGreaterThanOrEqual(350);
    expect(fake.model.messages.has(message.id as string)).toBe(false); // Discord did it; the client does not know
    const call = await fake.waitForCall((c) => c.fault === "slow 600ms");
    expect(call).toMatchObject({ handled: 204, status: 204 });
  });

  it("a reset cuts the connection without an answer and without the effect", async () => {
    const message = say(fake);
    fake.failNext("DELETE /channels/:channelId/messages/:messageId", { reset: true });
    await expect(client.rest.delete(`/channels/${IDS.general}/messages/${message.id as string}`)).rejects.toThrow();
    expect(fake.model.messages.has(message.id as string)).toBe(true);
    expect(fake.calls.at(-1)).toMatchObject({ status: 0, handled: null, fault: "reset" });
  });

  it("enforce_nonce: the same nonce again returns the first message, even when the first answer was lost (500 after effect)", async () => {
    const channel = client.channels.cache.get(IDS.general);
    if (!channel?.isSendable()) throw new Error("general is not sendable");
    fake.failNext("POST /channels/:channelId/messages", { status: 500, afterEffect: true });
    await expect(channel.send({ content: "once", nonce: "case-7-warn", enforceNonce: true })).rejects.toMatchObject({ status: 500 });
    const again = await channel.send({ content: "once", nonce: "case-7-warn", enforceNonce: true });
    const posts = fake.callsTo("POST /channels/:channelId/messages").filter((c) => (c.body as { nonce?: string }).nonce === "case-7-warn");
    expect(posts.map((c) => [c.status, c.handled, c.repeat])).toEqual([
      [500, 200, false],
      [200, 200, true],
    ]);
    expect([...fake.model.messages.values()].filter((m) => m.content === "once").map((m) => m.id)).toEqual([again.id]);
    // Without enforce_nonce the nonce does not de-duplicate; a nonce over 25 characters is refused.
    await channel.send({ content: "twice", nonce: "n1" });
    await channel.send({ content: "twice", nonce: "n1" });
    expect([...fake.model.messages.values()].filter((m) => m.content === "twice")).toHaveLength(2);
    await expect(channel.send({ content: "x", nonce: "x".repeat(26), enforceNonce: true })).rejects.toMatchObject({ status: 400, code: 50035 });
  });
});

function say(fake: FakeDiscord) {
  return fake.messageCreate({ guildId: IDS.guild, channelId: IDS.general, authorId: IDS.alice, content: "to delete" });
}
