extension EntityRecognizer {
    /// Words that end or head an organisation's name ("Mondelez International", "Bank of Utah", "Delhi Police").
    static let organisationCues: Set<String> = [
        "inc", "inc.", "ltd", "ltd.", "llc", "plc", "corp", "corp.", "co", "co.", "corporation", "company", "group",
        "holdings", "industries", "international", "technologies", "systems", "partners", "capital", "bank", "party",
        "ministry", "department", "council", "agency", "police", "fc", "united", "university", "college", "school",
        "institute", "institution", "foundation", "association", "federation", "union", "league", "committee",
        "commission", "court", "tribunal", "board", "bureau", "authority", "service", "services", "office", "army",
        "navy", "force", "forces", "guard", "front", "movement", "organisation", "organization", "alliance",
        "coalition", "church", "hospital", "club", "airlines", "airways", "motors", "times", "post", "news", "press",
        "journal", "network", "television", "radio", "parliament", "senate", "congress", "assembly", "cabinet",
        "government", "administration", "centre", "center", "centers", "centres", "society", "trust", "fund",
        "exchange", "brigade", "brigades", "battalion", "regiment", "command", "secretariat", "directorate",
        "agencies", "media", "communications", "pharmaceuticals", "energy", "petroleum", "oil", "airport",
        "factory", "railways", "studios", "entertainment", "records", "labs", "laboratories", "academy", "museum",
        "zoo",
    ]

    /// Last words of names of events, not of actors ("the G20 Summit", "Winter Olympics").
    static let eventCues: Set<String> = [
        "summit", "conference", "games", "cup", "olympics", "championship", "championships", "festival", "war",
        "awards", "election", "elections", "day", "week", "prize", "marathon", "open", "series", "act", "bill",
        "treaty", "agreement", "accord", "accords", "protocol", "plan", "report", "index", "award",
    ]

    /// Words inside a place's name, or right after it ("Kern County", "the Donbas region").
    static let placeCues: Set<String> = [
        "county", "province", "region", "district", "city", "town", "village", "island", "islands", "valley",
        "river", "lake", "bay", "strait", "sea", "gulf", "peninsula", "mountains", "mountain", "square", "street",
        "avenue", "township", "prefecture", "governorate", "oblast", "state", "territory", "area", "border",
        "coast", "desert", "basin", "camp", "neighbourhood", "neighborhood", "suburb", "port", "municipality",
    ]

    /// Prepositions after which a capitalised name of no other kind is a place ("in Sittwe", "near Aleppo").
    static let placePrepositions: Set<String> = [
        "in", "near", "outside", "across", "throughout", "around", "into", "inside",
    ]

    /// Nouns for people after the name of where they are from ("an Ohio man").
    static let residentNouns: Set<String> = [
        "man", "woman", "men", "women", "boy", "girl", "teenager", "teen", "resident", "residents", "native",
        "couple", "family", "mother", "father", "grandmother", "grandfather",
    ]

    /// Nouns before "in" that make what follows a company, not a place ("shares in Zentrix").
    static let holdingNouns: Set<String> = [
        "shares", "stake", "stakes", "investment", "investments", "interest", "holding", "holdings", "share",
    ]

    /// Nouns before a name, or after "the" in an apposition, that make it a person ("coach Jurgen Klopp",
    /// "Smith, the author of …").
    static let personNouns: Set<String> = [
        "mr", "mrs", "ms", "dr", "coach", "manager", "striker", "midfielder", "defender", "goalkeeper", "player",
        "actor", "actress", "singer", "rapper", "musician", "artist", "author", "writer", "novelist", "director",
        "producer", "founder", "co-founder", "businessman", "businesswoman", "billionaire", "entrepreneur",
        "investor", "economist", "analyst", "professor", "scientist", "researcher", "doctor", "lawyer", "attorney",
        "boss", "chief", "head", "leader", "president", "chairman", "candidate", "nominee", "politician",
        "senator", "congressman", "congresswoman", "governor", "mayor", "son", "daughter", "wife", "husband",
        "father", "mother", "brother", "sister", "widow", "owner", "star", "champion", "captain", "host",
        "presenter", "anchor", "comedian", "filmmaker", "photographer", "student", "teacher", "suspect",
        "victim", "survivor", "witness", "resident", "spokesman", "spokeswoman", "executive", "deputy",
        "pastor", "priest", "bishop", "cardinal", "cleric", "imam", "rabbi", "activist", "blogger", "designer",
        "chef", "athlete", "cyclist", "boxer", "wrestler", "runner", "swimmer", "skier", "golfer", "tennis",
    ]

