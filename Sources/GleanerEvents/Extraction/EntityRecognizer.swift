#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Names that no lexicon lists, recognised from their capitals and their context, and remembered for the rest
/// of the article.
///
/// A name is a run of capitalised words ("Mondelez International"), which "of", "for", "and" or "&" may join
/// when it names an organisation or a place ("Bank of England", "Food and Drug Administration"), and particles
/// may join in a personal name ("Ursula von der Leyen"). Its type comes from, in order: an earlier mention of
/// the same name, surname or acronym in the article; a plural noun after it (a group: "Houthi rebels"); a place
/// noun after it ("the Donbas region"); a cue word inside it (organisation: Inc, Ministry, University, FC …;
/// place: County, Province …); an acronym in parentheses after it (an organisation); a first name, a noun for a
/// person before it ("coach", "director"), ", who" or an age after it (a person); an apposition ("X, the maker
/// of …"); a preposition of place before it ("in", "near"). A word that starts the sentence is a name only when
/// the article is known to write it capitalised inside a sentence, when it is a first name, or when it is an
/// acronym. A sentence written in title case (a headline) names nothing this way.
struct EntityRecognizer {
    /// What the article has established about a name.
    struct Entity {
        var name: String
        var kind: Mention.Kind
        var country: String?
        var role: String?
    }

    let index: EntityIndex
    let vocabulary: Vocabulary
    /// The article's text, to tell whether it writes a word capitalised inside a sentence.
    let articleText: String?
    /// Lower-cased full names, surnames and acronyms of the entities recognised so far.
    var known: [String: Entity] = [:]
    /// Lower-cased words the article writes capitalised after a lower-case word; read on first need.
    private var capitalisedInside: WordSet?
    /// The words the article writes in lower case; read on first need.
    private var writtenInLowerCase: Set<String>?
    /// The end of a run of capitalised words the current sentence opens with and that names nothing
    /// ("Star Wars: …"): its later words are not names either. Reset for each sentence.
    var rejectedUntil = 0

    init(index: EntityIndex, vocabulary: Vocabulary, articleText: String?) {
        self.index = index
        self.vocabulary = vocabulary
        self.articleText = articleText
    }

    /// Whether the sentence is written in title case or capitals (a headline): at least four words, and no
    /// word in lower case but short function words ("of", "the", "to").
    /// The tokens carry their numbers in `vocabulary`, which holds `titleCaseLowerWords` as a class.
    static func isHeadline(_ tokens: [Token], vocabulary: Vocabulary) -> Bool {
        var words = 0
        for token in tokens where token.kind == .word {
            words += 1
            if !token.isCapitalized, !vocabulary.classes(of: token.number).contains(.titleCaseLowerWord) {
                return false
            }
        }
        return words >= 4
    }

