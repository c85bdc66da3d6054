/// The dateline that opens a wire story: the place in capitals, perhaps its state or country, the day and the
/// agency, then a dash or a colon ("BERLIN —", "LONDON (Reuters) -", "ERIE, Pa. —", "NEW YORK (AP) —", "ERIMO,
/// Japan, Oct 19 (Reuters) -"), perhaps after a byline on a line of its own ("By Jane Doe"). It says where the
/// story was filed; its words are no party to the events of the first sentence.
struct WireDateline: Hashable {
    /// The place as written in capitals ("NEW YORK").
    var place: String
    /// Where the text after the dateline (and the spaces after its dash) begins.
    var end: String.Index

    /// The dateline at the start of `text`, if it has one. Reads at most the first 80 characters.
    init?(_ whole: String) {
        self.init(whole[...])
    }

    /// The dateline at the start of `text` (a whole text or one of its sentences); `end` is an index of the
    /// string `text` is a slice of. Reads at most 80 characters after a byline.
    init?(_ whole: Substring) {
        if Self.opensWithoutPlace(whole.utf8) { return nil }
        // A dateline is short: only the head of the text is read, however long its first line.
        var text = whole.prefix(80)
        // "By Jane Doe" on a line of its own: the byline, then the dateline.
        if text.hasPrefix("By "), let lineEnd = text.firstIndex(of: "\n"),
            text[text.index(text.startIndex, offsetBy: 3)..<lineEnd].split(separator: " ").allSatisfy({
                $0.first?.isUppercase == true || $0 == "and"
            })
        {
            text = whole[whole.index(after: lineEnd)...].prefix(80)
        }
        var cursor = text.startIndex
        func skipSpaces() {
            while cursor < text.endIndex, text[cursor] == " " || text[cursor] == "\t" {
                cursor = text.index(after: cursor)
            }
        }
        func word() -> Substring? {
            let start = cursor
            while cursor < text.endIndex, !text[cursor].isWhitespace, !",()—–:".contains(text[cursor]) {
                cursor = text.index(after: cursor)
            }
            return start < cursor ? text[start..<cursor] : nil
        }
        skipSpaces()
        // The place: one to four words in capitals, the first of at least two letters.
        var words: [Substring] = []
        while words.count < 4 {
            let start = cursor
            guard let next = word(), next.contains(where: \.isLetter),
                next.allSatisfy({ $0.isUppercase || $0 == "." || $0 == "-" || $0 == "'" })
            else {
                cursor = start
                break
            }
            words.append(next)
            let afterWord = cursor
            skipSpaces()
            if cursor < text.endIndex, text[cursor].isUppercase { continue }
            cursor = afterWord
            break
        }
        guard let first = words.first, first.filter(\.isLetter).count >= 2, !(words.count == 1 && first == "-")
        else { return nil }
        skipSpaces()
        // ", Pa.", ", Germany", ", Calif.": a state or country after a comma, one or two words; then perhaps the
        // day (", Oct 19").
        for _ in 0..<2 where cursor < text.endIndex && text[cursor] == "," {
            cursor = text.index(after: cursor)
            skipSpaces()
            for _ in 0..<2 {
                let start = cursor
                guard let next = word(), next.first.map({ $0.isUppercase || $0.isNumber }) == true else {
                    cursor = start
                    break
                }
                skipSpaces()
            }
        }
        // "(Reuters)", "(AP)".
        if cursor < text.endIndex, text[cursor] == "(" {
            guard let close = text[cursor...].prefix(30).firstIndex(of: ")") else { return nil }
            cursor = text.index(after: close)
            skipSpaces()
        }
        guard cursor < text.endIndex, "—–-:".contains(text[cursor]) else { return nil }
        while cursor < text.endIndex, "—–-:".contains(text[cursor]) { cursor = text.index(after: cursor) }
        guard cursor < text.endIndex, text[cursor] == " " else { return nil }
        skipSpaces()
        guard cursor < text.endIndex else { return nil }
        place = words.joined(separator: " ")
        end = cursor
    }

    /// Whether `text` opens, after spaces, with what cannot start a place in capitals nor a byline: an ASCII
    /// character that is no capital letter, period, hyphen or apostrophe, or a capital followed by a small
    /// letter ("The", "Police"). Most sentences are answered here, from their first bytes.
    static func opensWithoutPlace(_ text: Substring.UTF8View) -> Bool {
        var bytes = text.makeIterator()
        var first = bytes.next()
        if first == UInt8(ascii: "B") {
            let second = bytes.next()
            // "By Jane Doe": a byline may come first.
            if second == UInt8(ascii: "y"), bytes.next() == UInt8(ascii: " ") { return false }
            return second.map { $0 &- 0x61 < 26 } ?? false
        }
        while first == 0x20 || first == 0x09 { first = bytes.next() }
        guard let first, first < 0x80 else { return false }
        guard first &- 0x41 < 26 else {
            return first != UInt8(ascii: ".") && first != UInt8(ascii: "-") && first != UInt8(ascii: "'")
        }
        return bytes.next().map { $0 &- 0x61 < 26 } ?? false
    }
}
