// The self-promotion lexicon: English, Banglish (Bengali in Latin letters) and Bengali
// phrases for each signal. Each English/Banglish pattern set comes with trigger words: a
// pattern only runs when one of its triggers starts a word of the message (see signals.ts),
// so ordinary chat costs one pass over the characters and no regex.
//
// Precision notes (a shop's community: customers ask about orders and prices all day):
// - contact: "DM me for details", "inbox koren", never "can I DM the support team?" or
//   "what's your WhatsApp?" (asking for the shop's contact is not soliciting).
// - sell: first-person offers and sales phrasing ("I'm selling", "for sale", "order now"), not
//   "what's the price?" / "দাম কত?"; rules combine it with a way to reach the seller.
// - subscribe: "check out my channel/video/music", not "check my order".

export const SIGNALS = [
  "contact",
  "phone",
  "handle",
  "referral",
  "subscribe",
  "sell",
  "earn",
  "giveaway",
  "donate",
  "wallet",
  "cta",
  "link",
] as const;
export type Signal = (typeof SIGNALS)[number];

/**
 * One pattern: it runs only when a message word starts with one of `when` (compared on the
 * first four letters: "subs" stands for "subscribe", "subscribers"; shorter words must be
 * whole words). Pick words the pattern cannot match without.
 */
export interface Pattern {
  signal: Signal;
  when: readonly string[];
  /** A second group: one of these must be present too. "#d1"/"#d4"/"#d6": that many digits; "#link": a
   *  dotted word (a possible link); "#sep": one of : @ = → (a handle separator). */
  and?: readonly string[];
  re: string;
}

/** Bengali-script patterns per signal: run when the message has Bengali letters. */
export type BengaliPatterns = Partial<Record<Signal, readonly string[]>>;

// Reusable pieces.
const SUB = String.raw`(?:sub?s?c?s?ri?b(?:e|es|ed|ing|er|ers)?|subs?|sucscribe|subscirbe|suscrib(?:e|irse)?|subcribe)`;
const SUB_WORDS = ["sub", "subs", "subc", "susc", "sucs", "subb"];
const PLEASE = String.raw`(?:please|pleas|pleaase|plz+|pls+|plis|pliz+|kindly)`;
// Things people promote. Not "account", "page", "order", "app": "go to my account page" is a customer.
const PROMO_THING = String.raw`(?:channel|chanel|chanell|channle|chhanel|videos?|vids?|vidios?|vlogs?|music|songs?|mixtape|covers?|tracks?|stream|blog|website|shop|store|insta(?:gram)?|tik\s?tok|youtube|yt|twitch|soundcloud|art|artwork|content|stuff|remix(?:es)?|beats?|raps?|rapping|sounds?|podcast|playlist|clips?|movie|film|trailer|band|album|single|parody|animations?|montages?)`;
const MONEY = String.raw`(?:\$|£|€|৳|usd|bdt|tk\.?|taka|rs\.?|inr|dollars?|bucks)`;
const NUM = String.raw`\d[\d,.]*\s?k?`;
const PLATFORM = String.raw`(?:ig|insta|instagram|twitter|tiktok|tik\s?tok|snap|snapchat|kik|skype|telegram|tg|fb|facebook|twitch|wechat|imo|viber|whats\s?app|whatsapp|watsapp|whatsap|wa|threads|youtube|yt)`;
const PLATFORM_WORDS = ["ig", "insta", "inst", "twit", "tikt", "tik", "snap", "kik", "skyp", "tele", "tg", "fb", "face", "twit", "wech", "imo", "vibe", "what", "wats", "wa", "thre", "yout", "yt"];
const BANGLISH_DO = ["kore", "koru", "koro", "kort", "din", "den", "diye", "dien", "debe", "dibe", "daw", "dao"];

const p = (signal: Signal, when: readonly string[], re: string, and?: readonly string[]): Pattern => (and ? { signal, when, re, and } : { signal, when, re });
const ME = ["me", "us"];
const MY = ["my", "our"];

