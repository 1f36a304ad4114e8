#!/usr/bin/env node
// Generates examples/demo-community.jsonl: a fortnight (1–14 October 2026) in "acme", the
// community of a small Bangladeshi shop selling handmade bags and clothes. Times below are
// written in Dhaka time (UTC+6) and converted to UTC; message ids m1, m2, … are given in time
// order. Lines tagged with `tag` are listed on stderr with their line numbers (the README's
// table of violations and tricky-but-innocent lines comes from that list).
//
//   node scripts/demo/generate-demo-community.mjs            # writes the file, prints the tags
//   node scripts/demo/generate-demo-community.mjs --stdout   # prints the JSONL instead
import { writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const out = path.join(root, "examples/demo-community.jsonl");
const COMMUNITY = "acme";

/** Day n of October 2026, local Dhaka time "HH:MM" or "HH:MM:SS" → ISO UTC. */
function at(day, hm) {
  const [h, m, s = 0] = hm.split(":").map(Number);
  const t = Date.UTC(2026, 9, day, h - 6, m, s);
  return new Date(t).toISOString().replace(".000Z", "Z");
}

const items = []; // { at, seq, build: () => event, tag?, ref? }
let seq = 0;
const push = (when, build, extra = {}) => {
  const item = { at: when, seq: seq++, build, ...extra };
  items.push(item);
  return item;
};

const members = new Map();
function join(day, hm, id, name, roles = [], hints = {}) {
  members.set(id, name);
  return push(at(day, hm), () => ({ type: "member.joined", at: at(day, hm), community: COMMUNITY, member: { id, name, roles, ...hints } }));
}
function left(day, hm, id) {
  return push(at(day, hm), () => ({ type: "member.left", at: at(day, hm), community: COMMUNITY, member: { id, name: members.get(id) } }));
}
function updated(day, hm, id, roles) {
  return push(at(day, hm), () => ({ type: "member.updated", at: at(day, hm), community: COMMUNITY, member: { id, roles } }));
}
function screening(day, hm, member, answers, tag) {
  return push(at(day, hm), () => ({ type: "screening.answered", at: at(day, hm), community: COMMUNITY, member, answers }), { tag });
}
/** A message; `o.re` is the message replied to, `o.att` the number of photos. Returns a handle. */
function say(day, hm, channel, author, text, o = {}) {
  const item = push(
    at(day, hm),
    () => ({
      type: "message.created",
      at: at(day, hm),
      community: COMMUNITY,
      channel,
      message: {
        id: item.msgId,
        author,
        text,
        ...(o.re ? { replyTo: o.re.msgId } : {}),
        ...(o.att ? { attachments: o.att } : {}),
        ...(o.mentions ? { mentions: o.mentions } : {}),
        ...(o.everyone ? { mentionsEveryone: true } : {}),
      },
    }),
    { tag: o.tag, channel, author, text, re: o.re, isMessage: true },
  );
  return item;
}
function edit(day, hm, msg, text) {
  return push(at(day, hm), () => ({
    type: "message.edited",
    at: at(day, hm),
    community: COMMUNITY,
    channel: msg.channel,
    message: { id: msg.msgId, author: msg.author, text, ...(msg.re ? { replyTo: msg.re.msgId } : {}) },
  }), { target: msg });
}
function deleted(day, hm, msg) {
  return push(at(day, hm), () => ({ type: "message.deleted", at: at(day, hm), community: COMMUNITY, channel: msg.channel, message: msg.msgId }), { target: msg });
}
function react(day, hm, msg, member, emoji, tag) {
  return push(at(day, hm), () => ({ type: "reaction.added", at: at(day, hm), community: COMMUNITY, channel: msg.channel, message: msg.msgId, member, emoji }), { target: msg, tag });
}
/** The author's answer to a testimonial consent request: the button's id names the community, the message and the choice. */
function consent(day, hm, msg, choice, tag) {
  return push(at(day, hm), () => ({ type: "interaction.responded", at: at(day, hm), community: COMMUNITY, member: msg.author, customId: `steward:testimonial:${COMMUNITY}:${msg.msgId}:${choice}` }), { target: msg, tag });
}

// ── Cast ────────────────────────────────────────────────────────────────────────────────
// u1 Farhana (founder, admin) · u2 Tanvir, u3 Nusrat (moderators) · customers and regulars
// u4–u12, u15, u18, u21, u23, u29, u30 · u13 a vague applicant who turns out fine · u16 a
// grumpy customer · the rest arrive to scam or advertise. Names and numbers are invented.
const newAccount = (iso) => ({ avatar: false, accountCreatedAt: iso });

// ── Day 1 · Thu 1 Oct ───────────────────────────────────────────────────────────────────
join(1, "09:58", "u1", "Farhana", ["admin"], { avatar: true });
join(1, "10:00", "u2", "Tanvir", ["moderator"], { avatar: true });
join(1, "10:01", "u3", "Nusrat", ["moderator"], { avatar: true });
const welcome = say(1, "10:05", "general", "u1", "Assalamu alaikum and welcome everyone! 🧵 This is the new home of the Acme Crafts community: ask about your orders, show off your bags and kurtis, and tell us what we should make next. Tanvir and Nusrat are our moderators. Please be kind to each other 🙏", { mentions: ["u2", "u3"] });
react(1, "10:07", welcome, "u2", "❤️");
react(1, "10:07", welcome, "u3", "🎉");
join(1, "10:20", "u4", "Rina", [], { avatar: true });
const rina1 = say(1, "10:24", "general", "u4", "hello all! finally a group 😊 ami already apnader 3 ta bag kinechi", { re: welcome });
say(1, "10:26", "general", "u1", "Rina apu! Thank you for being with us from the very first order ❤️", { re: rina1 });
join(1, "10:40", "u5", "Sabbir", [], { avatar: true });
const dc = say(1, "10:52", "help", "u5", "delivery charge koto? Mirpur 10 e thaki");
const dcA = say(1, "10:58", "help", "u3", "Inside Dhaka 70 tk, outside Dhaka 130 tk. 2000 tk er upore order korle inside Dhaka delivery free 🙂", { re: dc });
say(1, "11:01", "help", "u5", "ok thanks apu", { re: dcA });
join(1, "11:30", "u6", "Mitu", [], { avatar: true });
const ord1 = say(1, "11:36", "orders", "u6", "অর্ডার কবে পাবো? অর্ডার নম্বর AC-10187, ২৭ তারিখে অর্ডার করেছিলাম");
const ord1A = say(1, "11:50", "orders", "u2", "আপা, আপনার পার্সেল আজ সকালে কুরিয়ারে হ্যান্ডওভার হয়েছে। ঢাকার ভেতরে হলে কাল-পরশুর মধ্যে পেয়ে যাবেন ইনশাআল্লাহ।", { re: ord1 });
say(1, "11:52", "orders", "u6", "ধন্যবাদ ভাইয়া 🙏", { re: ord1A });
join(1, "12:15", "u7", "Arif", [], { avatar: true });
const arif1 = say(1, "12:20", "general", "u7", "Hi everyone, Arif here from Uttara. Bought a laptop sleeve for my wife's birthday last month, she hasn't let go of it since");
const sleeveQ = say(1, "12:22", "general", "u4", "laptop sleeve ta ki jute er? ami o ekta khujchi", { re: arif1 });
say(1, "12:25", "general", "u7", "na, canvas + jute mix. bhitore padding ache, 14 inch laptop easily fit hoy", { re: sleeveQ });
join(1, "13:10", "u8", "Priya", [], { avatar: true });
say(1, "13:14", "general", "u8", "Hi! Priya from Dhanmondi 👋");
join(1, "13:40", "u9", "Emily", [], { avatar: true });
const uk = say(1, "13:48", "general", "u9", "Hi! Do you ship to the UK? I live in Scunthorpe and a friend from Dhaka brought me one of your totes, everyone at work asks where it's from 😄", { tag: "tricky: 'Scunthorpe' (innocent place name)" });
const ukA = say(1, "14:05", "general", "u1", "Hi Emily, so lovely to hear that! Right now we only deliver within Bangladesh, but international shipping is on our list for next year. We'll announce it here first.", { re: uk });
say(1, "14:07", "general", "u9", "Brilliant, I'll wait then!", { re: ukA });
react(1, "14:08", ukA, "u9", "🙏");
const sz1 = say(1, "15:30", "help", "u8", "Kurti sizes ki regular fit? Amar usually M lage but onek shop e M choto hoy");
const sz1A = say(1, "15:42", "help", "u3", "Our kurtis are regular fit. M = chest 38\", length 44\". If you're between two sizes, take the bigger one, cotton shrinks a little after the first wash.", { re: sz1 });
say(1, "15:44", "help", "u8", "perfect, thanks!", { re: sz1A });
join(1, "16:00", "u10", "Karim", [], { avatar: true });
const karim1 = say(1, "16:10", "general", "u10", "assalamu alaikum sobai");
say(1, "16:11", "general", "u2", "walaikum assalam Karim bhai, welcome!", { re: karim1 });
const puja = say(1, "18:30", "general", "u7", "Does anyone know if there's a Puja collection this year?");
const pujaA = say(1, "18:45", "general", "u1", "Yes! Photoshoot is this weekend, sneak peek soon 👀", { re: puja });
react(1, "18:46", pujaA, "u4", "🔥");
react(1, "18:47", pujaA, "u8", "😍");
react(1, "18:52", pujaA, "u7", "👍");
const night = say(1, "21:15", "help", "u4", "raat e order dile ki kal pathano hoy?");
say(1, "21:20", "help", "u3", "Raat 10 tar age confirm hole next day dispatch hoy apu", { re: night });

// ── Day 2 · Fri 2 Oct ───────────────────────────────────────────────────────────────────
const praise1 = say(2, "10:30", "showcase", "u8", "The jute bag I got is beautiful, stitching is perfect!", { att: 1, tag: "praise (⭐ by moderator u3)" });
react(2, "10:34", praise1, "u3", "⭐", "moderator ⭐ on praise");
react(2, "10:35", praise1, "u4", "❤️");
say(2, "10:40", "showcase", "u1", "Thank you Priya! Salma apa stitched that one, I'll show her your message 🥰", { re: praise1 });
react(2, "10:50", praise1, "u6", "😍");
const got1 = say(2, "11:20", "orders", "u6", "আলহামদুলিল্লাহ পার্সেল পেয়ে গেছি, শুক্রবার হলেও দিয়ে গেছে 😄", { re: ord1A });
react(2, "11:22", got1, "u2", "👍");
join(2, "12:00", "u11", "Jannat", [], { avatar: true });
screening(2, "12:01", "u11", { why_join: "I ordered a nakshi kantha cushion cover and want to see the new designs", order_number: "AC-10229", agree_rules: true }, "screening: good customer with order number");
const jannat1 = say(2, "12:35", "general", "u11", "Hi everyone! Jannat from Mohammadpur 👋");
const jannatQ = say(2, "12:37", "general", "u3", "Welcome Jannat! How's the cushion cover holding up?", { re: jannat1 });
say(2, "12:40", "general", "u11", "Ekdom chobir motoi! color ektu o fade hoy nai", { re: jannatQ });
updated(2, "12:45", "u11", ["customer"]);
const jumma = say(2, "14:20", "general", "u10", "Jumma mubarak sobaike");
react(2, "14:25", jumma, "u5", "🤲");
react(2, "14:31", jumma, "u2", "🤲");
const cocktail = say(2, "15:10", "general", "u9", "Random but: we went out for my sister's birthday last night. The food was meh but the cocktail was good 🍹", { tag: "tricky: 'cocktail'" });
const bday = say(2, "15:14", "general", "u7", "haha happy birthday to your sister!", { re: cocktail });
say(2, "15:16", "general", "u9", "Thanks Arif!", { re: bday });
const backpack = say(2, "19:30", "showcase", "u5", "amar backpack ta 6 mash hoye gelo, ekhono notun er moto", { att: 1 });
react(2, "19:35", backpack, "u2", "👏");
const colorQ = say(2, "19:40", "showcase", "u4", "oi color ta ki ekhono available?", { re: backpack });
const colorA = say(2, "19:48", "showcase", "u3", "Mustard ta stock out apu, olive green ache. Puja r age mustard abar asbe", { re: colorQ });
react(2, "19:50", colorA, "u4", "👍");
const match = say(2, "22:10", "general", "u7", "anyone watching the match tonight?");
const match2 = say(2, "22:12", "general", "u10", "ha bhai, ei bowling diye kichu hobe na 😅", { re: match });
say(2, "22:15", "general", "u5", "lol true", { re: match2 });
say(2, "22:40", "general", "u7", "ok I take it back, what a catch!! 🏏");

// ── Day 3 · Sat 3 Oct ───────────────────────────────────────────────────────────────────
join(3, "09:15", "u12", "Rakib", [], { avatar: true });
screening(3, "09:16", "u12", { why_join: "Bought 2 kurtis for my mother, she wants more. Also want to know when new stock comes", order_number: "AC-10244", agree_rules: true }, "screening: good customer with order number");
const pay = say(3, "09:40", "help", "u12", "bKash e payment korle kon number e pathabo? Nagad o ki hoy?");
const payA = say(3, "09:52", "help", "u2", "Both work! At checkout choose bKash or Nagad and the merchant number shows on the payment page. Please don't send money to any personal number, we only use the merchant account.", { re: pay });
say(3, "09:55", "help", "u12", "acha, thanks bhai", { re: payA });
const pin = say(3, "10:05", "help", "u3", "Reminder for everyone: Acme Crafts will never ask for your bKash/Nagad PIN or OTP. If someone asks, it's not us.");
react(3, "10:06", pin, "u1", "👍");
react(3, "10:07", pin, "u4", "🙏");
react(3, "10:15", pin, "u12", "👍");
join(3, "11:30", "u13", "Shuvo", [], { avatar: false });
screening(3, "11:31", "u13", { why_join: "just", order_number: "", agree_rules: true }, "screening: vague applicant (turns out fine)");
const shuvo1 = say(3, "11:45", "general", "u13", "hi");
const shuvoQ = say(3, "11:50", "general", "u4", "hi Shuvo! age order korechen?", { re: shuvo1 });
const shuvoA = say(3, "12:10", "general", "u13", "na amar bon korse, ami dekhte aslam 🙂", { re: shuvoQ });
say(3, "12:12", "general", "u4", "okay! ghure dekhen, shob bag e sundor", { re: shuvoA });
const ret = say(3, "13:20", "help", "u8", "Return policy ki? Kurti size boro hoye gese");
const retA = say(3, "13:35", "help", "u3", "You can return or exchange within 7 days of delivery if it's unworn with the tag on. Post your order number in #orders and we'll arrange a pickup. The first size exchange is free.", { re: ret });
say(3, "13:37", "help", "u8", "Great, I'll post in orders", { re: retA });
const exch = say(3, "13:40", "orders", "u8", "Hi, AC-10221 kurti M theke S e exchange korte chai");
edit(3, "13:41", exch, "Hi, AC-10212 kurti M theke S e exchange korte chai (sorry, typo in the number)");
const exchA = say(3, "13:55", "orders", "u2", "Done apu, pickup tomorrow between 11 and 5. The rider will call before coming.", { re: exch });
react(3, "13:57", exchA, "u8", "🙏");
const cushion = say(3, "16:00", "showcase", "u11", "My cushion covers are finally on the sofa 🛋️", { att: 1 });
react(3, "16:03", cushion, "u3", "😍");
react(3, "16:04", cushion, "u6", "❤️");
const cushQ = say(3, "16:30", "showcase", "u6", "ki sundor! kon design eta?", { re: cushion });
say(3, "16:33", "showcase", "u11", "Nakshi 'shapla' design 🌸", { re: cushQ });
const ctg = say(3, "20:10", "help", "u10", "Chittagong e delivery koy din lage? Ammu ke ekta gift pathabo");
const ctgA = say(3, "20:20", "help", "u2", "Chattogram city te 2–3 din, upazila hole 4–5 din lage. Charge 130 tk. Gift wrap chaile order note e likhe diben, free.", { re: ctg });
say(3, "20:22", "help", "u10", "thik ache, ajkei order dicchi", { re: ctgA });
const kantha = say(3, "21:40", "general", "u4", "Ajke Farhana apu live e je kantha ta dekhalo, oita kobe asbe?");
const kanthaA = say(3, "21:50", "general", "u1", "Next week Rina! Only 12 pieces, fully handmade so very limited 🙈", { re: kantha });
react(3, "21:51", kanthaA, "u4", "😍");
react(3, "22:05", kanthaA, "u11", "🔥");

// ── Day 4 · Sun 4 Oct ───────────────────────────────────────────────────────────────────
join(4, "09:30", "u14", "Growth Hub BD", [], newAccount("2026-10-03T18:12:00Z"));
screening(4, "09:31", "u14", { why_join: "Grow your page fast!! 1k followers 199tk", order_number: "no", agree_rules: false }, "screening: spammy applicant");
say(4, "09:40", "general", "u14", "DM me for cheap followers 🔥 1k FB/Insta followers only 199tk, real & active, fast delivery", { tag: "VIOLATION self-promotion: 'DM me for cheap followers' (u14, joined 10 min earlier)" });
join(4, "10:12", "u15", "Moumita", [], { avatar: true });
screening(4, "10:13", "u15", { why_join: "A friend recommended you, I ordered a sling bag", order_number: "AC-10198", agree_rules: true }, "screening: good customer with order number");
const syl = say(4, "10:30", "help", "u15", "Sylhet e delivery hoy? Zindabazar er kache thaki");
const sylA = say(4, "10:38", "help", "u3", "Yes apu, Sylhet e 3–4 din e pouche jay. Courier office theke nijeo pickup korte paren.", { re: syl });
say(4, "10:40", "help", "u15", "darun, thanks", { re: sylA });
join(4, "12:02", "u17", "Nitro Drops", [], newAccount("2026-10-04T05:50:00Z"));
const scam1 = say(4, "12:03:10", "general", "u17", "@everyone Free Discord Nitro for 3 months 🎁 claim before it ends: https://dlscord-gift.xyz/nitro", { everyone: true, tag: "VIOLATION scam link: dlscord-gift.xyz (lookalike of discord.gift, @everyone, account made today)" });
say(4, "12:03:40", "showcase", "u17", "gift for active members 🎁 https://discord-nitro.gift/claim?id=88213", { tag: "VIOLATION scam link: discord-nitro.gift (phishing-style domain), same member 30 s later" });
say(4, "12:06", "general", "u7", "lol this is obviously a scam", { re: scam1 });
const modWarn = say(4, "12:09", "general", "u2", "Don't click dlscord-gift.xyz or discord-nitro.gift, it's a scam! Nobody is giving away free Nitro. If you already clicked, change your password and turn on 2FA.", { tag: "MODERATOR quoting scam domains in a warning: must NOT be actioned" });
react(4, "12:10", modWarn, "u1", "👍");
react(4, "12:10", modWarn, "u4", "🙏");
say(4, "12:12", "general", "u4", "thanks bhaiya, ami prai click kore feltam 😅", { re: modWarn });
const preorder = say(4, "13:00", "orders", "u12", "AC-10244 er second kurti ta ki ekhono ship hoyni?");
const preorderA = say(4, "13:20", "orders", "u2", "Rakib bhai, eta pre-order item chilo, Tuesday te dispatch hobe inshallah", { re: preorder });
say(4, "13:22", "orders", "u12", "ok no problem", { re: preorderA });
const sweat = say(4, "15:45", "general", "u6", "ei gorome jute bag e kono problem hoy? ghame dag pore?");
say(4, "15:55", "general", "u8", "amar ta 1 bochor dhore use korchi, kono dag nai. Just pani theke dure rakhben", { re: sweat });
const darun = say(4, "17:30", "general", "u9", "Quick question for the Bangladeshi folks: what does 'darun' mean? Everyone here writes it 😄");
say(4, "17:33", "general", "u11", "It means awesome/great 😄", { re: darun });
const darun2 = say(4, "17:34", "general", "u4", "darun = amazing! ekhon theke apni o bolben 😂", { re: darun });
say(4, "17:40", "general", "u9", "Darun! 😂 Love it", { re: darun2 });
const trip = say(4, "21:00", "general", "u5", "Puja r chuti te keu ghurte jacchen?");
const trip2 = say(4, "21:10", "general", "u8", "Sreemangal jacchi! tar age ekta notun sling bag nite hobe 😁", { re: trip });
say(4, "21:14", "general", "u5", "nice, cha bagan er chobi diyen", { re: trip2 });

// ── Day 5 · Mon 5 Oct ───────────────────────────────────────────────────────────────────
join(5, "10:00", "u16", "Hasib", [], { avatar: true });
join(5, "10:20", "u18", "Sadia", [], { avatar: true });
screening(5, "10:21", "u18", { why_join: "আম্মুর জন্মদিনে একটা শাড়ি কিনেছিলাম, খুব পছন্দ হয়েছে", order_number: "AC-10256", agree_rules: true }, "screening: good customer with order number");
const slow = say(5, "11:10", "general", "u16", "delivery eto slow keno? amar cousin 8 din por peyeche Rajshahi te");
const slowA = say(5, "11:18", "general", "u7", "Rajshahi te usually 3–5 din lage bhai, maybe courier er side e delay chilo", { re: slow });
const idiot = say(5, "11:20", "general", "u16", "tumi ki courier er lok? kichu jano na, you are an idiot", { re: slowA, tag: "VIOLATION insult (English): 'you are an idiot' aimed at u7" });
say(5, "11:25", "general", "u3", "Hasib, please keep it respectful. If there's a delay with your cousin's order, share the order number in #orders and we'll check.", { re: idiot });
say(5, "11:27", "general", "u7", "chill bhai, ami just bollam usually koto din lage", { re: idiot });
const sadia1 = say(5, "12:40", "general", "u18", "আসসালামু আলাইকুম সবাইকে 😊");
say(5, "12:42", "general", "u1", "ওয়ালাইকুম আসসালাম সাদিয়া! স্বাগতম ❤️", { re: sadia1 });
const dmg = say(5, "14:30", "orders", "u6", "2nd parcel ta aj peyechi but box ta pura chepta 😟 let me assess the damage and post photos", { tag: "tricky: 'assess' (contains 'ass')" });
const dmg2 = say(5, "14:45", "orders", "u6", "ok bag thik ache alhamdulillah, shudhu box ta gese", { att: 2, re: dmg });
say(5, "14:48", "orders", "u2", "Sorry apa! We'll talk to the courier about their handling. Glad the bag is safe 🙏", { re: dmg2 });
const sling = say(5, "16:10", "showcase", "u15", "sling bag ta peye gechi, color ta chobir cheye o sundor", { att: 1 });
react(5, "16:12", sling, "u3", "❤️");
react(5, "16:20", sling, "u8", "😍");
const ammu = say(5, "18:00", "help", "u10", "Chittagong e ammu gift peyeche, onek khushi 😊", { re: ctgA });
react(5, "18:02", ammu, "u2", "❤️");
const kids = say(5, "20:30", "help", "u12", "Kids size ache kurti te?");
const kidsA = say(5, "20:45", "help", "u3", "Not yet, but we're planning a small kids line for winter!", { re: kids });
react(5, "20:46", kidsA, "u12", "👍");

// ── Day 6 · Tue 6 Oct ───────────────────────────────────────────────────────────────────
join(6, "09:50", "u21", "Tania", [], { avatar: true });
join(6, "10:30", "u23", "Lamia", [], { avatar: true });
const cod = say(6, "10:45", "help", "u23", "Sylhet er Moulvibazar e delivery hoy? COD available?");
const codA = say(6, "10:55", "help", "u2", "Hoy apu, cash on delivery shob jaygay available. Moulvibazar e 4–5 din lagbe.", { re: cod });
say(6, "10:57", "help", "u23", "thanks! ajke order dibo", { re: codA });
const praise2 = say(6, "11:30", "showcase", "u18", "আপনাদের শাড়িটা অসাধারণ, ধন্যবাদ! আম্মু জন্মদিনে পরে অনেক খুশি হয়েছে", { att: 1, tag: "praise (⭐ by moderator u3)" });
react(6, "11:33", praise2, "u3", "⭐", "moderator ⭐ on praise");
react(6, "11:35", praise2, "u1", "❤️");
say(6, "11:40", "showcase", "u1", "আপনার আম্মুকে জন্মদিনের অনেক শুভেচ্ছা! 🌸", { re: praise2 });
react(6, "11:52", praise2, "u11", "😍");
const chamcha = say(6, "13:05", "general", "u16", "ei group e shob chamcha, shop er prosongsha chara kichu nai");
const chamchaA = say(6, "13:08", "general", "u5", "bhai, valo na lagle order korben na, simple", { re: chamcha });
const gadha = say(6, "13:10", "general", "u16", "tui ekta gadha, chup thak", { re: chamchaA, tag: "VIOLATION insult (Banglish): 'tui ekta gadha' aimed at u5" });
say(6, "13:12", "general", "u2", "Hasib bhai, personal attack allowed na. Eta ajke dwitiyo bar.", { re: gadha });
const disp = say(6, "13:40", "orders", "u12", "second kurti dispatch hoyeche, sms peyechi. thanks!", { re: preorderA });
react(6, "13:42", disp, "u2", "👍");
const tania1 = say(6, "15:20", "general", "u21", "Hi, Tania here from Khulna. apnader instagram e dekhe join korlam");
say(6, "15:25", "general", "u4", "welcome Tania! 🌸", { re: tania1 });
const sale = say(6, "17:00", "general", "u7", "Puja sale er kono khobor?");
say(6, "17:05", "general", "u3", "Tomorrow 😉", { re: sale });
const smell = say(6, "19:30", "general", "u9", "Is it normal for the jute tote to smell a bit earthy when new? Not complaining, I actually like it!");
const smellA = say(6, "19:38", "general", "u8", "Yes totally normal, that's the natural jute smell. Goes away after a few days in the sun", { re: smell });
say(6, "19:40", "general", "u9", "Good to know, thanks Priya", { re: smellA });
say(6, "22:30", "general", "u6", "gorom e bag er cheye fan dorkar beshi 😩");

// ── Day 7 · Wed 7 Oct ───────────────────────────────────────────────────────────────────
const saleLink = say(7, "10:00", "general", "u3", "🎉 Puja Sale is live! 20% off all jute bags and 15% off kurtis till 15 October: https://acmecrafts.example/sale", { tag: "OWN LINK by moderator (acmecrafts.example): must NOT be actioned" });
react(7, "10:01", saleLink, "u1", "🎉");
react(7, "10:02", saleLink, "u4", "🔥");
react(7, "10:03", saleLink, "u8", "😍");
react(7, "10:05", saleLink, "u11", "🔥");
react(7, "10:09", saleLink, "u15", "🎉");
say(7, "10:10", "general", "u4", "cart e add kore fellam already 😂", { re: saleLink });
say(7, "10:30", "general", "u4", "olive ta peye gechi! https://acmecrafts.example/products/olive-jute-tote", { tag: "OWN LINK by ordinary member: must NOT be actioned" });
join(7, "11:40", "u19", "Rony Deals", [], newAccount("2026-10-06T21:04:00Z"));
for (const s of ["11:55:05", "11:55:14", "11:55:22", "11:55:31", "11:55:43", "11:55:54"]) {
  say(7, s, "general", "u19", "🔥 MEGA OFFER 🔥 https://shopnow-bd.xyz/flash", { tag: "VIOLATION link flood: same link 6× within a minute (u19)" });
}
say(7, "11:57", "general", "u2", "Please don't spam the channel. Removing these.");
join(7, "13:00", "u25", "Imran", [], { avatar: true });
say(7, "13:20", "general", "u25", "hello! ami handmade product er review kori, subscribe to my YouTube channel youtube.com/@imranreviewsbd for more unboxings 🙏", { tag: "VIOLATION self-promotion: 'subscribe to my YouTube channel'" });
const old = say(7, "14:10", "orders", "u8", "Sale er price ki already order kora item e apply hobe?");
say(7, "14:25", "orders", "u2", "Sorry apu, sale only applies to orders placed from today.", { re: old });
const tote2 = say(7, "16:30", "showcase", "u21", "sale theke 2ta tote nilam 🙈 ekta amar, ekta bon er", { att: 1 });
react(7, "16:31", tote2, "u4", "😍");
react(7, "16:40", tote2, "u3", "❤️");
const broken = say(7, "19:00", "general", "u10", "Sale er link ta amar phone e open hocche na");
say(7, "19:06", "general", "u3", "Karim bhai, app update kore dekhen, na hole browser e try koren. Ami ekhon check korlam, kaj korche.", { re: broken });
const works = say(7, "19:15", "general", "u10", "browser e hoye gese 👍");
react(7, "19:16", works, "u3", "👍");

// ── Day 8 · Thu 8 Oct ───────────────────────────────────────────────────────────────────
join(8, "09:30", "u22", "skins_trader99", [], newAccount("2026-09-29T14:40:00Z"));
const skins = say(8, "09:45", "general", "u22", "selling cs2 skins cheap, knife only 2000tk, check my trade offer steamcommunlty.com/tradeoffer/new/?partner=88412093&token=xQ3vBn7", { tag: "VIOLATION scam link: steamcommunlty.com (lookalike of steamcommunity.com)" });
say(8, "10:00", "general", "u7", "bro this is a bag shop 😂", { re: skins });
join(8, "11:10", "u20", "Rubel", [], { avatar: true });
const rub1 = say(8, "11:30", "orders", "u20", "AC-10260 order korsi 10 din hoye gelo, kono khobor nai. eta ki business?");
const rub1A = say(8, "11:45", "orders", "u2", "Rubel bhai, sorry for the delay. Apnar parcel ta courier er hub e atke ache, ami follow up korchi. Kal er moddhe update dibo.", { re: rub1 });
const late = say(8, "12:30", "general", "u16", "eder delivery sob somoy late, ami age thekei bolsilam 🤡");
const moron = say(8, "12:34", "general", "u10", "shut up, nobody asked you, moron", { re: late, tag: "VIOLATION insult (English): 'shut up, nobody asked you, moron' aimed at u16" });
say(8, "12:40", "general", "u3", "Karim bhai, I get it, but please no name-calling. Hasib, same goes for you. Let's keep this group friendly.", { re: moron });
say(8, "12:45", "general", "u10", "sorry apu, matha gorom hoye gechilo", { re: moron });
const dhaka = say(8, "15:00", "general", "u11", "Ke ke Puja te Dhakeshwari jaben?");
say(8, "15:10", "general", "u8", "ami jabo! last year onek bhir chilo", { re: dhaka });
const blouse = say(8, "18:20", "help", "u15", "Do you have a size chart for the blouse pieces?");
const blouseA = say(8, "18:35", "help", "u3", "Yes! It's on every product page under 'Size guide'. Blouses come in 32 to 42.", { re: blouse });
react(8, "18:36", blouseA, "u15", "🙏");
const shoot = say(8, "20:40", "general", "u1", "Behind the scenes from the Puja photoshoot 📸", { att: 3 });
react(8, "20:41", shoot, "u4", "😍");
react(8, "20:43", shoot, "u11", "🔥");
react(8, "20:50", shoot, "u18", "❤️");
say(8, "20:55", "general", "u21", "lal shari ta 😍😍 kobe asbe?", { re: shoot });

// ── Day 9 · Fri 9 Oct ───────────────────────────────────────────────────────────────────
join(9, "09:00", "u26", "Ayesha", [], { avatar: true });
const rub2 = say(9, "11:00", "orders", "u2", "Rubel bhai, courier confirm korse apnar parcel kal deliver hobe.", { re: rub1A, mentions: ["u20"] });
const kutta = say(9, "11:40", "orders", "u20", "kal kal kore 10 din gelo. Tanvir tui ekta কুত্তার বাচ্চা, shob mittha kotha", { re: rub2, mentions: ["u2"], tag: "VIOLATION insult (Bengali): 'কুত্তার বাচ্চা' aimed at moderator u2" });
say(9, "11:50", "orders", "u1", "Rubel bhai, I'm really sorry about the delay, that's on us. But please don't abuse our team. I've asked accounts to refund your delivery charge.", { re: kutta });
const jm = say(9, "13:30", "general", "u9", "Jumma mubarak everyone! (did I say that right? 😄)");
say(9, "13:36", "general", "u10", "perfect bolsen 😄 Jumma mubarak", { re: jm });
const bug = say(9, "15:20", "general", "u7", "website e checkout er bKash page ta bar bar reload hocche, this bug is killing me lol", { tag: "tricky: 'killing me' (figure of speech)" });
const bugA = say(9, "15:30", "general", "u1", "Thanks Arif! Our developer is on it. Meanwhile Nagad or cash on delivery diye korte paren", { re: bug });
const ref = say(9, "16:00", "general", "u26", "Hi all! For anyone ordering from Daraz too, use my referral code XYZ123, you get 100 tk off 😊", { tag: "VIOLATION self-promotion: referral code XYZ123" });
const refA = say(9, "16:10", "general", "u3", "Ayesha, please no referral codes here, thanks!", { re: ref });
say(9, "16:12", "general", "u26", "oops sorry apu, deleting it", { re: refA });
deleted(9, "16:13", ref);
const fixed = say(9, "17:40", "general", "u7", "Nagad e hoye gese 👍", { re: bugA });
react(9, "17:41", fixed, "u1", "🙏");
const ayesha = say(9, "18:30", "help", "u26", "Tote bag er handle ki leather na jute?");
say(9, "18:42", "help", "u3", "Jute with a cotton lining inside the handle, so it doesn't scratch your shoulder.", { re: ayesha });

// ── Day 10 · Sat 10 Oct ─────────────────────────────────────────────────────────────────
say(10, "10:15", "orders", "u20", "parcel ekhono ashe nai. Tanvir, if my money isn't back by tonight I will come to your office and break your legs. I know where you sit.", { mentions: ["u2"], tag: "VIOLATION threat: 'I will come to your office and break your legs' aimed at u2" });
say(10, "10:22", "orders", "u1", "Rubel, threats are not okay and we've noted this. Your full refund of 1,450 tk was sent to your bKash at 10:05 this morning, and the parcel will be returned from the courier.");
left(10, "10:40", "u20");
const what = say(10, "11:00", "general", "u4", "ki hoilo orders e? 😶");
say(10, "11:05", "general", "u2", "Sorted now apu, nothing to worry about 🙏", { re: what });
join(10, "14:00", "u24", "offer_bd_2026", [], newAccount("2026-10-10T07:30:00Z"));
say(10, "14:02", "general", "u24", "Puja special 70% off all bags!! order here 👉 https://bit.ly/3Pja0ffr", { tag: "VIOLATION shortener link (bit.ly) from a brand-new member (joined 2 min earlier)" });
say(10, "14:20", "orders", "u23", "AC-10268 Moulvibazar e peye gechi, 4 din e! thank you 🙏");
const wash = say(10, "18:00", "help", "u21", "kantha stitch er cushion cover dhule ki color jabe?");
const washA = say(10, "18:07", "help", "u11", "amar ta 3 bar dhuyechi, color thik ache. thanda pani te haate dhoben, machine e na", { re: wash });
react(10, "18:09", washA, "u3", "👍");
say(10, "18:10", "help", "u21", "thanks Jannat!", { re: washA });
const live = say(10, "21:00", "general", "u5", "aj ki keu Farhana apur live dekhse? kantha gulo sesh 10 minute e 😮");
say(10, "21:04", "general", "u4", "ami ekta pelam!! baki gula chokher palok e sesh", { re: live });

// ── Day 11 · Sun 11 Oct ─────────────────────────────────────────────────────────────────
join(11, "10:00", "u27", "Cheap Bags BD", [], newAccount("2026-10-08T10:00:00Z"));
say(11, "10:05", "showcase", "u27", "Same quality bags half price!! like my page facebook.com/cheapbags 👍", { att: 1, tag: "VIOLATION self-promotion: 'like my page facebook.com/cheapbags'" });
join(11, "11:00", "u28", "Joynal", [], { avatar: true });
say(11, "11:20", "general", "u28", "leather wallet, belt, sob ache. inbox koren, best price e dibo 📩", { tag: "VIOLATION self-promotion (Banglish): 'inbox koren, best price e dibo'" });
const praise3 = say(11, "13:00", "showcase", "u21", "darun quality, abar order korbo 😍 Khulna te 3 din e peyechi", { att: 1, re: tote2, tag: "praise (⭐ by moderator u2)" });
react(11, "13:04", praise3, "u2", "⭐", "moderator ⭐ on praise");
react(11, "13:05", praise3, "u1", "❤️");
const gift = say(11, "14:00", "general", "u13", "amar bon er birthday, 1500 tk er moddhe ki gift suggest korben?");
say(11, "14:10", "general", "u4", "sling bag! sathe ekta choto pouch", { re: gift });
const giftA = say(11, "14:15", "general", "u3", "Sling bag + coin pouch combo ache 1,450 tk e, sale e aro kom pachchen", { re: gift });
say(11, "14:20", "general", "u13", "perfect, order dilam 🙏", { re: giftA });
updated(11, "15:00", "u12", ["customer"]);
updated(11, "15:01", "u13", ["customer"]);
const hasibOrd = say(11, "17:30", "orders", "u16", "ami o order dilam AC-10284, dekhi ebar koto din lage");
say(11, "17:40", "orders", "u2", "Inshallah 3 diner moddhe Hasib bhai. Tracking sms e pathiye dibo.", { re: hasibOrd });

// ── Day 12 · Mon 12 Oct ─────────────────────────────────────────────────────────────────
join(12, "10:00", "u29", "Shirin", [], { avatar: true });
screening(12, "10:01", "u29", { why_join: "আমার মেয়ের জন্য একটা ব্যাগ কিনেছি, নতুন কালেকশন দেখতে চাই", order_number: "AC-10279", agree_rules: true }, "screening: good customer with order number");
const shirin1 = say(12, "11:00", "general", "u29", "সবাইকে শুভেচ্ছা। নকশিকাঁথার নতুন কালেকশন কবে আসবে?");
say(12, "11:10", "general", "u1", "এই সপ্তাহেই আপা! বৃহস্পতিবার সন্ধ্যায় লাইভে দেখাব।", { re: shirin1 });
const cash = say(12, "13:00", "help", "u6", "Nagad e payment korle cashback ache?");
say(12, "13:12", "help", "u2", "Nagad er nijer offer ache, 10% upto 50 tk. Amader side theke alada offer nai, kintu sale to cholche 🙂", { re: cash });
const trip3 = say(12, "15:30", "showcase", "u8", "Sreemangal trip e amar sling bag 🌿 cha bagan er chobi as promised", { att: 2 });
react(12, "15:32", trip3, "u3", "😍");
react(12, "15:33", trip3, "u4", "🔥");
react(12, "15:40", trip3, "u9", "❤️");
react(12, "15:41", trip3, "u5", "👏");
const em = say(12, "17:00", "general", "u9", "I finally ordered something for my friend's mum in Dhaka! Delivery to Dhanmondi, fingers crossed 🤞");
say(12, "17:10", "general", "u2", "It'll be there by Wednesday Emily 🙂", { re: em });
const doha = say(12, "21:00", "general", "u10", "Ekta khobor: next month Doha chole jacchi, notun job. Group ta miss korbo");
say(12, "21:05", "general", "u7", "congrats bhai! 🎉", { re: doha });
say(12, "21:08", "general", "u1", "Congratulations Karim bhai! Ammu's orders are in safe hands with us 😊", { re: doha });

// ── Day 13 · Tue 13 Oct ─────────────────────────────────────────────────────────────────
const meye = say(13, "10:30", "showcase", "u29", "মেয়ের ব্যাগটা হাতে পেয়েছি, সেলাই খুব সুন্দর 😊", { att: 1 });
react(13, "10:33", meye, "u3", "❤️");
react(13, "10:40", meye, "u18", "😍");
const bye = say(13, "12:00", "general", "u10", "bhai/apu ra, valo thakben sobai. Ammu order korte thakbe amar hoye 🙂");
react(13, "12:02", bye, "u4", "🥲");
left(13, "12:05", "u10");
say(13, "12:07", "general", "u4", "Karim bhai chole gelen 🥲", { re: bye });
const hasibGot = say(13, "14:00", "orders", "u16", "AC-10284 peye gelam, 2 dine. ok fine, bag ta valo 👍", { re: hasibOrd });
react(13, "14:05", hasibGot, "u2", "👍");
const exch2 = say(13, "16:00", "help", "u5", "exchange er jonno rider ashbe naki nijer courier e pathate hobe?");
say(13, "16:10", "help", "u3", "Rider ashbe bhai, apnake kichu korte hobe na. First exchange free.", { re: exch2 });
const heat = say(13, "19:00", "general", "u21", "ei gorom e Khulna te thaka jay na, mone hocche mere felbe 🥵", { tag: "tricky: 'mere felbe' (the heat is killing me)" });
say(13, "19:05", "general", "u23", "Sylhet e brishti hocche, ekdom thanda 😌", { re: heat });

// ── Day 14 · Wed 14 Oct ─────────────────────────────────────────────────────────────────
join(14, "09:40", "u30", "Zara", [], { avatar: true });
screening(14, "09:41", "u30", { why_join: "I bought a tote bag last month", order_number: "AC-10231", agree_rules: true }, "screening: good customer with order number");
const zara = say(14, "10:00", "general", "u30", "Hello! Zara from Banani 👋 still loving the tote");
say(14, "10:02", "general", "u3", "Welcome Zara! 🌸", { re: zara });
const arrived = say(14, "11:00", "general", "u9", "It arrived in Dhanmondi! My friend's mum sent me a photo, she's thrilled 😍", { att: 1, re: em });
react(14, "11:02", arrived, "u1", "❤️");
react(14, "11:05", arrived, "u2", "🎉");
const kids2 = say(14, "12:20", "help", "u12", "kids line er kono update? bhagnir jonno chai");
say(14, "12:35", "help", "u1", "Sampling is done! Expect it in early December.", { re: kids2 });
const thanks = say(14, "13:00", "general", "u1", "Two weeks of this community 🥹 Thank you all for the questions, photos and patience with our courier drama. Puja sale runs till tomorrow night!");
react(14, "13:02", thanks, "u3", "❤️");
react(14, "13:03", thanks, "u4", "🥹");
react(14, "13:05", thanks, "u8", "❤️");
react(14, "13:10", thanks, "u11", "🙏");
react(14, "13:20", thanks, "u29", "❤️");
say(14, "13:25", "general", "u18", "ধন্যবাদ আপু, এই গ্রুপটা খুব ভালো লাগছে", { re: thanks });
// Last, so the line numbers above stay as examples/README.md lists them.
consent(14, "13:40", praise3, "named", "testimonial: Tania (u21) consents to publish her ⭐'d praise with her name");

// ── Order, number, check, write ─────────────────────────────────────────────────────────
items.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.seq - b.seq));
let n = 0;
for (const it of items) if (it.isMessage) it.msgId = `m${++n}`;
const seen = new Set();
const lines = [];
const tags = [];
items.forEach((it, i) => {
  for (const dep of [it.re, it.target]) {
    if (dep && !seen.has(dep)) throw new Error(`line ${i + 1} refers to a later message (${dep.text ?? dep.msgId})`);
    if (dep && it.channel && dep.channel !== it.channel) throw new Error(`line ${i + 1} replies across channels`);
  }
  seen.add(it);
  const event = it.build();
  if (event.at < "2026-10-01T00:00:00Z" || event.at >= "2026-10-15T00:00:00Z") throw new Error(`line ${i + 1} outside the fortnight: ${event.at}`);
  lines.push(JSON.stringify(event));
  if (it.tag) tags.push(`${String(i + 1).padStart(4)}  ${it.msgId ?? ""}\t${it.tag}`);
});

const text = lines.join("\n") + "\n";
if (process.argv.includes("--stdout")) process.stdout.write(text);
else writeFileSync(out, text);
console.error(`${lines.length} events, ${n} messages, ${members.size} members → ${path.relative(root, out)}`);
console.error(tags.join("\n"));
