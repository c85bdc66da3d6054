/// The trigger lexicon indexed by every inflected form of each trigger's first word (its verb).
struct TriggerIndex: Sendable {
    struct Entry: Sendable {
        var trigger: Lexicon.Trigger
        /// The form matched is the bare lemma ("visit"), which may be a noun ("a visit"), not a verb.
        var isBareLemma: Bool
        var isParticiple: Bool
        /// The form matched is a past tense or participle ("visited", "met").
        var isPast: Bool
        /// The trigger is a nominalisation ("arrest of", "talks with"): its first word is a noun.
        var isNoun: Bool
        /// For each later word of the phrase, the vocabulary numbers of the forms it may take (plurals,
        /// inflections).
        var laterForms: [[Int]]
    }

    /// Vocabulary number of a form → the triggers whose first word takes that form.
    var byForm: [[Entry]] = []

    /// Reporting verbs mark attribution (modality `reported`), they are not events of their own.
    static let reportingLemmas: Set<String> = ["say", "tell", "add", "note", "quote", "report", "state", "comment"]

    /// Indexes the lexicon's triggers; their forms are added to `vocabulary`, by which tokens are then matched.
    init(lexicon: Lexicon, vocabulary: inout Vocabulary) {
        var byForm: [Int: [Entry]] = [:]
        for trigger in lexicon.triggers {
            guard let lemma = trigger.words.first, !Self.reportingLemmas.contains(lemma) || trigger.words.count > 1
            else { continue }
            let forms = trigger.isNoun ? Self.nounForms(of: lemma) : Inflection.forms(of: lemma)
            var laterForms = trigger.words.dropFirst().map { word in
                Set(([word, word + "s", word + "es"] + Inflection.forms(of: word)).map { vocabulary.add($0) }).sorted()
            }
            // A one-word nominalisation needs its preposition ("arrest of", "talks with"): alone the noun
            // ("the talks", "an arrest") too often names no event between parties.
            if trigger.isNoun, trigger.words.count == 1, let preposition = trigger.targetPreposition {
                laterForms.append([vocabulary.add(preposition)])
            }
            for (position, form) in forms.enumerated() {
                byForm[vocabulary.add(form), default: []].append(
                    Entry(
                        trigger: trigger,
                        isBareLemma: !trigger.isNoun && position == 0,
                        isParticiple: !trigger.isNoun && (position >= 2 && form.hasSuffix("ed") || position == 3),
                        isPast: !trigger.isNoun && (position == 2 || position == 3),
                        isNoun: trigger.isNoun,
                        laterForms: laterForms
                    )
                )
            }
        }
        self.byForm = Array(repeating: [], count: vocabulary.count)
        for (form, entries) in byForm { self.byForm[form] = entries }
    }

    /// The singular and plural of a noun: "arrest" → arrest, arrests; "policy" → policies; "crash" → crashes.
    static func nounForms(of noun: String) -> [String] {
        var forms = [noun, noun + "s"]
        if noun.hasSuffix("s") || noun.hasSuffix("sh") || noun.hasSuffix("ch") || noun.hasSuffix("x") {
            forms.append(noun + "es")
        }
        if noun.hasSuffix("y"), let before = noun.dropLast().last, !"aeiou".contains(before) {
            forms.append(noun.dropLast() + "ies")
        }
        return forms
    }

    /// Whether some trigger's first word takes the form numbered `form`.
    func startsTrigger(_ form: Int) -> Bool {
        form >= 0 && form < byForm.count && !byForm[form].isEmpty
    }

    /// The best trigger starting at token `start`: the one matching most words (later words may be separated
    /// by up to three tokens: "signed a fresh agreement", "lifting a longstanding arms embargo"). The tokens
    /// carry their numbers in the vocabulary the index was built with. `accepts` tells whether an entry's form,
    /// a noun's or a verb's (its bare lemma or another), may be what it stands for where it is: "the arrest" is
    /// not a verb, "to deal with" not a noun.
    func match(
        _ tokens: [Token],
        at start: Int,
        accepts: (_ isNoun: Bool, _ isBareLemma: Bool) -> Bool
    ) -> (entry: Entry, end: Int)? {
        let form = tokens[start].number
        guard form >= 0, form < byForm.count, !byForm[form].isEmpty else { return nil }
        let candidates = byForm[form]
        // Entries are read in place and only the best is copied: a copy retains the trigger's strings.
        var best: (index: Int, end: Int, words: Int)?
        for index in candidates.indices {
            guard accepts(candidates[index].isNoun, candidates[index].isBareLemma) else { continue }
            var position = start + 1
            var matched = true
            for later in candidates[index].laterForms.indices {
                var found = false
                var gap = 0
                while position < tokens.count, gap <= 3,
                    tokens[position].kind != .punctuation || tokens[position].is(.hyphen)
                {
                    let number = tokens[position].number
                    position += 1
                    if number >= 0, candidates[index].laterForms[later].contains(number) {
                        found = true
                        break
                    }
                    gap += 1
                }
                if !found {
                    matched = false
                    break
                }
            }
            guard matched else { continue }
            let words = candidates[index].laterForms.count + 1
            if best == nil || words > best!.words { best = (index, position, words) }
        }
        return best.map { (candidates[$0.index], $0.end) }
    }
}