export const PATTERNS: readonly Pattern[] = [
  // ---- contact: soliciting private contact ----
  // "dm me", "inbox me", "whatsapp me", "knock me"
  p("contact", ["dm", "pm", "inbo", "ib", "what", "wats", "knoc", "nok"], String.raw`\b(?:dm|pm|inbox|ib|whats\s?app|whatsapp|watsapp|knock|nok)\s+(?:me|us)\b`, ME),
  // "message me on whatsapp", "contact me at +88...", "text me via telegram"
  p("contact", ["mess", "msg", "mssg", "text", "txt", "emai", "mail", "cont", "call", "ping"], String.raw`\b(?:message|msg|mssg|text|txt|email|e-mail|mail|contact|call|ping)\s+(?:me|us)\s+(?:on|at|via|through|in|@)\s+(?:${PLATFORM}\b|\+?\d[\d\s-]{6,}\d|inbox|dm|pm|this\s+number|my\s+(?:number|no|inbox|whatsapp|email))`, ME),
  // "message me for details", "call us to order", "dm me if you want"
  p("contact", ["mess", "msg", "text", "txt", "cont", "call", "dm", "pm", "inbo"], String.raw`\b(?:message|msg|text|txt|contact|call|dm|pm|inbox)\s+(?:me|us)\s+(?:for|to\s+(?:order|buy|get|know|join|learn|earn|start|book)|if\s+(?:you|u)\s+(?:want|are\s+interested|need))`, ME),
  // "call 0906 170 1461 now", "whatsapp 01712345678", "call now on 0800 ..."
  p("contact", ["call", "ring", "text", "txt", "what", "sms", "dial", "cont"], String.raw`\b(?:call|ring|text|txt|whats\s?app|whatsapp|sms|dial|contact)\s*(?:now\s+|free\s+|freephone\s+|us\s+|me\s+)?(?:on|at|@|:)?\s*(?:\+|0)\d`, ["#d6"]),
  p("contact", ["hit"], String.raw`\bhit\s+(?:me|us)\s+up\b`),
  p("contact", ["add", "reac", "find", "cont"], String.raw`\b(?:add|reach|find|contact)\s+(?:me|us)\s+(?:on|at|via)\s+${PLATFORM}\b`, ME),
  // "dm for price", "whatsapp for details", "inbox to order"
  p("contact", ["dm", "pm", "inbo", "mess", "msg", "what", "text", "call"], String.raw`\b(?:dm|pm|inbox|message|msg|whatsapp|text|call)\s+(?:for|to)\s+(?:more\s+)?(?:info|information|details|price|prices|order|orders|booking|purchase|buy|collab|promotion|promo|deal|deals|offer)\b`, ["info", "deta", "pric", "orde", "book", "purc", "buy", "coll", "prom", "deal", "offe"]),
  // "for more info contact", "for order: call"
  p("contact", ["info", "deta", "orde", "pric"], String.raw`\b(?:for|more)\s+(?:more\s+)?(?:info|information|details|order|orders|price)\s*(?:,|:|-)?\s*(?:please\s+)?(?:contact|call|dm|pm|inbox|whatsapp|message|text|knock)\b`, ["cont", "call", "dm", "pm", "inbo", "what", "mess", "text", "knoc"]),
  p("contact", ["inte"], String.raw`\binterested\s+(?:people|persons?|ones|buyers)?\s*(?:can|may|should|pls|please)?\s*(?:dm|pm|inbox|message|contact|whatsapp|call|text)\b`),
  // SMS: "txt WIN to 87121", "send STOP to 8007", "reply YES to 83600"
  p("contact", ["text", "txt", "send", "repl", "sms"], String.raw`\b(?:text|txt|send|reply|sms)\s+(?:the\s+word\s*:?\s*)?(?:[a-z0-9]+\s+){0,3}to\s+(?:no:?\s*)?\d{4,6}\b`, ["#d4"]),
  // Banglish: "inbox koren", "inbox e knock din", "msg korun", "jogajog korun"
  p("contact", BANGLISH_DO, String.raw`\b(?:inbox|ib|msg|message|mesage|sms|call|whats\s?app|whatsapp|imo|knock|nok)\s*(?:e|a|te)?\s*(?:knock|nok)?\s*(?:koren|korun|korte|kore|din|den|diyen|dien|deben|diben|daw|dao|koro)\b`),
  p("contact", ["joga"], String.raw`\bjogajog\s+(?:korun|koren|korte|kore|kora)\b`),

  // ---- handle: where to find the poster elsewhere ----
  // "ig: name", "Kik: pander26", "instagram username is x", "twitter @x"
  p("handle", PLATFORM_WORDS, String.raw`\b${PLATFORM}\s*(?:(?:id|name|user\s?name|handle|user|account|acc)\s*(?:is|:|-|=)|:|=|@|➡|→)\s*@?[a-z0-9_][a-z0-9_.]{2,29}`, ["#sep", "id", "name", "user", "hand", "acco", "acc"]),
  p("handle", ["foll", "add"], String.raw`\b(?:follow|add)\s+(?:me|us)\s+(?:on|at|in)\s+${PLATFORM}\b`),
  p("handle", PLATFORM_WORDS, String.raw`\b(?:my|our)\s+${PLATFORM}\s+(?:id|name|user\s?name|handle|account|acc|is)\b`, MY),
  p("handle", ["foll"], String.raw`\bfollow\s+(?:me|us)\s*(?:on\s+\w+\s*)?:?\s*@[a-z0-9_]{3,}`),

  // ---- referral: codes and links that pay the poster ----
  p("referral", ["code", "link", "id"], String.raw`\b(?:use|using|enter|apply|with)\s+(?:my|our)\s+(?:referral\s+|ref\s+|invite\s+|invitation\s+|promo\s+|discount\s+|affiliate\s+|bonus\s+)?(?:code|link|id)\b`, MY),
  p("referral", ["refe", "ref", "reff", "invi", "prom", "affi"], String.raw`\b(?:my|our)\s+(?:referral|ref|refferal|referal|invite|invitation|promo|affiliate)\s+(?:code|link|id)\b`, MY),
  p("referral", ["code"], String.raw`\b(?:referral|referal|refferal|ref|invite|invitation|promo|bonus|rebate)\s+code\s*(?:is|:|-|=)\s*[a-z0-9]{4,}`),
  p("referral", ["link", "code", "refe"], String.raw`\b(?:sign\s?up|register|join|download)\s+(?:with|using|through|via|from)\s+(?:my|this)\s+(?:link|code|referral)\b`, ["sign", "regi", "join", "down"]),
  p("referral", ["code", "link"], String.raw`\b(?:amar|ei|eta|ai)\s+(?:referral|refer|ref|promo)?\s*(?:code|link)\s+(?:use|diye|dia|die)\b`, ["amar", "ei", "eta", "ai"]),
  p("referral", ["code"], String.raw`\bcode\s+use\s+(?:koren|korun|kore)\b`),

  // ---- subscribe: channel, page and engagement promotion ----
  // "subscribe to my channel", "subscribe me", "sub to us"
  p("subscribe", SUB_WORDS, String.raw`\b${SUB}[\s.…_~-]*(?:(?:to|2|for|on|in|into)[\s.…_~-]+)?(?:my|me|us|our|mine)\b`),
  // "please subscribe", "like and subscribe", "come subscribe", "subscribe please", "sub back"
  p("subscribe", SUB_WORDS, String.raw`\b${PLEASE}\s+(?:go\s+|just\s+|also\s+|do\s+|guys\s+)?(?:and\s+)?${SUB}\b`),
  p("subscribe", SUB_WORDS, String.raw`\b${SUB}\s+(?:${PLEASE}|back|4\s*sub|for\s+sub|and\s+(?:i'?ll|i\s+will|like)|if\s+(?:you|u))`),
  p("subscribe", SUB_WORDS, String.raw`\b(?:come|go|and|like|guys|everyone|everybody)\s*(?:&|and)?\s+${SUB}\b`),
  p("subscribe", SUB_WORDS, String.raw`\b(?:i'?ll|i\s+will|and\s+i)\s+${SUB}\s+(?:back|to\s+you|you)\b`),
  p("subscribe", SUB_WORDS, String.raw`^\W*${SUB}\W*$|^\W*${SUB}\s+(?:and|&|n)\s`),
  p("subscribe", ["sub", "foll", "like"], String.raw`\b(?:sub|follow|like)\s*(?:4|for)\s*(?:sub|follow|like)\b`, ["4", "for"]),
  p("subscribe", ["sub4", "f4f", "l4l", "s4s"], String.raw`\b(?:sub4sub|f4f|l4l|s4s)\b`),
  // "check out my channel", "check my music", "check me out"
  p("subscribe", ["chec", "chek", "chk", "chac"], String.raw`\b(?:check|checked|checkout|chek|chk|chack|chacking|checking)\s*(?:out\s+|it\s+out\s+)?(?:some\s+of\s+|one\s+of\s+|all\s+of\s+)?(?:my|our|mah)\s+(?:\w+\s+){0,2}?${PROMO_THING}\b`, ["my", "our", "mah"]),
  p("subscribe", ["chec", "chek"], String.raw`\b(?:check|chek)\s+(?:me|us|men)\s+out\b`, ["me", "us", "men"]),
  // "visit my channel", "watch my videos", "go to my channel", "listen to my new track"
  p("subscribe", ["visi", "watc", "view", "see", "look", "go", "come", "take", "have", "list", "peep"], String.raw`\b(?:visit|watch|view|see|look\s+at|go\s+to|come\s+to|take\s+a\s+look\s+at|have\s+a\s+look\s+at|listen\s+to|peep)\s+(?:my|our)\s+(?:\w+\s+){0,2}?${PROMO_THING}\b`, MY),
  // "on my channel", "my channel is about"
  p("subscribe", ["chan", "chhan"], String.raw`\b(?:on|of|to|in)\s+my\s+(?:new\s+|youtube\s+|yt\s+|own\s+|gaming\s+|music\s+)?(?:channel|chanel|chanell|channle|chhanel)\b`, ["my"]),
  p("subscribe", ["chan", "chha"], String.raw`\bmy\s+(?:new\s+|youtube\s+|yt\s+|gaming\s+|music\s+|own\s+|first\s+)?(?:channel|chanel|chanell|chhanel)\s+(?:is|has|for|about|where|with)\b`, ["my"]),
  // "like my page", "follow my instagram", "share my video"
  p("subscribe", ["like", "shar", "foll", "supp"], String.raw`\b(?:like|share|follow|support)\s+(?:my|our)\s+(?:fb\s+|facebook\s+|insta(?:gram)?\s+|new\s+|official\s+|fan\s+)?(?:page|channel|profile|account|video|videos|post|pic|photo|insta|instagram|twitter|tiktok|music|song)\b`, MY),
  p("subscribe", ["foll"], String.raw`\bfollow\s+(?:me|us)\b`),
  // like-bait: "like this comment", "thumbs up if you", "give it a like"
  p("subscribe", ["like", "thum"], String.raw`\b(?:like|thumbs?\s*up)\s+(?:this|my)\s+(?:comment|post)\b`, ["this", "my"]),
  p("subscribe", ["give"], String.raw`\bgive\s+(?:it|this|me|us)\s+a\s+(?:like|thumbs?\s*up)\b`),
  p("subscribe", ["like", "shar"], String.raw`\b(?:please|pls|plz)\s+(?:like|share)\b`, ["plea", "pls", "plz"]),
  // YouTube share spam: "Check out this video on YouTube:"
  p("subscribe", ["vide", "play", "chan"], String.raw`\b(?:check\s*out|take\s+a\s+look\s+at|watch|look\s+at)\s+this\s+(?:video|playlist|channel)\s+on\s+(?:you|yt)`, ["this"]),
  // subscriber goals: "help me reach 100 subscribers", "if i get 300 subs"
  p("subscribe", ["subs", "sub", "foll", "like", "view"], String.raw`\b(?:help\s+me\s+(?:to\s+)?(?:get|reach|hit|gain)|if\s+i\s+(?:get|reach|hit)|road\s+to|goal\s*(?:is|:|-)?|at|i\s+(?:need|want)|get\s+(?:me\s+)?to)\s+(?:\w+\s+){0,2}?\d[\d,.]*\s*k?\s*(?:subs|subscribers?|followers?|likes|views)\b`, ["#d1"]),
  p("subscribe", ["new", "smal", "upco", "youn", "begi", "aspi", "star"], String.raw`\b(?:i'?m|i\s+am|im)\s+(?:a\s+)?(?:new|small|upcoming|young|beginner|aspiring|starting)\s+(?:youtuber|you\s*tuber|channel|artist|rapper|singer|producer|streamer|musician|band)\b`, ["yout", "you", "arti", "rapp", "sing", "prod", "stre", "musi", "band", "chan"]),
  p("subscribe", ["song", "vide", "vid", "trac", "mixt", "sing", "cove", "musi", "clip", "albu", "chan", "vlog", "play", "band"], String.raw`\b(?:my|our)\s+(?:new|latest|first|newest|hit)\s+(?:youtube\s+|yt\s+|music\s+)?(?:song|video|vid|track|mixtape|single|cover|music\s+video|clip|album|channel|vlog)\b|\bthis\s+is\s+my\s+(?:new\s+)?(?:playlist|channel|band|mixtape|song|track|album)\b`, ["my", "our"]),
  p("subscribe", SUB_WORDS, String.raw`\b(?:like|comment|share)\b[\s,&+and]{1,8}(?:subscribe|subscrib|suscribe)\b|\b(?:subscribe|subscrib|suscribe)\b[\s,&+and]{1,8}(?:like|comment|share)\b`),
  p("subscribe", ["subs", "foll"], String.raw`\b(?:my|i\s+have|i\s+hit|i\s+got|i\s+just\s+hit|with)\s+(?:over\s+|only\s+|just\s+|almost\s+)?(?:\d[\d,.]*\s*k?\s+|first\s+)?(?:subs|subscribers?|followers)\b`, ["my", "i", "with"]),
  p("subscribe", ["chan"], String.raw`\bcheck\s*out\s+(?:this|the)\s+(?:\S+\s+)?(?:youtube|yt)\s+channel\b|\bcheck\s*out\s+["“][^"”\n]{2,40}["”]\s+(?:youtube\s+)?channel\b|\b(?:videos?|vids?|music|songs?|content|covers?)\s+on\s+(?:my|our)\s+(?:youtube\s+|yt\s+)?channel\b`, ["chec", "vide", "vids", "musi", "song", "cont", "cove"]),
  p("subscribe", ["chan", "vlog", "podc"], String.raw`\b(?:i|we)\s+(?:just\s+)?(?:made|started|created|opened|launched|run)\s+(?:a|my|our|an)\s+(?:new\s+|own\s+|first\s+|little\s+|small\s+)?(?:\w+\s+)?(?:youtube\s+|yt\s+)?(?:channel|chanel|vlog|podcast)\b`, ["i", "we"]),
  p("subscribe", ["rapp", "sing", "song", "prod", "musi", "beat", "dj"], String.raw`\b(?:i'?m|i\s+am|im)\s+(?:a|an)\s+(?:\w+\s+){0,2}?(?:rapper|singer|songwriter|producer|musician|beatmaker|dj|artist\s+from)\b`, ["i", "im"]),
  p("subscribe", ["yout", "stre", "vlog"], String.raw`\b(?:i'?m|i\s+am|im)\s+(?:a|an)\s+(?:\w+\s+)?(?:youtuber|you\s*tuber|streamer|vlogger)\b`, ["i", "im"]),
  p("subscribe", ["uplo", "post", "make", "do", "crea"], String.raw`\b(?:i|we)\s+(?:upload|post|make|do|create)\s+(?:\w+\s+){0,2}?(?:videos|vids|vlogs|covers|beats|remixes|montages|let'?s\s+plays?)\b`, ["vide", "vids", "vlog", "cove", "beat", "remi", "mont", "let", "play"]),
  p("subscribe", ["chec"], String.raw`\b(?:my|a|our)\s+(?:\w+\s+)?(?:cover|covers|remix|remixes|track|tracks|mixtape|videos?|vids|songs?|music|channel|beats|art)\b.{0,60}\bcheck\s+(?:it|them)\s+out\b`, ["out"]),
  p("subscribe", ["plea", "plz", "plzz", "pls", "plss", "plis", "pliz", "kind"], String.raw`\b${PLEASE}\b.{0,30}\bmy\s+(?:youtube\s+|yt\s+|new\s+)?(?:channel|chanel|videos?|vids|vidios)\b|\bmy\s+(?:youtube\s+|yt\s+|new\s+)?(?:channel|chanel|videos?|vids)\b.{0,30}\b${PLEASE}\b`, ["chan", "vide", "vids", "vidi"]),
  p("subscribe", ["shar"], String.raw`\blike\s*(?:&|and|\+|n)\s*share\b|\bshare\s+(?:this|my|our)\s+(?:page|post)\b`),
  p("subscribe", ["mi", "meu", "canal", "subs", "susc", "insc"], String.raw`\b(?:mi|meu|mon|mio)\s+canal\b|\b(?:suscr[ií]b[ea]te|subscr[ií]b[ea]te|inscreva|abonniert?)\b`),
  // Banglish: "amar channel subscribe koren", "page e like din", "follow koren"
  p("subscribe", ["amar", "amad"], String.raw`\b(?:amar|amader)\s+(?:youtube\s+|fb\s+|facebook\s+)?(?:channel|chanel|page|pej)\b`),
  p("subscribe", BANGLISH_DO, String.raw`\b(?:subscribe|subscrib|like|follow|share)\s+(?:kore\s+)?(?:koren|korun|koro|din|den|diyen|dien|deben|diben|dao|korben)\b`, ["subs", "like", "foll", "shar"]),
  p("subscribe", ["chan", "page", "pej"], String.raw`\b(?:channel|chanel|page|pej)\s*(?:ta|ti|e|a|te)?\s+(?:subscribe|like|follow)\b`),

  // ---- sell: offers to sell ----
  p("sell", ["sell"], String.raw`\b(?:i'?m|i\s+am|im|we\s+are|we'?re|am)\s+(?:now\s+|also\s+)?selling\b`),
  p("sell", ["sell", "sale"], String.raw`\b(?:i|we)\s+(?:sell|have\s+for\s+sale)\b`),
  p("sell", ["sell"], String.raw`\bselling\s+(?:my|cheap|brand\s*new|new|used|all|some|a|an|\d|original|premium|accounts?|followers)\b|(?:^|[.!\n]\s*)selling\b`),
  p("sell", ["sale"], String.raw`\b(?:for|on)\s+sale\b`),
  p("sell", ["pric", "rate"], String.raw`\b(?:best|lowest|cheap|cheapest|wholesale|special|discount(?:ed)?|reasonable|affordable)\s+(?:price|prices|rate|rates)\b`, ["best", "lowe", "chea", "whol", "spec", "disc", "reas", "affo"]),
  p("sell", ["orde", "buy", "shop", "book"], String.raw`\b(?:order|buy|shop|book)\s+now\b`, ["now"]),
  p("sell", ["whol"], String.raw`\bwholesale\b`),
  p("sell", ["deli"], String.raw`\b(?:cash|pay)\s+on\s+delivery\b|\b(?:free|home)\s+(?:home\s+)?delivery\b`),
  p("sell", ["limi", "hot"], String.raw`\blimited\s+(?:stock|offer|time\s+offer|edition\s+sale)\b|\bhot\s+(?:offer|deal|sale)\b`),
  p("sell", ["off", "disc"], String.raw`\b\d{1,2}\s?%\s*(?:off|discount)\b|\bdiscount\s+(?:offer|price|code)\b`, ["#d1", "offe", "pric", "code"]),
  p("sell", ["pric"], String.raw`\bprice\s*(?::|-|=|only|is|just)\s*(?:only\s+)?(?:${MONEY})?\s*\d`, ["#d1"]),
  p("sell", ["orde", "buy", "purc", "book", "pric"], String.raw`\b(?:dm|inbox|pm|message|whatsapp)\s+(?:me\s+)?(?:to|for)\s+(?:order|buy|purchase|booking|price)\b`, ["dm", "inbo", "pm", "mess", "what"]),
  p("sell", ["buy"], String.raw`\b(?:you\s+can\s+)?(?:find\s+and\s+)?buy\s+(?:it|them|these|this|one|yours)?\s*(?:here|now|today|at)\b`, ["here", "now", "toda", "at"]),
  p("sell", ["avai", "stoc", "pre", "preo"], String.raw`\b(?:available|in\s+stock)\s+(?:now|for\s+(?:order|sale|delivery)|at\s+(?:low|best|cheap))\b|\bpre-?order\s+(?:now|open)\b`, ["now", "orde", "sale", "deli", "low", "best", "chea", "open"]),
  p("sell", ["half", "offe", "loan"], String.raw`\bhalf\s+price\b|\boffer\s+(?:ends|expires|valid)\b|\bloans?\s+(?:for\s+any\s+purpose|approved|available|offer)\b`),
  // Social growth for sale: "cheap followers", "buy real likes", "instant subscribers"
  p("sell", ["foll", "like", "subs", "sub", "view", "memb", "revi"], String.raw`\b(?:cheap|buy|real|active|instant|organic|genuine)\s+(?:\w+\s+)?(?:followers|likes|subscribers|subs|views|members|reviews)\b`, ["chea", "buy", "real", "acti", "inst", "orga", "genu"]),
  p("sell", ["bran"], String.raw`\bbrand\s+new\b.{0,40}(?:${MONEY}\s*\d[\d,.]*|\d+\s*${MONEY})`, ["#d1"]),
  // Banglish: "bikri kora hobe", "sell korbo", "order korte inbox", "offer cholche"
  p("sell", ["bikr", "sell"], String.raw`\b(?:bikri|bikroy|sell)\s+(?:kora\s+hobe|korbo|korchi|korsi|hobe|hocche|hochhe|cholche)\b`),
  p("sell", ["orde"], String.raw`\border\s+(?:korte|dite|korun|koren)\b`),
  p("sell", ["offe"], String.raw`\boffer\s+(?:cholche|colche|chalu|sesh|only)\b`),

  // ---- earn: money-making schemes ----
  p("earn", ["earn", "make", "maki", "get", "rece", "inco", "prof"], String.raw`\b(?:earn|earning|make|making|get|receive|income\s+of|profit\s+of)\s+(?:up\s+to\s+|over\s+|about\s+|around\s+|at\s+least\s+)?(?:${MONEY})?\s?${NUM}\s*(?:${MONEY})?\s*(?:per|a|an|/|each|every|daily|weekly|monthly)\s*(?:day|week|month|hour|hr)?\b`, ["#d1"]),
  p("earn", ["home"], String.raw`\bwork(?:ing)?[\s-]+(?:from|at)[\s-]+home\s+(?:and|&|to)\s+(?:earn|make|get\s+paid)|\bwork[\s-]+(?:from|at)[\s-]+home\s+(?:jobs?|opportunit(?:y|ies)|business|offer)\b|\b(?:earn|make)\s+(?:\w+\s+){0,3}from\s+home\b`, ["from", "at"]),
  p("earn", ["earn", "make", "maki"], String.raw`\b(?:earn|make|making)\s+(?:real|extra|easy|free|online|quick|fast|big|passive|daily|unlimited)\s+(?:money|cash|income|profits?|dollars|bitcoin|btc)\b|\bearn\s+(?:free\s+)?(?:money|cash|dollars|bitcoin|btc)\s+(?:online|fast|from|daily|every|with|by|now|today|easily|here|using|for\s+free|while)\b|\bmake\s+money\s+(?:online|fast|easily|from)\b`, ["mone", "cash", "inco", "prof", "doll", "bitc", "btc"]),
  p("earn", ["mone", "cash", "inco"], String.raw`\b(?:money|cash|income)\s+(?:online|from\s+home|making|every\s+day|daily)\b|\bpassive\s+income\b`, ["onli", "home", "maki", "ever", "dail", "pass"]),
  p("earn", ["paid"], String.raw`\bget\s+paid\s+(?:for|to|by|from|daily|weekly|every)\b`),
  p("earn", ["mone"], String.raw`\bneed\s+(?:some\s+|extra\s+)?money\s*\?`),
  p("earn", ["doub", "trip"], String.raw`\b(?:double|triple)\s+(?:your|ur)\s+(?:money|bitcoin|btc|investment|crypto|income)\b`, ["your", "ur"]),
  p("earn", ["fore", "cryp", "bina"], String.raw`\b(?:forex|crypto|binary)\s+(?:signals?|trading\s+(?:account|platform|opportunity)|investment|options?)\b`, ["sign", "trad", "inve", "opti"]),
  p("earn", ["prof", "inco", "retu", "roi"], String.raw`\b(?:guaranteed|daily|weekly|high)\s+(?:profits?|income|returns?|roi)\b`, ["guar", "dail", "week", "high"]),
  p("earn", ["inve"], String.raw`\binvest\s+(?:only\s+)?(?:${MONEY})?\s?\d[\d,.]*\s*(?:${MONEY})?\s+(?:and|to)\s+(?:earn|get|receive|make)\b`),
  // Banglish: "ghore bose income", "online income korun", "protidin 500 taka income"
  p("earn", ["ghor"], String.raw`\bghore\s+bo(?:s|sh)e\s+(?:income|aay|ay|ayy|taka|kaj|earning)\b`),
  p("earn", ["onli", "mobi"], String.raw`\b(?:online|mobile)\s+(?:e\s+)?(?:income|aay|earning)\s+(?:korun|koren|kore|korte|korar)\b`),
  p("earn", ["taka", "tk"], String.raw`\b(?:protidin|daily|mase|prothidin)\s+\d[\d,]*\s*(?:taka|tk)\s+(?:income|aay|ay|earn)\b`),

  // ---- giveaway: prizes and free stuff ----
  p("giveaway", ["give"], String.raw`\bgive\s*aways?\b`),
  p("giveaway", ["free"], String.raw`\bfree\s+(?:\$?\d+\s+)?(?:nitro|robux|v-?bucks|skins?|gift\s*cards?|giftcards?|itunes|psn|xbox|steam|iphone|ipad|money|cash|bitcoin|btc|crypto|airdrop|followers|likes|subscribers|credits?|crdits|tokens?|coins?|recharge|minutes|mins|data|entry|membership|vouchers?|ringtones?|tones?|texts?|prize|games?|cs\s*go|downloads?|camera\s+phone|mobile|camcorder|call\s+credit|upgrade|trip|holiday|tickets?|pass)\b`),
  p("giveaway", ["clai", "coll", "rede"], String.raw`\b(?:claim|collect|redeem)\s+(?:your|ur|the|a|my|this|yours)?\s*(?:free\s+|exclusive\s+)?(?:prize|reward|gift|bonus|nitro|airdrop|tokens?|voucher|cash|award|code|call|now|today)\b|\b(?:claim|collect|redeem)\s+(?:your|ur)\s*(?:£|\$|€)\s?\d`),
  p("giveaway", ["won", "sele", "chos", "awar", "winn", "enti", "guar"], String.raw`\b(?:you|u|ur\s+(?:mobile|number|no)|your\s+(?:mobile|number|no))(?:'ve|ve|\s+have|\s+has|\s+are|'re|\s+r|\s+is|\s+was)?\s+(?:just\s+)?(?:been\s+)?(?:\w+ly\s+)?(?:won|selected|chosen|awarded|a\s+winner|the\s+winner|entitled\s+to|guaranteed)\b`, ["you", "u", "ur", "your"]),
  p("giveaway", ["cong"], String.raw`\bcongrat(?:ulation)?s?\b.{0,60}\b(?:won|winner|selected|prize|reward|awarded|gift|chosen|yours)\b`),
  p("giveaway", ["win"], String.raw`\b(?:chance|entry|entries)\s+(?:to|2)\s+win\b|\bwin\s+(?:a|an|the)?\s*(?:free\s+|brand\s+new\s+)?(?:£|\$|€)\s*\d[\d,]*|\bwin\s+(?:a|an)\s+(?:\w+\s+){0,3}?(?:free|iphone|ipad|ipod|trip|holiday|car|cash|prize|phone|tv|dvd|laptop|console|playstation|ps\d|xbox|voucher|gift\s*card|tickets?)\b`),
  p("giveaway", ["gift", "itun", "amaz", "stea", "psn", "goog"], String.raw`\bgift\s*cards?\s+(?:codes?|giveaway|for\s+free)\b|\b(?:itunes|amazon|steam|psn|google\s+play)\s+(?:gift\s*)?(?:cards?|codes?)\b.{0,40}\bfree\b`, ["card", "code", "free"]),
  p("giveaway", ["priz", "awar", "cash", "bonu", "poun"], String.raw`(?:£|\$|€)\s?\d[\d,]*\s*(?:cash\s+)?(?:prize|award|bonus|cash)\b|\b\d[\d,]*\s*(?:pounds?|dollars?)\s+(?:cash\s+)?(?:prize|award|bonus)\b`, ["#d1"]),
  p("giveaway", ["urge"], String.raw`\burgent\b.{0,60}\b(?:prize|claim|won|winner|award)\b`),
  p("giveaway", ["jitu", "jite", "jitt"], String.raw`\b(?:jitun|jite\s+nin|jitte\s+parben)\b`),

  // ---- cta: calls to action that matter next to a link ("check this out", "click here", "download") ----
  p("cta", ["chec", "chek"], String.raw`\b(?:check|chek)\s*(?:this|it|that|these|them)?\s*out\b`, ["#link"]),
  p("cta", ["clic", "tap"], String.raw`\b(?:click|tap)\b`, ["#link"]),
  p("cta", ["down", "inst"], String.raw`\b(?:download|install)\b`, ["#link"]),
  p("cta", ["visi", "watc", "see", "look", "go", "open", "read", "list", "try", "come", "take", "peep"], String.raw`\b(?:visit|watch|see|look\s+at|go|open|read|listen\s+to|try|come|take\s+a\s+look\s+at|peep)\s+(?:this|it|here|there|my|our|the\s+link|now|out|at)\b`, ["#link"]),
  p("cta", ["join", "regi", "sign", "vote", "shar", "supp", "help", "foll"], String.raw`\b(?:join|register|sign\s*up|signup|vote|follow)\b|\b(?:share|support)\s+(?:this|it|my|our|us|me)\b|\bhelp\s+(?:me|us)\b`, ["#link"]),
  p("cta", ["list"], String.raw`\blisten\s+(?:live\s+)?(?:at|on|here)\b`, ["#link"]),
  p("cta", ["here", "link", "more"], String.raw`\b(?:here|link|more)\s*(?::|-+>|>|→|»)`, ["#link"]),
  p("cta", ["link", "clic"], String.raw`\blink\s*(?:e|a|te)?\s+(?:click|klik)\b|\b(?:visit|download)\s+(?:korun|koren)\b`, ["#link"]),

  // ---- donate: asking for money, votes or signatures ----
  p("donate", ["dona"], String.raw`\bdonate\b|\bdonations?\s+(?:to|for|at|here|link|please|would)\b`),
  p("donate", ["vote"], String.raw`\bvote\s+(?:for\s+)?(?:me|us|my|our)\b`),
  p("donate", ["peti"], String.raw`\bsign\s+(?:the|my|our|this)\s+petition\b`),
  p("donate", ["fund", "rais", "camp", "proj"], String.raw`\b(?:help|support)\s+(?:me|us|my|our)\s+(?:\w+\s+){0,2}?(?:fund|fundraiser|campaign|project|raise)\b|\bfundrais(?:er|ing)\b`),
];