    /// A name starting at `start` that no lexicon entry covers, typed by its context, or nil.
    mutating func entity(in tokens: [Token], at start: Int) -> Mention? {
        guard start >= rejectedUntil, isNameWord(tokens, start), index.longestMatch(tokens, at: start) == nil else {
            return nil
        }
        var end = start
        var firstJoin: Int?
        var hasOrganisationCue = false
        var hasPlaceCue = false
        while end < tokens.count, end - start < 8 {
            if isNameWord(tokens, end) {
                // A role or title inside the run starts a person the lexicon reads ("Apple CEO Tim Cook").
                if end > start, let (entries, _) = index.longestMatch(tokens, at: end), entries.firstRole != nil {
                    break
                }
                let classes = vocabulary.classes(of: tokens[end].bareNumber)
                // "of Equifax Richard Smith": a first name after another name starts a name of its own.
                if end > start, classes.contains(.firstName), !hasOrganisationCue,
                    !vocabulary.classes(of: tokens[end - 1].number).contains(.firstName)
                {
                    break
                }
                if classes.contains(.organisationCue) { hasOrganisationCue = true }
                if classes.contains(.placeCue) { hasPlaceCue = true }
                end += 1
                // A possessive ends the name, but for "People's" before a cue ("Supreme People's Court").
                if tokens[end - 1].isPossessive,
                    end >= tokens.count || !isNameWord(tokens, end)
                        || !vocabulary.classes(of: tokens[end].bareNumber).contains(.organisationCue)
                            && !(end + 1 < tokens.count && isNameWord(tokens, end + 1)
                                && vocabulary.classes(of: tokens[end + 1].bareNumber).contains(.organisationCue))
                {
                    break
                }
                continue
            }
            guard end > start, end + 1 < tokens.count, isNameWord(tokens, end + 1) else { break }
            let word = tokens[end]
            if word.is(.of) || word.is(.for) || word.is(.and) || word.is(.ampersand) {
                if firstJoin == nil { firstJoin = end }
                end += 1
            } else if vocabulary.classes(of: word.number).contains(.nameParticle), word.startsLowerCase {
                end += 1
            } else {
                break
            }
        }
        // "Clinton and Trump": joined words belong together only in an organisation's or a place's name.
        if let join = firstJoin, !hasOrganisationCue, !hasPlaceCue { end = join }
        // Without a cue, a word that is never part of a name ends the span ("Cold War", "Foreign").
        if !hasOrganisationCue, !hasPlaceCue,
            let stop = (start..<end).first(where: {
                vocabulary.classes(of: tokens[$0].bareNumber).contains(.notName)
                    || vocabulary.classes(of: tokens[$0].bareNumber).contains(.notEntity)
            })
        {
            end = stop
        }
        guard end > start else { return nil }
        if vocabulary.classes(of: tokens[end - 1].bareNumber).contains(.eventCue) { return nil }
        let length = (start..<end).count { tokens[$0].kind == .word }
        let acronym = length == 1 && isAcronym(tokens[start])
        if length == 1, !acronym, vocabulary.classes(of: tokens[start].bareNumber).contains(.notEntity) { return nil }
        // A cue word alone ("Police", "Parliament") names no one in particular.
        if length == 1, hasOrganisationCue || hasPlaceCue { return nil }
        let startsSentence = isSentenceStart(tokens, start)
        let firstClasses = vocabulary.classes(of: tokens[start].bareNumber)
        if startsSentence, !acronym, !isDateline(tokens, start..<end), known[tokens[start].bare] == nil,
            !isWrittenCapitalisedInside(tokens[start].bare)
        {
            // "Officials said", "Unknown gunmen fled": a capitalised opener is no name on its own.
            if length == 1 {
                return nil
            } else if start + 1 < tokens.count, !isNameWord(tokens, start + 1) {
                // "Fans of Dunmore United": the opener is not part of the name after it.
                return nil
            } else if !firstClasses.contains(.firstName), !hasOrganisationCue, !hasPlaceCue {
                // "Investor Warren Buffett": a noun for a person before the name.
                if !Self.personNouns.contains(tokens[start].lower) { rejectedUntil = end }
                return nil
            }
        }
        // A word in capitals that the article also writes in lower or title case is emphasis ("A SMALL
        // number", "ERIE, Pa."), and a single word of fewer than three letters is no name.
        if length == 1, acronym, tokens[start].text.utf8.count >= 4, isWrittenOtherwise(tokens[start]) { return nil }
        // Longer words in capitals are emphasis ("CLOSE", "SMALL") unless the article defined them.
        if length == 1, acronym, tokens[start].text.utf8.count >= 5, known[tokens[start].bare] == nil,
            !tokens[start].text.contains(".")
        {
            return nil
        }
        if length == 1, !acronym, tokens[start].text.utf8.count < 3 { return nil }
        // "Leonean refugees", "Kurdish fighters": an adjective of a people before its noun, not a name.
        if length == 1, !acronym, end < tokens.count, tokens[end].kind == .word, !tokens[end].isCapitalized,
            !vocabulary.classes(of: tokens[end].number).contains(.groupMember),
            Self.peopleAdjectiveEndings.contains(where: { tokens[start].lowerEnds(with: $0) })
        {
            return nil
        }
        return typed(tokens, start..<end, acronym: acronym, organisation: hasOrganisationCue, place: hasPlaceCue)
    }