    /// Nouns after "the" in an apposition that make the name an organisation ("Mondelez International, the
    /// maker of …").
    static let organisationNouns: Set<String> = [
        "maker", "company", "firm", "group", "owner", "operator", "retailer", "producer", "manufacturer", "giant",
        "bank", "lender", "insurer", "airline", "carrier", "developer", "provider", "supplier", "chain", "brand",
        "startup", "start-up", "agency", "organisation", "organization", "charity", "club", "team", "party",
        "union", "network", "broadcaster", "newspaper", "publisher", "conglomerate", "automaker", "carmaker",
        "miner", "distributor", "exporter", "importer", "parent", "subsidiary", "unit", "body", "watchdog",
        "regulator", "institute", "university", "militia", "movement", "alliance", "coalition", "consortium",
    ]

    /// Plural nouns after a name that make it a group acting together ("Houthi rebels", "Tamil protesters").
    static let groupMembers: Set<String> = [
        "rebels", "militants", "fighters", "insurgents", "protesters", "protestors", "demonstrators",
        "separatists", "militiamen", "gunmen", "supporters", "loyalists", "extremists", "jihadists", "tribesmen",
        "settlers", "guerrillas", "guerillas", "activists", "rioters", "workers", "farmers", "students",
        "refugees", "migrants", "forces", "troops", "militias",
    ]

    /// Capitalised words that never begin or continue a name span (function words, months, weekdays, sentence
    /// adverbs).
    static let spanStops: Set<String> = [
        "the", "a", "an", "in", "on", "at", "but", "or", "to", "with", "by", "after", "before", "from", "into",
        "this", "that", "these", "those", "his", "her", "its", "their", "our", "my", "your", "he", "she", "it",
        "they", "we", "i", "you", "who", "what", "when", "where", "why", "how", "which", "while", "if", "as", "so",
        "yet", "then", "there", "here", "also", "now", "since", "during", "however", "meanwhile", "according",
        "although", "though", "because", "despite", "under", "over", "about", "some", "many", "most", "all",
        "both", "each", "every", "other", "another", "such", "no", "not", "one", "two", "three", "is", "was", "are",
        "were", "has", "have", "had", "will", "would", "can", "could", "should", "may", "might", "must", "said",
        "says", "read", "more", "last", "next", "first", "january", "february", "march", "april", "june", "july",
        "august", "september", "october", "november", "december", "jan", "feb", "apr", "jun", "jul", "aug", "sep",
        "sept", "oct", "nov", "dec", "monday", "tuesday", "wednesday", "thursday",
        "friday", "saturday", "sunday", "today", "yesterday", "tomorrow", "tonight", "earlier", "later", "still",
        "even", "just", "only", "instead", "indeed", "thus", "therefore", "please", "yes", "updated", "editing",
        "reporting", "writing", "photo", "video", "image", "click", "advertisement", "related", "copyright",
    ]

    /// Capitalised words of no entity: faiths and their adjectives, holidays, common acronyms that name things
    /// rather than actors.
    static let notEntities: Set<String> = [
        "christian", "christians", "muslim", "muslims", "jewish", "jew", "jews", "islamic", "catholic",
        "catholics", "protestant", "hindu", "hindus", "buddhist", "sikh", "arab", "arabs", "asian", "african",
        "european", "western", "eastern", "northern", "southern", "latin", "christmas", "easter", "ramadan", "eid",
        "thanksgiving", "internet", "web", "god", "allah", "english", "coronavirus", "covid", "covid-19", "brexit",
        "ceo", "cfo", "coo", "gdp", "tv", "am", "pm", "ok", "ai", "hiv", "aids", "dna", "id", "vat", "gmt", "utc",
        "est", "edt", "bst", "cet", "fm", "suv", "lgbt", "lgbtq", "mp", "mps", "ipo", "ceos", "usd", "eur", "gbp",
        "am.", "p.m.", "a.m.", "ad", "bc", "i", "ii", "iii", "iv", "v", "vi", "q1", "q2", "q3", "q4", "etf", "pc",
        "app", "apps", "email", "mr", "mrs", "ms", "dr", "st", "jr", "sr", "no", "vs",
    ]

    /// The words a headline in title case leaves in lower case.
    static let titleCaseLowerWords: Set<String> = [
        "a", "an", "the", "of", "for", "and", "or", "to", "in", "on", "at", "by", "as", "with", "from", "vs", "vs.",
        "but", "nor", "via", "per", "is", "are",
    ]

    /// Marks after which a capitalised word starts a sentence, a quotation or what follows a colon or a dash.
    static let sentenceOpeners: Set<String> = ["\"", "“", "‘", "'", ":", "—", "–", "-", "(", "[", "•", "*", "|"]

    /// Particles inside personal and place names ("Ursula von der Leyen", "Abu Bakr al-Baghdadi").
    static let nameParticles: Set<String> = [
        "de", "del", "della", "di", "da", "dos", "das", "du", "van", "von", "der", "den", "ter", "la", "le", "bin",
        "ibn", "al", "el", "abu", "y",
    ]
}
