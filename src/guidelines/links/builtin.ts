// Small curated lists shipped in code so Steward works without any list files. A deployment
// adds the large community-maintained lists by file (STEWARD_PHISHING_LIST, `blocklist: [./x.txt]`).

/** Well-known URL shorteners and redirectors: the destination is hidden. */
export const BUILTIN_SHORTENERS: readonly string[] = [
  "bit.ly", "bitly.com", "j.mp", "tinyurl.com", "goo.gl", "t.co", "ow.ly", "is.gd", "v.gd", "buff.ly", "rebrand.ly",
  "cutt.ly", "cutt.us", "shorturl.at", "shorturl.com", "tiny.cc", "tiny.one", "rb.gy", "bl.ink", "s.id", "t.ly",
  "lnkd.in", "soo.gd", "clck.ru", "shorte.st", "adf.ly", "linkbucks.com", "bc.vc", "ouo.io", "ouo.press",
  "shrinkme.io", "exe.io", "gg.gg", "qr.ae", "trib.al", "tr.im", "su.pr", "cli.gs", "x.co", "po.st", "u.to", "vk.cc",
  "hyperurl.co", "lnk.to", "smarturl.it", "dlvr.it", "ift.tt", "amzn.to", "shrtco.de", "short.io", "urlz.fr",
  "2.gp", "bit.do", "mcaf.ee", "qr.net", "1url.com", "tinyurl.hu", "binbox.io", "shrink.pe", "ity.im", "q.gs",
  "adfoc.us", "sh.st", "zpr.io", "rotf.lol", "tny.im", "surl.li", "shorturl.asia", "kutt.it", "urlshortener.at",
  "snip.ly", "tinu.be", "wp.me", "fb.me", "lihi.cc", "reurl.cc", "me2.do", "han.gl", "t2m.io", "link.tl", "cort.as",
  "grabify.link", "iplogger.org", "iplogger.com", "2no.co", "yip.su", "iplis.ru", "blasze.tk", "ps3cfw.com",
];

/**
 * A seed of well-known scam domains (fake Nitro, fake Steam trades). The real protection is the
 * maintained list a deployment points at; these keep the built-in behaviour meaningful.
 */
export const BUILTIN_PHISHING: readonly string[] = [
  "discord-nitro.com", "discord-nitro.ru", "discord-gift.com", "discord-gift.ru", "discord-gifts.com", "discordgift.ru",
  "discord-give.com", "discord-app.net", "discord-airdrop.com", "discordnitro.gift", "dlscord.com", "dlscord.gift",
  "discorcl.com", "disocrd.com", "discrod.com", "discordc.gift", "dicsord.com", "discord-steam.com", "steamcommunlty.com",
  "steamcommunitly.com", "steamcomunity.com", "steamcommnunity.com", "steamcommuntiy.com", "stearncommunity.com",
  "steancommunity.com", "steamcommunity-trade.com", "steampowered-gift.com", "streamcommunity.com",
  "free-nitro.ru", "freenitro.ru", "nitro-discord.com", "nitro-gift.com", "gift-nitro.com", "grabify.link",
  "iplogger.org", "iplogger.com", "2no.co", "yip.su", "blasze.tk",
];

/**
 * Host words that, next to a protected brand or on their own in this shape, mark a scam
 * domain: "free-nitro.xyz", "discord-airdrop.com", "steam-gift.ru". Matched against the
 * hyphen/dot-separated words of non-official hosts (one Set lookup per word).
 */
export const SCAM_HOST_WORDS: readonly string[] = [
  "nitro", "gift", "gifts", "giveaway", "giveaways", "airdrop", "claim", "promo", "free", "drop", "drops", "bonus",
  "reward", "rewards", "verify", "verification", "login", "signin", "security", "support", "event", "events",
  "trade", "trades", "offer", "premium", "boost", "skins", "case", "cases", "wallet", "appeal", "recovery",
];

/** Two-word host shapes that are scams without any brand: free+nitro, nitro+gift. */
export const SCAM_HOST_PAIRS: readonly (readonly [string, string])[] = [
  ["free", "nitro"], ["nitro", "gift"], ["gift", "nitro"], ["nitro", "free"], ["nitro", "drop"], ["nitro", "claim"],
  ["claim", "nitro"], ["steam", "gift"], ["steam", "trade"], ["free", "robux"], ["robux", "free"], ["free", "skins"],
  ["csgo", "skins"], ["airdrop", "claim"], ["claim", "airdrop"], ["wallet", "connect"], ["walletconnect", "sync"],
];

/** Brands impersonated by phishing in gaming, chat and Bangladeshi shop communities, with their real domains. */
export const PROTECTED_BRANDS: ReadonlyMap<string, readonly string[]> = new Map<string, readonly string[]>([
  ["discord", ["discord.com", "discord.gg", "discordapp.com", "discordapp.net", "discord.media", "discord.new", "discord.gift", "discordstatus.com", "discord.dev", "discord.co", "discord.design", "discord.store", "discordmerch.com", "discord.tools", "dis.gd"]],
  ["steamcommunity", ["steamcommunity.com", "steampowered.com", "steamstatic.com", "steamusercontent.com", "s.team"]],
  ["steampowered", ["steampowered.com", "steamcommunity.com", "steamstatic.com", "steamgames.com", "steamdeck.com", "steam-chat.com"]],
  ["paypal", ["paypal.com", "paypal.me", "paypalobjects.com"]],
  ["roblox", ["roblox.com", "rbxcdn.com", "rbx.com", "robloxlabs.com"]],
  ["epicgames", ["epicgames.com", "unrealengine.com", "fortnite.com"]],
  ["facebook", ["facebook.com", "fb.com", "fb.me", "fbcdn.net", "facebook.net", "messenger.com", "m.me"]],
  ["instagram", ["instagram.com", "instagr.am", "cdninstagram.com"]],
  ["whatsapp", ["whatsapp.com", "whatsapp.net", "wa.me"]],
  ["telegram", ["telegram.org", "telegram.me", "t.me", "telegra.ph", "telegram.dog"]],
  ["youtube", ["youtube.com", "youtu.be", "ytimg.com", "youtube-nocookie.com", "youtubekids.com"]],
  ["bkash", ["bkash.com"]],
  ["nagad", ["nagad.com.bd"]],
  ["binance", ["binance.com", "binance.us", "binance.org", "bnbchain.org"]],
  ["metamask", ["metamask.io"]],
  ["coinbase", ["coinbase.com"]],
  ["google", ["google.com", "google.com.bd", "goo.gl", "googleusercontent.com", "gstatic.com", "googleapis.com", "youtube.com", "g.co", "google.co.uk"]],
  ["microsoft", ["microsoft.com", "live.com", "outlook.com", "office.com", "microsoftonline.com", "xbox.com"]],
  ["netflix", ["netflix.com"]],
  ["amazon", ["amazon.com", "amazon.co.uk", "amazon.in", "amzn.to", "amazon.de", "amazonaws.com", "media-amazon.com"]],
  ["daraz", ["daraz.com.bd", "daraz.pk", "daraz.lk", "daraz.com.np"]],
]);