    /// The span `range` as a mention: its type from memory and context, remembered for later sentences.
    mutating func typed(
        _ tokens: [Token],
        _ range: Range<Int>,
        acronym: Bool,
        organisation: Bool,
        place: Bool
    ) -> Mention? {
        var end = range.upperBound
        let name = Self.name(tokens, range)
        let key = name.lowercasedFromBytes
        let text = { (end: Int) in Self.text(tokens, range.lowerBound..<end) }
        if let entity = known[key] {
            return Mention(
                tokens: range,
                kind: entity.kind,
                text: text(end),
                name: entity.name,
                country: entity.country,
                role: entity.role,
                place: entity.kind == .place ? EventLocation(name: entity.name, country: entity.country) : nil
            )
        }
        let next = end < tokens.count ? tokens[end] : nil
        let nextIsLower = next.map { $0.kind == .word && !$0.isCapitalized } ?? false
        var kind = Mention.Kind.name
        var fullName = name
        var country: String?
        var before = range.lowerBound - 1
        if before >= 0, tokens[before].is(.the) { before -= 1 }
        let previous = before >= 0 ? tokens[before].lower : ""
        if isDateline(tokens, range) {
            // "LAS VEGAS — A gunman …": a dateline in capitals is where the story was filed.
            kind = .place
        } else if nextIsLower, !organisation, let next, Self.residentNouns.contains(next.lower) {
            // "An Ohio man", "a Kelvadon resident": where the person is from.
            kind = .place
        } else if end + 1 < tokens.count, tokens[end].is(.comma), !organisation, !tokens[end + 1].isPossessive,
            !vocabulary.classes(of: tokens[range.lowerBound].number).contains(.firstName),
            let (entries, length) = index.longestMatch(tokens, at: end + 1),
            entries.firstPlace != nil || entries.firstCountry != nil,
            end + 1 + length == tokens.count || tokens[end + 1 + length].kind == .punctuation
        {
            // "Erie, Pennsylvania", "Sittwe, Myanmar", "Erie, Pa.": a town before its region or country, which the
            // mention takes in.
            kind = .place
            country = entries.firstPlace?.country ?? entries.firstCountry
            end += 1 + length
        } else if nextIsLower, !organisation, let next, Self.groupMembers.contains(next.lower) {
            kind = .group
            fullName = "\(name) \(next.lower)"
            end += 1
        } else if nextIsLower, !organisation, let next, vocabulary.classes(of: next.number).contains(.placeCue) {
            kind = .place
            end += 1
        } else if organisation || place {
            kind = organisation ? .organisation : .place
        } else if let definition = parenthesisedAcronym(tokens, after: end) {
            kind = .organisation
            known[definition.lowercasedFromBytes] = Entity(name: fullName, kind: kind)
            end += 3
        } else if Self.organisationNouns.contains(previous), !isPerson(tokens, range) {
            // "credit monitoring company Equifax", "the carmaker Volkswagen"
            kind = .organisation
        } else if isPerson(tokens, range) {
            kind = .person
        } else if let noun = appositionNoun(tokens, after: end) {
            if Self.organisationNouns.contains(noun) { kind = .organisation }
            if Self.personNouns.contains(noun) { kind = .person }
        } else if previous == "of", before >= 1, vocabulary.classes(of: tokens[before - 1].number).contains(.placeCue) {
            // "the town of Samarra", "the province of Kelvadon"
            kind = .place
        } else if Self.placePrepositions.contains(previous),
            before < 1 || !Self.holdingNouns.contains(tokens[before - 1].lower)
        {
            kind = .place
        } else if acronym {
            kind = .organisation
        }
        if kind == .organisation, range.count > 1 {
            if let definition = parenthesisedAcronym(tokens, after: end) {
                known[definition.lowercasedFromBytes] = Entity(name: fullName, kind: kind)
                end += 3
            }
            if let initials = Self.initials(tokens, range) { known[initials] = Entity(name: fullName, kind: kind) }
        }
        let entity = Entity(name: fullName, kind: kind)
        if kind != .name { known[key] = entity }
        if kind == .person, range.count > 1 {
            known[tokens[range.upperBound - 1].bare] = entity
        }
        return Mention(
            tokens: range.lowerBound..<end,
            kind: kind,
            text: text(end),
            name: fullName,
            country: country,
            place: kind == .place ? EventLocation(name: fullName, country: country) : nil
        )
    }

