// Built-in grammars of the respect signals: how an insult is aimed at a person, and how a
// threat is phrased, in English, Banglish (romanized Bengali) and Bengali. The insult words
// themselves come from the guideline's lists; these are the frames around them.
// Pattern syntax: see patterns.ts. Sets named here are filled from the arrays below; {noun},
// {adj} and {insult} (either) come from the condition's configuration.

/** Word sets of the grammar (entries may be phrases). */
export const GRAMMAR_SETS: Record<string, readonly string[]> = {
  // ── English: who is addressed ──
  you: ["you", "u", "ya", "yu", "yall", "y'all", "you guys", "you all", "you people", "thou", "ye", "you two"],
  // "you are" spelled any way, with the contractions the tokenizer joins (you're → youre).
  youre: [
    "you are", "u are", "ya are", "you r", "u r", "you're", "youre", "ure", "u re", "you re", "yall are", "y'all are",
    "you guys are", "you all are", "you people are", "you were", "u were", "you is", "u is", "you been", "you've been",
    "you have been", "you're being", "you are being", "u being", "you being", "you sound like", "you look like",
    "you act like", "you seem like", "you seem", "you sound", "you look", "u look", "u sound", "you remain",
    "you will always be", "you'll always be", "you will be", "you'll be", "you'll never be anything but", "you're still",
    "you are still", "you're just", "you are just", "you're nothing but", "you are nothing but", "you're acting like",
    "you are acting like", "you became", "you've become", "you have become", "you're becoming", "you're such",
    "you are such", "ur such", "ur so", "u so", "you so", "you such", "thou art", "you're really", "you are really",
    "you're literally", "you are literally", "you're actually", "you are actually", "you're clearly", "you are clearly",
  ],
  // "your"/"ur" used for "you're": only trusted before an article ("your an idiot", not "your stupid question").
  youreLoose: ["your", "ur", "yur", "yer", "yor", "youre", "ure"],
  // ── English: a third person ──
  theyAre: [
    "he is", "she is", "he's", "hes", "she's", "shes", "he was", "she was", "this guy is", "that guy is", "this dude is",
    "that dude is", "this man is", "that man is", "this woman is", "that woman is", "this person is", "that person is",
    "your mom is", "ur mom is", "your mother is", "your mum is", "your dad is", "your father is", "your sister is",
    "your wife is", "your boss is", "he remains", "she remains", "he looks like", "she looks like", "he sounds like",
    "she sounds like", "he acts like", "she acts like", "he's being", "she's being", "he is being", "she is being",
    "he's just", "she's just", "he is just", "she is just", "he's still", "she's still", "he is still", "she is still",
    "he's really", "she's really", "he is really", "she is really", "he's literally", "she's literally", "he's clearly",
    "she's clearly", "he is clearly", "she is clearly", "he's actually", "she's actually", "he's such", "she's such",
    "he is such", "she is such", "he's so", "she's so", "he is so", "she is so", "him being", "her being",
  ],
  // Plural "they" may be things ("they are garbage" of parcels): only with insults naming people.
  theyPl: [
    "they are", "they're", "theyre", "they were", "they look like", "they sound like", "they act like", "they're being",
    "they are being", "they're just", "they are just", "these people are", "those people are", "they're all",
    "they are all", "they're such", "they are such", "you people are", "these guys are", "those guys are",
  ],
  // Words between "you are" and the insult.
  art: [
    "a", "an", "the", "one", "such a", "such an", "such", "so", "really", "very", "too", "just", "just a", "just an",
    "being", "being a", "being an", "literally", "literally a", "literally an", "actually", "actually a", "actually an",
    "nothing but", "nothing but a", "nothing but an", "no better than", "no better than a", "like a", "like an",
    "the biggest", "the most", "a bunch of", "bunch of", "such a big", "truly", "truly a", "definitely", "definitely a",
    "clearly", "clearly a", "clearly an", "obviously", "obviously a", "still", "still a", "still an", "always", "always a",
    "quite", "quite a", "kind of", "kind of a", "kinda", "kinda a", "sort of", "pretty", "a real", "a total", "a complete",
    "an absolute", "an utter", "a fucking", "a fuckin", "a freaking", "a bloody", "the dumbest", "the stupidest",
    "the worst", "one of the", "a typical", "a little", "a big", "a fat", "a stupid", "a dumb", "an ugly", "a pathetic",
    "a lying", "a disgusting", "a dirty", "a filthy", "an old", "a sad", "a worthless", "a useless", "a sick",
    "all", "all a", "all such", "all just", "nothing more than a", "nothing more than an", "not only a", "a complete and utter",
  ],
  // Articles only (the third-person "is a moron" frame needs a noun after an article).
  artNoun: [
    "a", "an", "such a", "such an", "the biggest", "nothing but a", "nothing but an", "just a", "just an", "a total",
    "a complete", "an absolute", "an utter", "a real", "a fucking", "a typical", "a bunch of", "bunch of", "such",
    "one big", "a big", "a little", "a lying", "a pathetic", "a stupid", "a dumb", "a disgusting", "a worthless",
    "a sad", "a fat", "an ugly", "a dirty", "a filthy", "nothing more than a", "the most", "the dumbest", "the worst",
    "literally a", "actually a", "clearly a", "obviously a", "truly a", "still a", "always a", "definitely a",
    "such a fucking", "a complete and utter", "one of the biggest",
  ],
  mod: [
    "fucking", "fuckin", "fking", "fkn", "fkin", "fcking", "effing", "freaking", "freakin", "frickin", "friggin", "bloody",
    "damn", "damned", "goddamn", "goddamned", "total", "complete", "absolute", "utter", "real", "big", "huge", "little",
    "lil", "stupid", "dumb", "ugly", "fat", "pathetic", "worthless", "useless", "dirty", "filthy", "lying", "sick", "old",
    "typical", "disgusting", "brainless", "sad", "miserable", "lazy", "incompetent", "clueless", "shameless", "ignorant",
    "arrogant", "entitled", "spineless", "gutless", "evil", "nasty", "dumbass", "crazy", "insane", "whiny", "crooked",
    "corrupt", "sorry", "sorry ass", "sorry-ass", "no good", "low life", "lowlife", "self righteous", "bald", "senile",
    "delusional", "deranged", "racist", "sexist", "fascist", "communist", "liberal", "leftist", "right wing", "left wing",
    "ass", "piece of", "bunch of", "cheap", "pompous", "smug", "hypocritical", "two faced", "two-faced", "gross",
  ],
  likeYou: ["like you", "like u", "like ya", "like yourself", "like him", "like her", "like them", "like y'all", "like you people"],
  // Groups of people: "stupid liberals", "liberals are idiots".
  group: [
    "people", "ppl", "persons", "folks", "guys", "men", "women", "girls", "boys", "kids", "fans", "voters", "supporters",
    "liberals", "libs", "lefties", "leftists", "left", "conservatives", "cons", "democrats", "dems", "republicans",
    "repubs", "progressives", "socialists", "communists", "commies", "feminists", "trumpers", "trump supporters",
    "maga", "snowflakes", "politicians", "journalists", "reporters", "media", "cops", "police", "teachers", "players",
    "muslims", "jews", "christians", "hindus", "atheists", "blacks", "whites", "mexicans", "immigrants", "refugees",
    "gays", "lesbians", "trans people", "americans", "indians", "bengalis", "pakistanis", "chinese", "europeans",
    "millennials", "boomers", "users", "customers", "admins", "mods", "moderators", "devs", "developers", "staff",
    "employees", "managers", "owners", "members", "everyone", "everybody", "humans", "idiots", "morons", "antifa",
    "nazis", "fascists", "globalists", "elites", "tories", "labour", "rednecks", "hillbillies", "haters", "trolls",
  ],
  these: ["these", "those", "this", "that", "such", "all these", "all those", "all you"],
  // ── Banglish ──
  bnYou: [
    "tui", "tumi", "apni", "tmi", "tu", "tora", "tomra", "apnara", "tui to", "tumi to", "apni to", "tuito", "tumito",
    "tuio", "tumio", "tora to", "tomra to", "tor moto", "tomar moto", "tui ekta", "tumi ekta", "apni ekta",
  ],
  bnArt: ["ekta", "akta", "ekti", "akti", "ekdom", "ekdum", "akdom", "akdum", "aasto", "asto", "pura", "puro", "boro", "ek number", "1 number", "ak number"],
  bnFrom: ["kothakar", "kothakaar", "kuthakar", "kothakr", "kotha kar", "kotakar"],
  // ── Bengali script ──
  bnYouB: ["তুই", "তুমি", "আপনি", "তোরা", "তোমরা", "আপনারা", "তুইতো", "তুমিতো", "তুই তো", "তুমি তো", "তোর মতো", "তোর মত", "তোমার মতো"],
  bnArtB: ["একটা", "একটি", "আস্ত", "একদম", "পুরা", "পুরো", "এক নম্বর", "বড়", "বড"],
  bnFromB: ["কোথাকার", "কোথাকার"],
};