export const BENGALI_PATTERNS: BengaliPatterns = {
  cta: [String.raw`(?:লিংকে|লিঙ্কে|লিংক|লিঙ্ক)\s*(?:ক্লিক|প্রবেশ)|(?:ভিজিট|ডাউনলোড|ক্লিক)\s*(?:করুন|করেন)|দেখে\s*আসুন`],
  contact: [
    String.raw`(?:ইনবক্স|ইনবক্সে|ম্যাসেজ|মেসেজ|মেসেজে|এসএমএস|কল|হোয়াটসঅ্যাপ|হোয়াটসঅ্যাপে|হোয়াটস্যাপ|ইমু|নক)\s*(?:নক\s*)?(?:করুন|করেন|করুণ|দিন|দেন|করবেন|করতে|করো)`,
    String.raw`যোগাযোগ\s*(?:করুন|করেন|করতে|করুণ|করবেন)`,
  ],
  referral: [String.raw`(?:রেফার|রেফারেল|প্রোমো|আমার)\s*(?:কোড|লিংক|লিঙ্ক)`, String.raw`কোড\s*(?:ব্যবহার|ইউজ)\s*(?:করুন|করেন|করে)`],
  subscribe: [
    String.raw`(?:সাবস্ক্রাইব|সাবস্ক্রিপশন|লাইক|ফলো|শেয়ার|শেয়ার)\s*(?:করে\s*)?(?:করুন|করেন|দিন|দেন|করবেন|দিবেন|দেবেন|করো|দাও)`,
    String.raw`(?:আমার|আমাদের)\s*(?:ইউটিউব\s*|ফেসবুক\s*)?(?:চ্যানেল|চ্যানেলে|চ্যানেলটি|পেজ|পেজে|পেজটি)`,
    String.raw`(?:চ্যানেলটি|চ্যানেলে|পেজটি|পেজে)\s*(?:সাবস্ক্রাইব|লাইক|ফলো)`,
  ],
  sell: [
    String.raw`বিক্রি\s*(?:করা\s*হবে|হবে|করছি|করি|করবো|হচ্ছে|চলছে)|বিক্রয়\s*(?:করা\s*হবে|হবে|চলছে)`,
    String.raw`অর্ডার\s*(?:করতে|করুন|করেন|দিতে|দিন|করার\s*জন্য)`,
    String.raw`(?:ক্যাশ\s*অন|হোম|ফ্রি)\s*ডেলিভারি`,
    String.raw`(?:দাম|মূল্য|প্রাইস)\s*(?:মাত্র|:|-|=)\s*[৳$]?\s*[০-৯\d]`,
    String.raw`স্টক\s*সীমিত|সীমিত\s*স্টক|পাইকারি|অফার\s*চলছে|ডিসকাউন্ট\s*অফার|[০-৯\d]+\s*%\s*ছাড়`,
  ],
  earn: [
    String.raw`ঘরে\s*বসে\s*(?:আয়|আয়|ইনকাম|টাকা|কাজ)`,
    String.raw`(?:অনলাইনে|মোবাইলে|অনলাইন)\s*(?:আয়|আয়|ইনকাম)`,
    String.raw`(?:আয়|আয়|ইনকাম)\s*(?:করুন|করেন|করতে\s*চান)`,
    String.raw`(?:প্রতিদিন|মাসে|দৈনিক)\s*[০-৯\d,]+\s*(?:টাকা|৳)\s*(?:আয়|আয়|ইনকাম)`,
  ],
  giveaway: [String.raw`(?:ফ্রি|ফ্রী|বিনামূল্যে)\s*(?:গিফট|উপহার|রিচার্জ|টাকা|ইন্টারনেট)|জিতে\s*নিন|জিতুন|পুরস্কার\s*(?:জিতুন|পেতে)|গিভঅ্যাওয়ে`],
};

