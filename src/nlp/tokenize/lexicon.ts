/**
 * Word lists the tokenizer needs to follow UD English (EWT/GUM) conventions:
 * abbreviations that keep their period, contractions written without an
 * apostrophe, bound prefixes that keep their hyphen, measurement units split
 * from numbers, and emoticons. Each list is tokenization knowledge checked
 * against the treebanks, not a list of sentences.
 */

/**
 * Words that keep a following period inside a sentence ("Mr.", "Inc.", "Calif.").
 * Case matters: "Mass." is Massachusetts, "mass." ends a clause.
 */
export const ABBREVIATIONS: ReadonlySet<string> = new Set([
  // titles and ranks
  "Mr", "Mrs", "Ms", "Mx", "Dr", "Drs", "Prof", "Rev", "Hon", "Sr", "Jr", "Esq", "St", "Sts", "Messrs", "Mme",
  "Mlle", "Msgr", "Fr", "Gen", "Sen", "Sens", "Rep", "Reps", "Gov", "Lt", "Col", "Sgt", "Capt", "Cmdr", "Cdr",
  "Adm", "Maj", "Pvt", "Cpl", "Brig", "Supt", "Insp", "Det", "Pres", "Amb", "Atty", "Spec",
  // organisations
  "Inc", "Corp", "Co", "Ltd", "Bros", "Assn", "Dept", "Univ", "Intl", "Mfg", "Cos", "co", "inc", "corp", "ltd",
  // months and weekdays ("May" and "June" are never abbreviated)
  "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
  "Mon", "Tue", "Tues", "Wed", "Thu", "Thur", "Thurs", "Fri", "Sat", "Sun",
  // US states as AP datelines write them ("SPRINGFIELD, Ill. (AP)")
  "Ala", "Ariz", "Ark", "Calif", "Cal", "Colo", "Conn", "Del", "Fla", "Ga", "Ill", "Ind", "Kan", "Kans", "Ky", "La",
  "Md", "Mass", "Mich", "Minn", "Miss", "Mo", "Mont", "Neb", "Nev", "Okla", "Ore", "Pa", "Tenn", "Tex", "Va", "Vt",
  "Wash", "Wis", "Wyo",
  // places in addresses
  "Ave", "Blvd", "Rd", "Ln", "Hwy", "Mt", "Ft", "Pt",
  // Latin and common lower-case abbreviations
  "etc", "vs", "viz", "cf", "al", "approx", "esp", "ext", "est", "eg", "ie", "ca", "Attn", "attn", "Tel", "tel",
  "misc", "Ph", "Sc", "Conf", "div", "dept", "incl", "min", "mins", "hr", "hrs", "yr", "yrs", "sec", "lb", "lbs", "oz", "ft",
  "Etc", "Vs", "Approx", "Mins",
]);

/** Abbreviations that keep their period only before a number ("No. 1", "pp. 12"); otherwise they are words. */
export const NUMBER_ABBREVIATIONS: ReadonlySet<string> = new Set([
  "No", "no", "Nos", "nos", "Vol", "vol", "pp", "Fig", "fig", "Art", "art", "Ch", "ch", "Para", "para", "Op", "op",
  "Sec", "Ex", "Tel", "tel", "Ph", "Fax", "fax",
]);

/**
 * Contractions that UD splits into several words although they have no
 * apostrophe, keyed by lower-case form; values are split offsets
 * ("gonna" → "gon" + "na", "dunno" → "du" + "n" + "no"). Apostrophe-less
 * negations ("dont" → "do" + "nt") are in the treebanks as typed on the web.
 * "its", "lets", "ill", "id", "were", "well" are left alone: as words they are
 * far more frequent than as contractions.
 */
export const CONTRACTIONS: ReadonlyMap<string, readonly number[]> = new Map<string, readonly number[]>([
  ["gonna", [3]], ["wanna", [3]], ["gotta", [3]], ["outta", [3]], ["oughta", [5]], ["cannot", [3]],
  ["dunno", [2, 3]], ["alot", [1]],
  ["dont", [2]], ["didnt", [3]], ["doesnt", [4]], ["cant", [2]], ["wont", [2]], ["isnt", [2]], ["wasnt", [3]],
  ["arent", [3]], ["werent", [4]], ["havent", [4]], ["hasnt", [3]], ["hadnt", [3]], ["couldnt", [5]],
  ["wouldnt", [5]], ["shouldnt", [6]], ["aint", [2]], ["mustnt", [4]], ["neednt", [4]],
  ["im", [1]], ["ive", [1]], ["youre", [3]], ["theyre", [4]], ["youve", [3]], ["theyve", [4]], ["youll", [3]],
  ["theyll", [4]], ["itll", [2]], ["thats", [4]], ["whats", [4]], ["theres", [5]], ["hes", [2]], ["shes", [3]],
  // apostrophe forms that are not a clitic at the end of the word
  ["y'all", [2]], ["c'mon", [3]], ["i'ma", [1, 3]],
]);