/** How an insult is aimed at a person. */
export const INSULT_PATTERNS: readonly string[] = [
  // you're an idiot / you are so stupid / u r a fucking moron / you look like a clown
  "{youre} {art}? {mod}? {mod}? {insult}",
  // your an idiot / ur a loser / ur so dumb (but not "your stupid question")
  "{youreLoose} {art} {mod}? {mod}? {insult}",
  // you idiot / you stupid bitch / thank you, moron
  "{you} {mod}? {mod}? {noun}",
  // are you stupid? / you so dumb
  "{you} so|such|really|too? {adj} $",
  // he is a liar / she's so pathetic / this guy is a clown
  "{theyAre} {art}? {mod}? {mod}? {insult}",
  "{theyPl} {art}? {mod}? {mod}? {noun}",
  // liberals are idiots / stupid liberals / these morons
  "{group} are|r|were|is|being|act|acting {art}? {mod}? {mod}? {insult}",
  "{mod}? {adj} {group}",
  "{these} {mod}? {mod}? {noun}",
  "are|were|r {mod}? {mod}? {noun}",
  // (anyone) is a moron / was such a loser
  "is|was|are|were|be|being|remains|remain {artNoun} {mod}? {mod}? {noun}",
  // idiots like you / people like you
  "{insult} {likeYou}",
  // what an idiot / such a loser
  "what|wat|wot|such a|an {mod}? {mod}? {insult}",
  // "Idiot!" / "Fucking moron." as a sentence of its own
  "^ {mod}? {mod}? {noun} $",
  "^ {mod}? {noun} {you} $",
  // call you a moron
  "call|calling|called you|u|him|her|them {artNoun}? {mod}? {noun}",
  // Banglish: tui ekta harami / tumi ekdom gadha / harami kothakar
  "{bnYou} {bnArt}? {bnArt}? {mod}? {insult}",
  "{insult} {bnFrom}",
  // Bengali: তুই একটা শুয়োর / হারামি কোথাকার
  "{bnYouB} {bnArtB}? {bnArtB}? {insult}",
  "{insult} {bnFromB}",
];

