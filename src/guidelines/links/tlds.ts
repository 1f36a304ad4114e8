// A compact TLD set for recognising bare domains ("discord-gift.xyz", "bit.ly/x") in chat.
// Not the full IANA list on purpose: only TLDs seen in chat, spam and phishing lists, so that
// "file.txt", "node.js", "e.g." and "5 p.m." are not links. URLs written with a scheme or
// "www." accept any alphabetic TLD (see link.ts).

/** Every two-letter country code TLD (ISO 3166 plus uk, eu, ac, su). */
const ccTlds =
  "ac ad ae af ag ai al am ao aq ar as at au aw ax az ba bb bd be bf bg bh bi bj bm bn bo bq br bs bt bw by bz " +
  "ca cc cd cf cg ch ci ck cl cm cn co cr cu cv cw cx cy cz de dj dk dm do dz ec ee eg er es et eu fi fj fk fm fo fr " +
  "ga gd ge gf gg gh gi gl gm gn gp gq gr gs gt gu gw gy hk hm hn hr ht hu id ie il im in io iq ir is it je jm jo jp " +
  "ke kg kh ki km kn kp kr kw ky kz la lb lc li lk lr ls lt lu lv ly ma mc md me mg mh mk ml mm mn mo mp mq mr ms mt mu " +
  "mv mw mx my mz na nc ne nf ng ni nl no np nr nu nz om pa pe pf pg ph pk pl pm pn pr ps pt pw py qa re ro rs ru rw " +
  "sa sb sc sd se sg sh si sk sl sm sn so sr ss st su sv sx sy sz tc td tf tg th tj tk tl tm tn to tr tt tv tw tz " +
  "ua ug uk us uy uz va vc ve vg vi vn vu wf ws ye yt za zm zw";

/** Generic TLDs common in chat links and in scam/phishing domain lists. */
const gTlds =
  "com net org info biz edu gov mil int name mobi asia tel travel jobs cat coop aero pro " +
  "xyz top online site club shop store app dev live fun link click tech space website icu vip win bid loan men " +
  "work party review trade date stream download science cricket racing accountant gdn kim country ooo buzz rest bar " +
  "cam monster quest cyou sbs cfd lol gift gifts codes code today world life land digital network news email agency " +
  "solutions services support help center company money cash finance financial market markets exchange capital fund " +
  "investments crypto game games gold plus one best cool tips guru ninja rocks social media chat community group " +
  "family team zone city page blog art design studio photo photos pics pictures video movie film music audio radio " +
  "academy education school university college courses training host hosting cloud domains systems software tools " +
  "technology bot ink skin uno events wiki press wtf legal foundation claims guide fit cards autos vin sale onl " +
  "moscow mom limited lat ist homes gives fans cheap business bet promo pay deals discount coupons express expert " +
  "global direct data day gallery fyi football fan energy earth eus berlin tokyo kiwi nyc london paris " +
  "ltd llc inc gmbh ventures holdings partners consulting marketing business boutique fashion beauty style " +
  "watch tube tv porn sex adult xxx casino poker bingo lotto vote voto rip red blue black pink green " +
  "place plus run surf study taxi tax tours travel vegas wine works ws zip mov phone parts read observer " +
  "ngo charity care clinic health doctor dental cleaning coach construction contractors contact computer " +
  "center cab builders build broker bond boats bike bargains attorney associates archi apartments airforce " +
  "actor accountants abogado blackfriday christmas catering camera ceo cymru cruises creditcard istanbul kiev " +
  "lgbt lighting limo loans luxe house holiday gal gay family energy directory dating singles love sexy " +
  "new now how meme icu top lat xin moe pub pizza law camp city";

export const TLDS: ReadonlySet<string> = new Set([...ccTlds.split(" "), ...gTlds.split(/\s+/).filter(Boolean)]);

/**
 * TLDs that are also everyday words or abbreviations. A bare "label.tld" ending in one of these
 * ("ok.so", "there.at", "time.now", "me.to") is only a link when it has a path, a scheme or
 * "www.", or is a known service host (see KNOWN_AMBIGUOUS_HOSTS). Typed-without-a-space sentences
 * are common in chat; these TLDs are rare in genuine bare links.
 */
export const AMBIGUOUS_TLDS: ReadonlySet<string> = new Set(
  (
    "am an as at be by do go he id ie if im in is it la ma me mr ms my no of on or pa pm re sa se so st to tv " +
    "us we ok er et ha hi ne nu oh ye yo um xxx sex " +
    "new now how one run win fun fit top art day date love sexy cool best life live work zone plus page " +
    "cash gold team land city red blue black pink green house rest bar cam sale deals law camp tips " +
    "game games play chat care help news watch video movie film music photo pics tube read phone parts"
  ).split(/\s+/),
);

/** Hosts with an ambiguous TLD that are links even when written bare without a path. */
export const KNOWN_AMBIGUOUS_HOSTS: ReadonlySet<string> = new Set([
  "youtu.be", "t.me", "wa.me", "m.me", "fb.me", "discord.me", "telegram.me", "twitch.tv", "ow.ly", "is.gd",
  "v.gd", "cutt.us", "shorturl.at", "rb.gy", "tiny.cc", "linktr.ee", "bio.link", "onlyfans.com",
]);

/**
 * Second-level labels under which registrations happen (co.uk, com.bd, ...), and hosting
 * suffixes where anyone gets a subdomain (github.io, vercel.app). The registrable domain of
 * "shop.example.co.uk" is "example.co.uk"; of "discord-gift.github.io" is the whole host.
 */
export const PUBLIC_SECOND_LEVEL: ReadonlySet<string> = new Set(
  "co com net org ac gov edu ne or go gob nic mil info biz ltd plc me sch nom gen".split(" "),
);

export const PRIVATE_SUFFIXES: ReadonlySet<string> = new Set([
  "github.io", "gitlab.io", "pages.dev", "workers.dev", "vercel.app", "netlify.app", "web.app", "firebaseapp.com",
  "herokuapp.com", "glitch.me", "repl.co", "replit.app", "000webhostapp.com", "weebly.com", "wixsite.com",
  "blogspot.com", "wordpress.com", "azurewebsites.net", "appspot.com", "onrender.com", "fly.dev", "ngrok.io",
  "ngrok-free.app", "carrd.co", "webflow.io", "myshopify.com", "square.site", "duckdns.org",
  "godaddysites.com", "framer.website", "notion.site",
]);
