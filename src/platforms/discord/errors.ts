// Errors the Discord adapter raises (only at start: actions never throw, they return outcomes).

/** Login failed for a reason retrying cannot fix (bad token, privileged intents not enabled). */
export class DiscordLoginError extends Error {
  override readonly name = "DiscordLoginError";
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}