/**
 * Said of oneself ("I'm such an idiot", "I felt stupid", "silly me") or denied ("he is not an
 * idiot"). Insults found inside these do not count.
 */
export const SELF_PATTERNS: readonly string[] = [
  "i|im|i'm|iam|ive|i've|id|i'd am|was|feel|felt|feeling|look|looked|sound|sounded|been|be|become|became {art}? {mod}? {mod}? {insult}",
  "i|im|i'm|iam am|was|feel|felt|feeling being|like {art}? {mod}? {mod}? {insult}",
  "i|im|i'm|iam {art}? {mod}? {mod}? {insult}",
  "me|myself|ourselves|we|us look|feel|sound|seem {art}? {mod}? {mod}? {insult}",
  "call|called|calling me|myself {art}? {mod}? {mod}? {insult}",
  "{insult} me|myself $",
  "my {mod}? {insult} self|brain|mistake",
  "made|makes|make me {art}? {insult}",
  "we|were|we're are|were {art}? {mod}? {insult}",
  // Denied: "he is not an idiot", "never a loser"
  "not|isnt|isn't|arent|aren't|wasnt|wasn't|werent|weren't|never|no|nor {art}? {mod}? {mod}? {insult}",
  "not|isnt|isn't|arent|aren't|wasnt|wasn't|never being|calling|call|called {art}? {mod}? {insult}",
];

