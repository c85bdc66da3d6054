/// English verb inflections, for matching trigger verbs in any tense.
public enum Inflection {
    /// The forms of a one-word verb lemma: [lemma, third person -s, past, past participle, -ing] in that order
    /// (past and participle may be equal); a second accepted spelling of any of them (travelled/traveled,
    /// burnt/burned) follows the five. The lemma is lower-cased first.
    public static func forms(of lemma: String) -> [String] {
        let verb = lemma.lowercased()
        guard !verb.isEmpty else { return [verb] }
        if let known = cache[verb] { return known }
        return regularForms(verb)
    }

    /// The irregular verbs and those with extra spellings, computed once.
    private static let cache: [String: [String]] = {
        var table: [String: [String]] = [:]
        for line in irregular {
            let parts = line.split(separator: " ").map(String.init)
            let lemma = parts[0]
            let pasts = parts[1].split(separator: "/").map(String.init)
            let participles = parts[2].split(separator: "/").map(String.init)
            var forms = [lemma, thirdPerson(lemma), pasts[0], participles[0], presentParticiple(lemma)]
            for extra in pasts.dropFirst() + participles.dropFirst() where !forms.contains(extra) {
                forms.append(extra)
            }
            table[lemma] = forms
        }
        table["be"] = ["be", "is", "was", "been", "being", "am", "are", "were"]
        table["have"] = ["have", "has", "had", "had", "having"]
        for lemma in doubleSpelledL {
            let british = lemma + "l"
            table[lemma] = [
                lemma, lemma + "s", british + "ed", british + "ed", british + "ing", lemma + "ed", lemma + "ing",
            ]
        }
        return table
    }()

    /// Regular verbs: -e, consonant + y, consonant-vowel-consonant doubling, sibilants and -o (+es), -c (+k).
    private static func regularForms(_ verb: String) -> [String] {
        let past: String
        let chars = Array(verb)
        let last = chars[chars.count - 1]
        if verb.hasSuffix("ee") || verb.hasSuffix("ye") || verb.hasSuffix("oe") || verb.hasSuffix("ie")
            || last == "e"
        {
            past = verb + "d"
        } else if last == "y", chars.count > 1, !isVowel(chars[chars.count - 2]) {
            past = String(verb.dropLast()) + "ied"
        } else if doubles(verb) {
            past = verb + String(last) + "ed"
        } else if last == "c" {
            past = verb + "ked"
        } else {
            past = verb + "ed"
        }
        return [verb, thirdPerson(verb), past, past, presentParticiple(verb)]
    }

    private static func thirdPerson(_ verb: String) -> String {
        let chars = Array(verb)
        let last = chars[chars.count - 1]
        if last == "y", chars.count > 1, !isVowel(chars[chars.count - 2]) { return String(verb.dropLast()) + "ies" }
        if verb.hasSuffix("z"), doubles(verb) { return verb + "zes" }
        if verb.hasSuffix("s") || verb.hasSuffix("sh") || verb.hasSuffix("ch") || verb.hasSuffix("x")
            || verb.hasSuffix("z")
        {
            return verb + "es"
        }
        if last == "o", chars.count > 1, !isVowel(chars[chars.count - 2]) { return verb + "es" }
        return verb + "s"
    }

    private static func presentParticiple(_ verb: String) -> String {
        let chars = Array(verb)
        let last = chars[chars.count - 1]
        if verb.hasSuffix("ie") { return String(verb.dropLast(2)) + "ying" }
        if verb.hasSuffix("ee") || verb.hasSuffix("ye") || verb.hasSuffix("oe") { return verb + "ing" }
        if last == "e", chars.count > 2 { return String(verb.dropLast()) + "ing" }
        if doubles(verb) { return verb + String(last) + "ing" }
        if last == "c" { return verb + "king" }
        return verb + "ing"
    }

    private static func isVowel(_ character: Character) -> Bool {
        "aeiou".contains(character)
    }

