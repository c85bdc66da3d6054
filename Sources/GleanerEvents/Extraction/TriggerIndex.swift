/// The trigger lexicon indexed by every inflected form of each trigger's first word (its verb).
struct TriggerIndex: Sendable {
    struct Entry: Sendable {
        var trigger: Lexicon.Trigger
        /// The form matched is the bare lemma ("visit"), which may be a noun ("a visit"), not a verb.
        var isBareLemma: Bool
        var isParticiple: Bool
        /// The form matched is a past tense or participle ("visited", "met").
        var isPast: Bool
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
            let forms = Inflection.forms(of: lemma)
            let laterForms = trigger.words.dropFirst().map { word in
                Set(([word, word + "s", word + "es"] + Inflection.forms(of: word)).map { vocabulary.add($0) }).sorted()
            }
            for (position, form) in forms.enumerated() {
                byForm[vocabulary.add(form), default: []].append(
                    Entry(
                        trigger: trigger,
                        isBareLemma: position == 0,
                        isParticiple: position >= 2 && form.hasSuffix("ed") || position == 3,
                        isPast: position == 2 || position == 3,
                        laterForms: laterForms
                    )
                )
            }
        }
        self.byForm = Array(repeating: [], count: vocabulary.count)
        for (form, entries) in byForm { self.byForm[form] = entries }
    }

    /// The best trigger starting at token `start`: the one matching most words (later words may be separated
    /// by up to three tokens: "signed a fresh agreement", "lifting a longstanding arms embargo"). The tokens
    /// carry their numbers in the vocabulary the index was built with.
    func match(_ tokens: [Token], at start: Int) -> (entry: Entry, end: Int)? {
        let form = tokens[start].number
        guard form >= 0, form < byForm.count, !byForm[form].isEmpty else { return nil }
        let candidates = byForm[form]
        // Entries are read in place and only the best is copied: a copy retains the trigger's strings.
        var best: (index: Int, end: Int, words: Int)?
        for index in candidates.indices {
            var position = start + 1
            var matched = true
            for later in candidates[index].laterForms.indices {
                var found = false
                var gap = 0
                while position < tokens.count, gap <= 3,
                    tokens[position].kind != .punctuation || tokens[position].lower == "-"
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
            let words = candidates[index].trigger.words.count
            if best == nil || words > best!.words { best = (index, position, words) }
        }
        return best.map { (candidates[$0.index], $0.end) }
    }
}