    /// A first name, a noun for a person before the name ("coach", "director"), or ", who" or an age after it.
    func isPerson(_ tokens: [Token], _ range: Range<Int>) -> Bool {
        let count = range.count
        if count >= 2, count <= 4, vocabulary.classes(of: tokens[range.lowerBound].number).contains(.firstName) {
            return true
        }
        if range.lowerBound > 0, Self.personNouns.contains(tokens[range.lowerBound - 1].lower) { return true }
        let end = range.upperBound
        if end + 1 < tokens.count, tokens[end].is(.comma) {
            if tokens[end + 1].is(.who) { return true }
            if tokens[end + 1].kind == .number, end + 2 < tokens.count, tokens[end + 2].is(.comma),
                let age = Int(tokens[end + 1].text), (14...110).contains(age)
            {
                return true
            }
        }
        return false
    }

    /// The head noun of ", the … noun" or ", a … noun" after `end` (at most two words between), lower-cased.
    func appositionNoun(_ tokens: [Token], after end: Int) -> String? {
        guard end + 2 < tokens.count, tokens[end].is(.comma),
            tokens[end + 1].is(.the) || tokens[end + 1].is(.a) || tokens[end + 1].is(.an)
        else { return nil }
        var position = end + 2
        while position < tokens.count, position < end + 5, tokens[position].kind == .word {
            let word = tokens[position].lower
            if Self.organisationNouns.contains(word) || Self.personNouns.contains(word) { return word }
            position += 1
        }
        return nil
    }

    /// "(APEC)" right after the name: the acronym as written.
    func parenthesisedAcronym(_ tokens: [Token], after end: Int) -> String? {
        guard end + 2 < tokens.count, tokens[end].is(.openingParenthesis), tokens[end + 2].is(.closingParenthesis),
            isAcronym(tokens[end + 1])
        else { return nil }
        return String(tokens[end + 1].text)
    }

    /// The capitals of the name's words, when there are two or more ("Federal Bureau of Investigation" → fbi).
    static func initials(_ tokens: [Token], _ range: Range<Int>) -> String? {
        var initials = ""
        for token in tokens[range] where token.kind == .word && token.isCapitalized {
            guard let first = token.text.first else { continue }
            initials.append(first)
        }
        return initials.count >= 2 ? initials.lowercasedFromBytes : nil
    }

    /// A capitalised word that may be part of a name.
    func isNameWord(_ tokens: [Token], _ position: Int) -> Bool {
        let token = tokens[position]
        return token.kind == .word && token.isCapitalized
            && !vocabulary.classes(of: token.number).contains(.spanStop)
            && !vocabulary.classes(of: token.bareNumber).contains(.spanStop)
    }

    /// "LAS VEGAS —", "KELVADON,": the sentence opens with a name in capitals (of two words, or of five letters
    /// or more) before a dash or a comma.
    func isDateline(_ tokens: [Token], _ range: Range<Int>) -> Bool {
        range.lowerBound == 0 && range.upperBound < tokens.count
            && ["—", "–", "-", ","].contains(tokens[range.upperBound].lower)
            && tokens[range].allSatisfy({ $0.kind != .word || Self.isInCapitals($0) })
            && (range.count > 1 || tokens[range.lowerBound].text.utf8.count >= 5)
    }

    /// Whether the word has no lower-case ASCII letter.
    static func isInCapitals(_ token: Token) -> Bool {
        !token.text.utf8.contains { $0 &- 0x61 < 26 }
    }

    /// Two to six letters, all capitals ("APEC", "FBI", "U.N."), and no common abbreviation.
    func isAcronym(_ token: Token) -> Bool {
        var letters = 0
        var afterDigit = false
        for byte in token.text.utf8 {
            if byte &- 0x41 < 26 {
                // "H5N1" is a code, "G20" and "F1" are names.
                if afterDigit { return false }
                letters += 1
            } else if byte &- 0x30 < 10 {
                afterDigit = true
            } else if byte != 0x2E && byte != 0x26 {
                return false
            }
        }
        return (2...6).contains(letters) && !vocabulary.classes(of: token.bareNumber).contains(.notEntity)
    }

