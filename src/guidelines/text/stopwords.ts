// Words too common to tell a message apart: a pattern is looked for in a message only when a
// word of it that is NOT one of these occurs (see PatternSet's required words).
export const STOP_WORDS: readonly string[] = [
  // English
  "a", "an", "the", "and", "or", "but", "if", "of", "to", "in", "on", "at", "for", "with", "by", "from", "as", "so",
  "is", "are", "was", "were", "be", "been", "being", "am", "do", "does", "did", "have", "has", "had", "will", "would",
  "shall", "should", "can", "could", "may", "might", "must", "not", "no", "yes", "i", "me", "my", "mine", "we", "us",
  "our", "you", "u", "ya", "ye", "your", "ur", "yours", "yall", "he", "him", "his", "she", "her", "hers", "they", "them",
  "their", "it", "its", "this", "that", "these", "those", "there", "here", "what", "who", "whom", "which", "when",
  "where", "why", "how", "all", "any", "some", "one", "just", "like", "such", "very", "really", "too", "also", "then",
  "than", "now", "up", "down", "out", "about", "im", "ill", "id", "ive",
  "youre", "youll", "hes", "shes", "theyre", "were", "dont", "cant", "wont", "isnt", "arent", "thats", "whats", "lol",
  "r", "re", "more", "most", "only", "own", "same", "other", "over", "into", "after", "before", "again", "still",
  "oh", "ok", "okay", "please", "thanks", "thank", "user", "url", "rt", "amp", "get", "gets", "got", "go", "goes",
  "going", "gonna", "wanna", "see", "make", "makes", "made", "come", "coming", "look", "call", "called", "calling",
  "put", "feel", "hope", "wish", "find", "send", "wait", "end", "face", "days", "day", "better",
  "people", "guys", "women", "girls", "men", "man", "everyone", "white", "left", "next", "know",
  "want", "need", "think", "say", "said", "tell", "take", "give", "way", "time", "thing", "world", "work",
  "love", "new", "good", "well", "much", "many", "never", "always", "even", "ever", "right", "let", "lets", "hit",
  "beat", "big", "real", "little", "old", "sorry", "total", "last", "first", "long", "great", "best", "home",
  "friend", "friends", "girl", "boy", "guy", "trump", "president", "liberals", "conservatives",
  "antifa", "maga", "2", "1", "3",
  // Banglish / Bengali pronouns and particles
  "ami", "tumi", "tui", "apni", "amar", "tomar", "tor", "apnar", "ki", "na", "to", "ekta", "eta", "ota", "ar", "o",
  "আমি", "তুমি", "তুই", "আপনি", "আমার", "তোমার", "তোর", "আপনার", "কি", "না", "একটা", "আর", "ও",
];