/** Words written with a leading apostrophe that UD keeps whole ("'em", "rock 'n roll", "'til"). */
export const APOSTROPHE_WORDS: ReadonlySet<string> = new Set(["em", "n", "til", "cause", "bout", "tis", "twas", "cos", "nuff"]);

/** Clitics split off the end of a word after an apostrophe ("it's", "we're", "I'd"); "n't" is handled apart. */
export const CLITICS: ReadonlySet<string> = new Set(["s", "re", "ve", "ll", "d", "m"]);

/**
 * Bound prefixes that keep their hyphen: UD English splits hyphenated compounds
 * ("cease-fire", "long-term") but not a prefix that cannot stand alone
 * ("non-stop", "anti-war", "e-mail", "co-founder", "mid-1980s"). "self", "quasi",
 * "pan", "vice" and "eco" are split in the treebanks, so they are not here.
 */
export const HYPHEN_PREFIXES: ReadonlySet<string> = new Set([
  "non", "e", "anti", "re", "co", "pro", "pre", "post", "mid", "cross", "over", "multi", "ex", "counter", "semi",
  "sub", "mini", "socio", "psycho", "neo", "inter", "intra", "micro", "un", "mis", "de", "arch", "ultra", "bi", "tri",
  "macro", "meta", "hyper", "pseudo", "trans", "infra", "proto",
]);

/** Suffixes that keep their hyphen ("career-wise", "Holocaust-esque"). */
export const HYPHEN_SUFFIXES: ReadonlySet<string> = new Set(["wise", "esque"]);

/** Units and magnitudes split from a number written against them ("5pm", "$3M", "35mm"); case matters. */
export const UNITS: ReadonlySet<string> = new Set([
  "k", "K", "m", "M", "mm", "MM", "bn", "b", "B", "km", "kg", "g", "mg", "lb", "lbs", "oz", "ft", "cm", "mi", "ml",
  "am", "pm", "AM", "PM", "a.m", "p.m", "A.M", "P.M", "hr", "hrs", "h", "min", "mins", "yr", "yrs", "mph", "kph",
  "GB", "MB", "KB", "TB", "Gb", "Mb", "kb", "gb", "mb", "kw", "kW", "MW", "mW", "GW", "kwh", "kWh", "MWh", "p",
]);

/** Ordinal and decade endings that stay on their number ("21st", "1980s"); lower-cased. */
export const NUMBER_SUFFIXES: ReadonlySet<string> = new Set(["st", "nd", "rd", "th", "s", "d"]);

/** Emoticons kept as one token; checked only where a word cannot continue after them. */
export const EMOTICONS: readonly string[] = [
  ":-)", ":-(", ":-D", ":-P", ":-/", ";-)", ":'(", ">:(", ":)", ":(", ":D", ":P", ":p", ":/", ";)", "=)", "=(",
  "^_^", "-_-", "<3", ":o", ":O", "(:",
];

/** Names written with an exclamation mark, which UD keeps inside the word ("Yahoo!"). */
export const BANG_NAMES: ReadonlySet<string> = new Set(["Yahoo", "YAHOO"]);

/**
 * Web spellings that UD splits only in context, keyed by the word, with the
 * split offset and the next words that show it is a contraction: "its a",
 * "its not" are "it's"; "its own", "its people" stay possessive. Lists hold
 * words that cannot follow the possessive or the verb ("lets them").
 */
export const CONTEXT_CONTRACTIONS: ReadonlyMap<string, { offset: number; before: ReadonlySet<string> }> = new Map([
  ["its", {
    offset: 2,
    // Not "all", "so", "in", "like", "very", "only", "kind": news writes "its all-time
    // high", "its so-called", "its in-house", "its like-for-like", "first of its kind".
    before: new Set(["a", "an", "the", "not", "really", "still", "just", "been", "also", "now", "from", "as",
      "definitely", "simply", "too", "getting", "going", "gonna", "your", "my", "ok", "okay", "probably", "actually",
      "pretty", "because", "that", "this", "what", "how", "quite", "almost", "nothing", "always", "never"]),
  }],
  ["your", {
    offset: 3,
    // Not "in", "on", "so", "very", "being", "just": "your in-laws", "your very own", "your being late".
    before: new Set(["gonna", "going", "the", "a", "an", "not", "too", "getting", "looking", "calling", "told"]),
  }],
  ["lets", {
    offset: 3,
    // Not "go", "all": "lets go of", "lets all users".
    before: new Set(["see", "get", "take", "try", "be", "hope", "call", "do", "make", "talk", "say", "have", "just",
      "not", "start", "look", "keep", "move", "face", "hear", "stay", "wait", "find", "give", "put", "eat"]),
  }],
]);

/** Currency prefixes written against "$" ("US$", "HK$"): UD keeps them one word. */
export const DOLLAR_PREFIXES: ReadonlySet<string> = new Set(["US", "U", "A", "AU", "C", "CA", "HK", "NZ", "S", "NT", "R"]);