/** Threat sets: who threatens, what harm, to whom. */
export const THREAT_SETS: Record<string, readonly string[]> = {
  iWill: [
    "i will", "i'll", "ill", "i shall", "i'm gonna", "im gonna", "i am gonna", "i'm going to", "im going to",
    "i am going to", "ima", "imma", "i'ma", "i wanna", "i want to", "i would", "i could", "i can", "i'm about to",
    "im about to", "we will", "we'll", "we're gonna", "were gonna", "we are going to", "we're going to", "we gonna",
    "gonna", "i gonna", "i'll come and", "i will come and", "i'm coming to", "im coming to", "i'm coming over to",
    "let me", "lemme", "i swear i'll", "i swear i will", "i swear ill", "i'd", "i would love to", "i'd love to",
    "i should", "someone should", "somebody should", "someone needs to", "somebody needs to", "i need to", "i'm going",
    "i wil", "i wll", "i'll be the one to", "i will be the one to", "we should", "i'll make sure to", "i want to personally",
  ],
  adv: [
    "fucking", "fuckin", "literally", "actually", "personally", "seriously", "really", "just", "come and", "come over and",
    "come", "go", "definitely", "totally", "gladly", "happily", "straight up", "find and", "hunt down and", "track down and",
    "beat and", "then", "slowly", "brutally", "also", "gonna", "going to", "sooo", "so", "probably", "eventually", "soon",
  ],
  harm: [
    "kill", "murder", "shoot", "stab", "hurt", "strangle", "choke", "rape", "behead", "hang", "lynch", "punch", "slap",
    "smash", "bash", "torture", "execute", "butcher", "slaughter", "gut", "skin", "drown", "burn", "bury", "assassinate",
    "knock out", "smack", "whoop", "shank", "beat up", "beat the shit out of", "beat the crap out of", "kick the shit out of",
    "fuck up", "mess up", "break", "suffocate", "poison", "run over", "cut", "kil", "kkill", "murda", "stomp",
    "decapitate", "dismember", "curb stomp", "pistol whip", "slit",
  ],
  // Verbs that threaten only when the sentence ends there or goes on to the harm: "I will find you." but not "I will find you a fix".
  harmWeak: ["find", "hunt", "hunt down", "track", "track down", "come for", "come after", "visit", "catch", "destroy", "ruin", "deal with", "beat", "hit", "kick"],
  victim: [
    "you", "u", "ya", "yall", "y'all", "you all", "you guys", "your family", "ur family", "your kids", "your children",
    "your wife", "your mom", "your mother", "your dad", "your sister", "your brother", "your whole family", "him", "her",
    "them", "that guy", "this guy", "that bitch", "this bitch", "you people", "each of you", "all of you", "everyone here",
    "every one of you", "yourself", "yourselves", "his family", "her family", "that bastard", "this bastard", "that man",
    "that woman", "you and your family",
  ],
  afterWeak: ["and", "down", "soon", "tonight", "later", "irl", "outside", "after school", "one day", "someday", "in real life", "for this", "for that", "if", "when", "wherever", "no matter"],
  // third-person violent wishes: "he should be shot"
  target: [
    "he", "she", "they", "him", "her", "them", "you", "u", "people like you", "people like him", "people like her",
    "people like them", "someone like you", "whoever", "all of them", "all of you", "this guy", "that guy", "this man",
    "that man", "this woman", "that woman", "this bitch", "that bitch", "these people", "those people", "y'all", "yall",
    "he needs", "she needs", "they all", "you all",
  ],
  should: [
    "should", "should all", "must", "must all", "needs to", "need to", "deserves to", "deserve to", "ought to", "should just",
    "should be", "should all be", "must be", "needs to be", "need to be", "deserves to be", "deserve to be", "ought to be",
    "should have been", "should've been", "shoulda been", "needs to get", "need to get", "should get", "deserve to get",
    "deserves to get", "gotta be", "has to be", "have to be", "should just be", "belongs", "belong",
  ],
  punish: [
    "shot", "hanged", "hung", "killed", "executed", "lynched", "beaten", "raped", "murdered", "gassed", "burned",
    "burnt", "strung up", "die", "burn", "rot", "hang", "stabbed",
    "beheaded", "tortured", "shot dead", "beaten to death", "shot in the head", "dead", "rot in hell",
    "burn in hell", "choke", "drown", "drowned", "hit by a car", "run over", "thrown off a building",
  ],
  youWill: [
    "you will", "you'll", "youll", "u will", "u'll", "ull", "ya will", "you gonna", "u gonna", "you are gonna",
    "you're gonna", "youre gonna", "ur gonna", "you are going to", "you're going to", "youre going to", "u r gonna",
    "ya gonna", "you shall", "yall will", "y'all gonna", "yall gonna", "you gon", "u gon", "you r gonna",
  ],
  dieWish: ["die", "dies", "die slowly", "burn", "rot", "choke", "drown", "suffer", "bleed", "rot in hell", "burn in hell", "die alone", "die in a fire"],
  // "… get cancer": what follows get/gets in a violent wish.
  getHarm: ["cancer", "raped", "shot", "killed", "hurt", "stabbed", "hit by a car", "run over", "aids", "murdered", "beaten"],
  hitVerb: [
    "beat", "kick", "whoop", "slap", "smack", "break", "smash", "punch", "bash", "cut", "slit", "snap", "crack", "rip off",
    "cave in", "kick in", "knock out", "bust", "split", "stomp",
  ],
  bodyPart: [
    "ass", "face", "teeth", "head", "neck", "legs", "jaw", "bones", "arms", "throat", "skull", "nose", "spine", "fingers",
    "head in", "face in", "teeth in", "ass up", "lip",
  ],
  // ── Banglish ──
  bnObj: ["tore", "toke", "tomake", "tomare", "tmk", "tke", "apnake", "tor", "tr", "tomar", "toder", "tomader", "ore", "oke"],
  bnHarm: [
    "mere", "maira", "maire", "mair", "mar", "khun kore", "khun", "jobai kore", "jobai", "kete", "pitiye", "pitaiya", "pitaye",
    "pitai", "gola kete", "lash kore", "shesh kore", "sesh kore", "gayeb kore", "pitiye lash kore",
  ],
  bnAux: ["felbo", "fhelbo", "felmu", "falamu", "falabo", "felbo re", "felumu", "dibo", "debo", "dimu", "dimu re", "nibo", "nebo", "nimu", "fel", "falabo re"],
  bnPoss: ["tor", "tr", "toder", "tor ma er", "tor maa r"],
  bnPlace: ["barite", "bari", "basay", "basai", "bashay", "barir samne", "basar samne", "bari te", "basa"],
  bnCome: ["ashbo", "asbo", "ashmu", "asmu", "ashtesi", "ashchi", "aschi", "asteci", "jabo", "jamu", "ashbo kintu", "aiba", "aitesi", "ashtesi dara"],
  // ── Bengali script ──
  bnObjB: ["তোকে", "তোরে", "তোমাকে", "আপনাকে", "ওকে", "ওরে", "তোদের", "তোমাদের", "তোর", "তর"],
  bnHarmB: ["মেরে", "খুন করে", "জবাই করে", "কেটে", "পিটিয়ে", "শেষ করে", "গুম করে", "মার", "মাইরা", "খুন"],
  bnAuxB: ["ফেলব*", "ফেলবো*", "ফালাবো*", "ফালামু*", "দেব*", "দেবো*", "দিব*", "দিবো*", "দিমু*", "নেব*", "নেবো*", "নিব*", "নিবো*", "নিমু*"],
  bnPlaceB: ["বাড়িতে", "বাড়ি", "বাসায়", "বাড়ির সামনে", "বাসার সামনে"],
  bnComeB: ["আসব*", "আসবো*", "আসছি", "যাব*", "যাবো*", "আসমু", "আইতাছি"],
};

