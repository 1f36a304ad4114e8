// The real discord.js Client against the fake Discord, for tests of the fake itself: wait for one
// client event, or log a client in and wait until it is ready.
import { Client, Events, type ClientOptions } from "discord.js";
import { DISCORD_INTENTS } from "../../src/platforms/discord/index.js";

/** Resolves with the next `event` the client emits, or rejects after `timeoutMs`. */
export function nextEvent<T>(client: Client, event: string, timeoutMs = 3_000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      client.off(event, handler);
      reject(new Error(`no ${event} within ${timeoutMs} ms`));
    }, timeoutMs);
    const handler = (value: T) => {
      clearTimeout(timer);
      resolve(value);
    };
    client.once(event, handler);
  });
}

/** A client on the fake's REST base (discord.js asks it for the gateway URL), logged in and ready. */
export async function readyClient(fake: { apiUrl: string }, token: string, rest: ClientOptions["rest"] = {}, setup?: (c: Client) => void): Promise<Client> {
  const client = new Client({ intents: DISCORD_INTENTS, rest: { api: fake.apiUrl, ...rest } });
  setup?.(client);
  const ready = nextEvent(client, Events.ClientReady, 10_000);
  await client.login(token);
  await ready;
  return client;
}
