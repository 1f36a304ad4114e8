// Invite links to chat servers and groups: another community's door, posted in ours.
// Profiles and contact links (wa.me/<number>, t.me/<user>) are promotion signals instead
// (see promotion/), but t.me/<name> cannot be told apart from a channel, so it counts as both.

export type InvitePlatform = "discord" | "telegram" | "whatsapp" | "facebook" | "signal" | "guilded" | "revolt" | "skype" | "line" | "viber";

export interface Invite {
  platform: InvitePlatform;
  /** The invite code or group name, as written (codes are case-sensitive on Discord). */
  code: string;
}

// host (without "www.") → how to read the code from the path segments.
type CodeFrom = (segments: readonly string[]) => string | null;
const first: CodeFrom = (s) => s[0] ?? null;
const afterInvite: CodeFrom = (s) => (s[0]?.toLowerCase() === "invite" ? (s[1] ?? null) : null);

const HOSTS: ReadonlyMap<string, [InvitePlatform, CodeFrom]> = new Map<string, [InvitePlatform, CodeFrom]>([
  ["discord.gg", ["discord", first]],
  ["discord.com", ["discord", afterInvite]],
  ["discordapp.com", ["discord", afterInvite]],
  ["canary.discord.com", ["discord", afterInvite]],
  ["ptb.discord.com", ["discord", afterInvite]],
  ["discord.me", ["discord", (s) => (s[0] === "server" ? (s[2] ?? s[1] ?? null) : first(s))]],
  ["discord.io", ["discord", first]],
  ["dsc.gg", ["discord", first]],
  ["invite.gg", ["discord", first]],
  ["dis.gd", ["discord", first]],
  ["t.me", ["telegram", (s) => (s[0]?.toLowerCase() === "joinchat" ? (s[1] ?? null) : first(s))]],
  ["telegram.me", ["telegram", (s) => (s[0]?.toLowerCase() === "joinchat" ? (s[1] ?? null) : first(s))]],
  ["telegram.dog", ["telegram", first]],
  ["chat.whatsapp.com", ["whatsapp", first]],
  ["facebook.com", ["facebook", (s) => (s[0]?.toLowerCase() === "groups" ? (s[1] ?? null) : null)]],
  ["m.facebook.com", ["facebook", (s) => (s[0]?.toLowerCase() === "groups" ? (s[1] ?? null) : null)]],
  ["fb.com", ["facebook", (s) => (s[0]?.toLowerCase() === "groups" ? (s[1] ?? null) : null)]],
  ["signal.group", ["signal", (s) => s[0] ?? "group"]],
  ["guilded.gg", ["guilded", (s) => (s[0]?.toLowerCase() === "i" ? (s[1] ?? null) : null)]],
  ["rvlt.gg", ["revolt", first]],
  ["join.skype.com", ["skype", first]],
  ["line.me", ["line", (s) => (s[0] === "ti" && s[1] === "g" ? (s[2] ?? null) : null)]],
  ["invite.viber.com", ["viber", () => "group"]],
]);

// Telegram paths that are not a channel or group.
const TELEGRAM_NOT_INVITES = new Set(["share", "addstickers", "addemoji", "proxy", "socks", "setlanguage", "iv", "s"]);

/** The invite a link stands for, or null. `host` is lower-case; `path` as written ("/abc", "#x"). */
export function detectInvite(host: string, path: string): Invite | null {
  const h = host.startsWith("www.") ? host.slice(4) : host;
  const entry = HOSTS.get(h);
  if (!entry) return null;
  const q = path.search(/[?#]/);
  const segments = (q === -1 ? path : path.slice(0, q)).split("/").filter(Boolean);
  const code = entry[1](segments);
  if (!code || !/^[\w+-]{2,64}$/.test(code)) return null;
  if (entry[0] === "telegram" && TELEGRAM_NOT_INVITES.has(code.toLowerCase())) return null;
  return { platform: entry[0], code };
}