    /// Whether the final consonant doubles before -ed/-ing: one-syllable verbs ending consonant-vowel-consonant
    /// (plan, stop, ban), and the listed verbs stressed on the last syllable (admit, expel, patrol).
    private static func doubles(_ verb: String) -> Bool {
        if finalStress.contains(verb) { return true }
        let chars = Array(verb.replacingOccurrences(of: "qu", with: "q"))
        guard chars.count >= 3 else { return false }
        let last = chars[chars.count - 1]
        let vowel = chars[chars.count - 2]
        let before = chars[chars.count - 3]
        guard !isVowel(last), !"wxy".contains(last), isVowel(vowel), !isVowel(before) else { return false }
        // One syllable: no other vowel group before the final one ("y" after a consonant counts as a vowel).
        for index in 0..<(chars.count - 2) {
            let character = chars[index]
            if isVowel(character) || (character == "y" && index > 0) { return false }
        }
        return true
    }

    /// Two-syllable verbs (and longer) stressed on the last syllable, whose final consonant doubles.
    private static let finalStress: Set<String> = [
        "admit", "commit", "submit", "permit", "omit", "emit", "remit", "transmit", "acquit", "refer", "prefer",
        "confer", "infer", "defer", "transfer", "deter", "occur", "recur", "incur", "concur", "regret", "control",
        "patrol", "compel", "expel", "propel", "repel", "dispel", "rebel", "equip", "outstrip", "begin", "forget",
        "forbid", "upset", "outbid", "overrun", "outrun", "underpin", "embed", "abet", "allot", "extol", "annul",
        "unplug", "unwrap", "input", "output", "reset", "beset", "offset", "befit", "kidnap", "worship", "handicap",
    ]

    /// Two-syllable verbs ending in -l: British doubles the l (travelled), American does not (traveled).
    private static let doubleSpelledL: [String] = [
        "travel", "cancel", "label", "signal", "model", "fuel", "channel", "total", "equal", "level", "counsel",
        "quarrel", "marvel", "dial", "shovel", "tunnel", "rival", "funnel", "pencil", "spiral", "initial",
        "unravel", "libel", "parcel", "panel", "duel", "cudgel", "grovel", "snorkel", "tassel", "trammel",
    ]