    /// Whether the word at `position` is written capitalised because it starts the sentence, a quotation or
    /// what follows a colon or a dash.
    func isSentenceStart(_ tokens: [Token], _ position: Int) -> Bool {
        position == 0
            || tokens[position - 1].kind == .punctuation
                && vocabulary.classes(of: tokens[position - 1].number).contains(.sentenceOpener)
    }

    /// Whether the article writes the word of `token` in lower case, or capitalised inside a sentence.
    mutating func isWrittenOtherwise(_ token: Token) -> Bool {
        if isWrittenCapitalisedInside(token.bare) { return true }
        if writtenInLowerCase == nil { writtenInLowerCase = articleText.map(Self.wordsInLowerCase) ?? [] }
        return writtenInLowerCase!.contains(token.bare)
    }

    /// The words that `text` writes in lower-case ASCII letters: one pass over the bytes.
    static func wordsInLowerCase(_ text: String) -> Set<String> {
        var found: Set<String> = []
        var text = text
        text.withUTF8 { bytes in
            var position = 0
            while position < bytes.count {
                guard bytes[position] &- 0x61 < 26, position == 0 || !isLetter(bytes[position - 1]) else {
                    position += 1
                    continue
                }
                var end = position + 1
                while end < bytes.count, bytes[end] &- 0x61 < 26 { end += 1 }
                if end == bytes.count || !isLetter(bytes[end]) {
                    found.insert(String(decoding: UnsafeBufferPointer(rebasing: bytes[position..<end]), as: UTF8.self))
                }
                position = end
            }
        }
        return found
    }

    static func isLetter(_ byte: UInt8) -> Bool {
        byte &- 0x61 < 26 || byte &- 0x41 < 26 || byte >= 0x80
    }

    /// Whether the article writes `word` (lower-cased) capitalised after a lower-case word or a comma: whether
    /// `wordsCapitalisedInside` of the text holds it. An ASCII word is looked for where the text writes its
    /// capital, without collecting the article's words (a sentence asks for one or two); any other word is
    /// looked up in those words, collected on first need.
    mutating func isWrittenCapitalisedInside(_ word: String) -> Bool {
        guard let articleText else { return false }
        if capitalisedInside == nil, let found = Self.isWrittenCapitalisedInside(ascii: word, in: articleText) {
            return found
        }
        if capitalisedInside == nil { capitalisedInside = Self.wordsCapitalisedInside(articleText) }
        return capitalisedInside!.contains(word)
    }

    /// Whether `wordsCapitalisedInside(text)` holds `word`, when `word` is ASCII (nil otherwise): found from the
    /// places where `text` writes the word's first letter as a capital. Such a word equals only words of the
    /// same bytes, whose first letter is its own.
    static func isWrittenCapitalisedInside(ascii word: String, in text: String) -> Bool? {
        var word = word
        var text = text
        return word.withUTF8 { word -> Bool? in
            guard word.allSatisfy({ $0 < 0x80 }) else { return nil }
            // Every word of the set opens with a lower-cased ASCII letter and has two letters or more.
            guard word.count >= 2, word[0] &- 0x61 < 26 else { return false }
            let capital = word[0] ^ 0x20
            return text.withUTF8 { bytes in
                var position = 2
                while position < bytes.count {
                    // The next capital, found by `memchr`, many bytes at a time.
                    guard let found = memchr(bytes.baseAddress! + position, Int32(capital), bytes.count - position)
                    else { return false }
                    position = bytes.baseAddress!.distance(to: found.assumingMemoryBound(to: UInt8.self))
                    guard followsLowerCaseWordOrComma(in: bytes, at: position) else {
                        position += 1
                        continue
                    }
                    let end = capitalisedWordEnd(in: bytes, from: position)
                    if end > position + 1, bytes[position + 1] &- 0x61 < 26,
                        isLowerCased(UnsafeBufferPointer(rebasing: bytes[position..<end]), equalTo: word)
                    {
                        return true
                    }
                    position = end
                }
                return false
            }
        }
    }

