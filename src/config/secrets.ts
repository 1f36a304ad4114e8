// Names of environment variables that hold secrets; their values are masked in logs.
export const secretEnvNames = [
  "DISCORD_TOKEN",
  "SLACK_BOT_TOKEN",
  "SLACK_APP_TOKEN",
  "SLACK_USER_TOKEN",
  "SLACK_SIGNING_SECRET",
  "DATABASE_URL",
  "REDIS_URL",
] as const;

export function secretValues(env: NodeJS.ProcessEnv = process.env): string[] {
  const out: string[] = [];
  for (const name of secretEnvNames) {
    const v = env[name];
    if (v) {
      out.push(v);
      // A database URL's password alone is a secret too.
      const pw = /:\/\/[^:/@]+:([^@]+)@/.exec(v)?.[1];
      if (pw) out.push(pw, decodeURIComponent(pw));
    }
  }
  return out;
}