/** Hosts of crowdfunding and petition sites: a link there asks for money or signatures. */
export const DONATION_HOSTS: readonly string[] = ["gofundme.com", "indiegogo.com", "kickstarter.com", "patreon.com", "ko-fi.com", "buymeacoffee.com", "change.org", "avaaz.org", "vakinha.com.br", "paypal.me", "cash.app"];

/** Social profile hosts: a profile link is a handle. Paths listed are not profiles. */
export const PROFILE_HOSTS: ReadonlyMap<string, RegExp | null> = new Map<string, RegExp | null>([
  ["instagram.com", /^\/(?:p|reel|reels|tv|explore|stories|accounts)\//i],
  ["instagr.am", /^\/(?:p|reel)\//i],
  ["twitter.com", /^\/(?:i|search|hashtag|intent|home|[^/]+\/status)\b/i],
  ["x.com", /^\/(?:i|search|hashtag|intent|home|[^/]+\/status)\b/i],
  ["tiktok.com", /^\/(?:@[^/]+\/video|tag|music|discover)\//i],
  ["facebook.com", /^\/(?:groups|events|watch|photo|share|sharer|video\.php|story\.php|permalink\.php|marketplace|help|policies|login)\b/i],
  ["fb.com", /^\/(?:groups|events|watch)\b/i],
  ["m.facebook.com", /^\/(?:groups|events|watch|photo|share|story\.php|video\.php)\b/i],
  ["youtube.com", /^\/(?:watch|results|shorts|embed|playlist|feed|live\b|t\/|s\/)/i],
  ["twitch.tv", /^\/(?:videos|directory|p)\//i],
  ["soundcloud.com", /^\/(?:discover|search|stream)\b/i],
  ["snapchat.com", null],
  ["linktr.ee", null],
  ["beacons.ai", null],
  ["bio.link", null],
  ["onlyfans.com", null],
  ["wa.me", null],
  ["m.me", null],
  ["t.me", null],
  ["tsu.co", null],
  ["plus.google.com", /^\/(?:s|communities)\//i],
  ["reverbnation.com", null],
  ["kik.me", null],
  ["threads.net", null],
]);