    /// "lemma past participle"; alternatives separated by "/", the first being the main form.
    private static let irregular: [String] = [
        "arise arose arisen", "awake awoke awoken", "bear bore borne/born", "beat beat beaten",
        "become became become", "befall befell befallen", "begin began begun", "bend bent bent",
        "beset beset beset", "bet bet bet", "bid bid bid", "bind bound bound", "bite bit bitten",
        "bleed bled bled", "blow blew blown", "break broke broken", "breed bred bred", "bring brought brought",
        "broadcast broadcast broadcast", "build built built", "burn burned/burnt burned/burnt",
        "burst burst burst", "buy bought bought", "cast cast cast", "catch caught caught",
        "choose chose chosen", "cling clung clung", "come came come", "cost cost cost", "creep crept crept",
        "cut cut cut", "deal dealt dealt", "dig dug dug", "do did done", "draw drew drawn",
        "dream dreamed/dreamt dreamed/dreamt", "drink drank drunk", "drive drove driven", "dwell dwelt dwelt",
        "eat ate eaten", "fall fell fallen", "feed fed fed", "feel felt felt", "fight fought fought",
        "find found found", "flee fled fled", "fling flung flung", "fly flew flown", "forbid forbade forbidden",
        "forecast forecast forecast", "foresee foresaw foreseen", "foretell foretold foretold",
        "forget forgot forgotten", "forgive forgave forgiven", "forgo forwent forgone", "forsake forsook forsaken",
        "freeze froze frozen", "get got got/gotten", "give gave given", "go went gone", "grind ground ground",
        "grow grew grown", "hang hung/hanged hung/hanged", "hear heard heard", "hide hid hidden", "hit hit hit",
        "hold held held", "hurt hurt hurt", "keep kept kept", "kneel knelt/kneeled knelt/kneeled",
        "know knew known", "lay laid laid", "lead led led", "lean leaned/leant leaned/leant",
        "leap leapt/leaped leapt/leaped", "learn learned/learnt learned/learnt", "leave left left",
        "lend lent lent", "let let let", "lie lay/lied lain/lied", "light lit/lighted lit/lighted", "lose lost lost",
        "make made made", "mean meant meant", "meet met met", "mislead misled misled", "mistake mistook mistaken",
        "misunderstand misunderstood misunderstood", "outbid outbid outbid", "outdo outdid outdone",
        "outrun outran outrun", "overcome overcame overcome", "overdo overdid overdone", "overhear overheard overheard",
        "overrun overran overrun", "oversee oversaw overseen", "overtake overtook overtaken",
        "overthrow overthrew overthrown", "override overrode overridden", "offset offset offset",
        "pay paid paid", "prove proved proven/proved", "put put put", "quit quit/quitted quit/quitted",
        "read read read", "rebuild rebuilt rebuilt", "redo redid redone", "remake remade remade",
        "repay repaid repaid", "resell resold resold", "reset reset reset", "retake retook retaken",
        "retell retold retold", "rethink rethought rethought", "rewrite rewrote rewritten", "rid rid rid",
        "ride rode ridden", "ring rang rung", "rise rose risen", "run ran run", "saw sawed sawn/sawed",
        "say said said", "see saw seen", "seek sought sought", "sell sold sold", "send sent sent",
        "set set set", "sew sewed sewn/sewed", "shake shook shaken", "shed shed shed", "shine shone shone",
        "shoot shot shot", "show showed shown/showed", "shrink shrank shrunk", "shut shut shut", "sing sang sung",
        "sink sank sunk", "sit sat sat", "slay slew slain", "sleep slept slept", "slide slid slid",
        "sling slung slung", "slit slit slit", "smell smelled/smelt smelled/smelt", "speak spoke spoken",
        "speed sped/speeded sped/speeded", "spell spelled/spelt spelled/spelt", "spend spent spent",
        "spill spilled/spilt spilled/spilt", "spin spun spun", "spit spat spat", "split split split",
        "spoil spoiled/spoilt spoiled/spoilt", "spread spread spread", "spring sprang sprung", "stand stood stood",
        "steal stole stolen", "stick stuck stuck", "sting stung stung", "stink stank stunk",
        "stride strode stridden", "strike struck struck/stricken", "string strung strung",
        "strive strove/strived striven/strived", "swear swore sworn", "sweep swept swept",
        "swell swelled swollen/swelled", "swim swam swum", "swing swung swung", "take took taken",
        "teach taught taught", "tear tore torn", "tell told told", "think thought thought", "throw threw thrown",
        "thrust thrust thrust", "tread trod trodden", "undercut undercut undercut", "undergo underwent undergone",
        "underlie underlay underlain", "understand understood understood",
        "undertake undertook undertaken", "underwrite underwrote underwritten", "undo undid undone",
        "uphold upheld upheld", "upset upset upset", "wake woke woken", "wear wore worn", "weave wove woven",
        "wed wed/wedded wed/wedded", "weep wept wept", "wet wet/wetted wet/wetted", "win won won",
        "wind wound wound", "withdraw withdrew withdrawn", "withhold withheld withheld",
        "withstand withstood withstood", "wring wrung wrung", "write wrote written",
        "dive dived/dove dived", "strew strewed strewn/strewed", "mow mowed mown/mowed", "sow sowed sown/sowed",
        "shear sheared shorn/sheared", "spit spat/spit spat/spit", "fit fitted/fit fitted/fit",
        "inlay inlaid inlaid", "mislay mislaid mislaid", "waylay waylaid waylaid", "partake partook partaken",
        "behold beheld beheld", "bespeak bespoke bespoken", "browbeat browbeat browbeaten",
        "outgrow outgrew outgrown", "outshine outshone outshone", "overfly overflew overflown",
        "overhang overhung overhung", "overlay overlaid overlaid", "overpay overpaid overpaid",
        "oversell oversold oversold", "overshoot overshot overshot", "oversleep overslept overslept",
        "overspend overspent overspent", "prepay prepaid prepaid", "rebind rebound rebound",
        "recast recast recast", "resend resent resent", "resit resat resat",
        "retread retrod retrodden", "unbind unbound unbound", "underbid underbid underbid",
        "undersell undersold undersold", "unwind unwound unwound", "input input/inputted input/inputted",
        "broadcast broadcast/broadcasted broadcast/broadcasted", "shit shat shat", "bust bust/busted bust/busted",
        "wake woke/waked woken/waked", "awake awoke awoken", "chide chided/chid chided/chidden",
    ]
}