export const THREAT_PATTERNS: readonly string[] = [
  // I will kill you / im gonna fucking stab you / we'll beat the shit out of you
  "{iWill} {adv}? {adv}? {harm} {victim}",
  "{iWill} {adv}? {adv}? {harmWeak} {victim} $|{afterWeak}",
  "{iWill} {adv}? {adv}? {hitVerb} your|ur|his|her|yo {bodyPart}",
  // I will come to your office and break your legs
  "{iWill} {adv}? come|go|drive to|by your|ur|his|her house|home|office|shop|place|work and {hitVerb} your|ur|his|her|yo {bodyPart}",
  "{iWill} {adv}? {adv}? put a bullet|bullets|knife in your|ur|his|her head|face|chest|back|brain|body",
  "{iWill} {adv}? {adv}? blow your|ur|his|her brains|head|face out|off",
  "{iWill} {adv}? {adv}? burn|torch your|ur|his|her house|home|car|place",
  "{iWill} {adv}? {adv}? make you|u pay|suffer|bleed|regret|beg|scream|disappear",
  "{iWill} {adv}? {adv}? hunt|track you|u down",
  "{iWill} {adv}? {adv}? kill|murder|hurt your|ur family|kids|children|dog|wife|mom|mother|pets",
  // you're dead / you will pay for this
  "{youre} so? dead $|meat",
  "{youre} a dead man|woman|meat",
  "{youWill} {dieWish}",
  "{youWill} get|gets {getHarm}",
  "{youWill} pay|regret|suffer $",
  "{youWill} pay|regret for? this|that|it $",
  "you|u|ya|youll|you'll|ull won't|wont|never see it coming",
  // watch your back / I know where you live
  "watch your|ur|yo back|step $",
  "better watch your|ur back|step|mouth",
  "know|found|find|got where you|u live|sleep",
  "sleep with one eye open",
  "your|ur days are numbered",
  "you|u better run|hide|pray $",
  "coming|comin|come for your|ur family|kids|house|head|life",
  "see|meet you|u|me outside $",
  "wait till|until i see|catch you|u",
  "hope|hoping|wish|pray you|u|he|she|they|him|her|them {dieWish}",
  "hope|hoping|wish|pray you|u|he|she|they|him|her|them get|gets {getHarm}",
  "die in a fire|hole|ditch",
  "go die|drown $",
  "go hang|kill|shoot|neck yourself|urself",
  "go jump off a bridge|cliff|building|roof",
  "kill yourself|urself|yourselves|ureself|yaself|uself",
  "kys",
  "neck yourself|urself",
  "drink bleach",
  // he should be shot / they should all hang / people like you deserve to die
  "{target} {should} {punish}",
  "{insult} {should} {punish}",
  "{insult} like you|u|him|her|them {should} {punish}",
  "death to all",
  // Banglish: tore mere felbo / tor barite ashbo / tore dekhe nibo
  "{bnObj}? {bnHarm} {bnAux}",
  "{bnPoss} {bnPlace} {bnCome}",
  "{bnObj} dekhe|dekha nibo|nebo|nimu|dimu|dibo|debo|lamu",
  "{bnObj} jan|jaan|pran niye|nie|nia|niya nibo|nebo|nimu|felbo",
  "tor|tr|tomar|toder lash|laash",
  "tor|tr|tomar haat|hat|pa|haddi|matha|mathay|dat bhenge|venge|bhaingga|vaingga|fatabo|fatamu|phatabo",
  "tor|tr|tomar khobor|khbr ache|ase|achhe|asey",
  // Bengali: তোকে মেরে ফেলব / তোর বাড়িতে আসব / তোকে দেখে নেব
  "{bnObjB}? {bnHarmB} {bnAuxB}",
  "তোর|তর|তোদের|তোমার {bnPlaceB} {bnComeB}",
  "{bnObjB} দেখে {bnAuxB}",
  "{bnObjB} জান|প্রাণ নিয়ে {bnAuxB}",
  "তোর|তর|তোমার লাশ",
  "তোর|তর|তোমার হাত|পা|মাথা|হাড় ভেঙে|ভেঙ্গে|ফাটিয়ে {bnAuxB}",
  "তোর|তর খবর আছে",
];