    /// Whether the byte at `position` (2 or more) comes after a lower-case ASCII letter or a comma and one
    /// space: where `wordsCapitalisedInside` reads a capitalised word as written inside a sentence.
    @inline(__always)
    private static func followsLowerCaseWordOrComma(in bytes: UnsafeBufferPointer<UInt8>, at position: Int) -> Bool {
        bytes[position - 1] == 0x20 && (bytes[position - 2] &- 0x61 < 26 || bytes[position - 2] == 0x2C)
    }

    /// The end of the word that `wordsCapitalisedInside` reads from the capital at `start`: letters, hyphens and
    /// non-ASCII bytes.
    @inline(__always)
    private static func capitalisedWordEnd(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var end = start + 1
        while end < bytes.count,
            bytes[end] &- 0x61 < 26 || bytes[end] &- 0x41 < 26 || bytes[end] == 0x2D || bytes[end] >= 0x80
        {
            end += 1
        }
        return end
    }

    /// Whether `written`, lower-cased as `wordsCapitalisedInside` lower-cases it, equals the ASCII word `word`.
    private static func isLowerCased(
        _ written: UnsafeBufferPointer<UInt8>,
        equalTo word: UnsafeBufferPointer<UInt8>
    ) -> Bool {
        guard written.allSatisfy({ $0 < 0x80 }) else {
            return String(decoding: written, as: UTF8.self).lowercased() == String(decoding: word, as: UTF8.self)
        }
        guard written.count == word.count else { return false }
        for offset in word.indices where CharacterReader.lowercased(written[offset]) != word[offset] { return false }
        return true
    }

    /// The lower-cased words that `text` writes with an ASCII capital after a lower-case ASCII letter or a
    /// comma and one space: one pass over the bytes.
    static func wordsCapitalisedInside(_ text: String) -> WordSet {
        var found = WordSet()
        var text = text
        text.withUTF8 { bytes in
            var position = 2
            while position < bytes.count {
                let byte = bytes[position]
                guard byte &- 0x41 < 26, followsLowerCaseWordOrComma(in: bytes, at: position) else {
                    position += 1
                    continue
                }
                let end = capitalisedWordEnd(in: bytes, from: position)
                // A word in capitals ("the CFPA") is not written in title case.
                if end > position + 1, bytes[position + 1] &- 0x61 < 26 {
                    let word = UnsafeBufferPointer(rebasing: bytes[position..<end])
                    if word.allSatisfy({ $0 < 0x80 }) {
                        // Lower-cased as `lowercased()` does ASCII, without making a `String`.
                        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: word.count) { lowered in
                            for offset in word.indices { lowered[offset] = CharacterReader.lowercased(word[offset]) }
                            found.insert(ascii: UnsafeBufferPointer(lowered))
                        }
                    } else {
                        found.insert(String(decoding: word, as: UTF8.self).lowercased())
                    }
                }
                position = end
            }
        }
        return found
    }

    /// Endings of an adjective of a people ("Leonean", "Kurdish").
    static let peopleAdjectiveEndings: [StaticString] = ["ian", "ean", "ese", "ish", "ic"]

    /// The words of the span as a name: single spaces, without a final possessive.
    static func name(_ tokens: [Token], _ range: Range<Int>) -> String {
        var name = ""
        for position in range {
            if !name.isEmpty { name.append(" ") }
            if position == range.upperBound - 1, tokens[position].isPossessive {
                name += Token.strippingPossessive(String(tokens[position].text))
            } else {
                name.append(contentsOf: tokens[position].text)
            }
        }
        return name
    }

    static func text(_ tokens: [Token], _ range: Range<Int>) -> String {
        Token.string(tokens, range)
    }
}

extension String {
    /// `lowercased()`, made byte by byte when the string is ASCII: A–Z are then the only characters it changes.
    var lowercasedFromBytes: String {
        let bytes = utf8
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return lowercased() }
        return CharacterReader.lowercasedString(bytes)
    }
}
