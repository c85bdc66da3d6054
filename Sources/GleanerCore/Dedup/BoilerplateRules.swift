/// The lines that syndication adds around an article and that say nothing about it: teasers, navigation,
/// translation widgets, "read more" links. They are removed before near-duplicate comparison, so two copies
/// that differ only in such lines compare as the same text. All rules live here.
public enum BoilerplateRules {
    /// Whole lines (compared case-insensitively, trimmed, without trailing punctuation) that are boilerplate.
    static let exactLines: Set<String> = [
        "must read", "more from this section", "translate this news in", "read more", "also read", "related",
        "related articles", "related news", "recommended", "advertisement", "sponsored", "share this article",
        "share", "click here", "subscribe", "follow us", "trending", "top stories", "latest news", "read also",
        "you may also like", "editor's picks", "most read", "more stories", "watch", "listen", "comments",
    ]

    /// Line prefixes that mark a teaser link, such as `READ: "A coup against Putin is starting…"`.
    static let teaserPrefixes = ["read:", "also read:", "read more:", "see also:", "watch:", "related:", "read also:"]

    /// Teaser lines longer than this are not treated as boilerplate (they are likely real text).
    static let maximumTeaserLength = 240

    /// Whether `line` is boilerplate.
    public static func isBoilerplate(_ line: String) -> Bool {
        // Paragraphs are never teasers: decide by byte length before any character-level work.
        guard line.utf8.count <= maximumTeaserLength * 4 else { return false }
        if let ascii = line.utf8.withContiguousStorageIfAvailable(isASCIIBoilerplate), let decided = ascii {
            return decided
        }
        return isBoilerplateByCharacters(line)
    }

    /// The rule on Characters: the definition, and the path of lines holding non-ASCII text.
    static func isBoilerplateByCharacters(_ line: String) -> Bool {
        let trimmed = line.trimmingWhitespace().lowercased()
        guard !trimmed.isEmpty, trimmed.count <= maximumTeaserLength else { return false }
        var bare = Substring(trimmed)
        while let last = bare.last, last == ":" || last == "." || last == "…" || last == "»" || last == ">" {
            bare = bare.dropLast()
        }
        if exactLines.contains(String(bare).trimmingWhitespace()) { return true }
        return teaserPrefixes.contains { trimmed.hasPrefix($0) }
    }

    /// The same decision as ``isBoilerplate(_:)`` made on the bytes of an all-ASCII line, without building
    /// strings (nearly every line of an article); `nil` when the line holds a non-ASCII byte.
    static func isASCIIBoilerplate(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte &- 0x09 < 5 }
        func lower(_ byte: UInt8) -> UInt8 { byte &- 0x41 < 26 ? byte | 0x20 : byte }
        var start = 0
        var end = bytes.count
        while start < end, isSpace(bytes[start]) { start += 1 }
        while end > start, isSpace(bytes[end - 1]) { end -= 1 }
        guard start < end, end - start <= maximumTeaserLength else { return false }
        var bareEnd = end
        while bareEnd > start, [0x3A, 0x2E, 0x3E].contains(bytes[bareEnd - 1]) { bareEnd -= 1 }  // : . >
        while bareEnd > start, isSpace(bytes[bareEnd - 1]) { bareEnd -= 1 }
        if bareEnd - start <= longestExactLine {
            let bare = String(decoding: bytes[start..<bareEnd].map(lower), as: UTF8.self)
            if exactLines.contains(bare) { return true }
        }
        return teaserPrefixes.contains { prefix in
            prefix.utf8.count <= end - start && zip(prefix.utf8, bytes[start...]).allSatisfy { $0 == lower($1) }
        }
    }

    static let longestExactLine = exactLines.map(\.utf8.count).max() ?? 0

    /// Lines after a trailing "Must Read" (or similar) marker are another story's teaser when they are short
    /// in total: the marker and what follows are dropped if what follows is under this many UTF-8 bytes.
    static let maximumTrailingTeaser = 600

    static let trailingMarkers: Set<String> = ["must read", "read more", "also read", "related", "more stories"]

    /// `lines` without boilerplate: teaser and navigation lines, a trailing "Must Read" block, and a first
    /// line that repeats the title.
    public static func strip(_ lines: [String], title: String?) -> [String] {
        var kept = lines
        // A short block after a trailing marker line is another story's teaser.
        if let marker = kept.lastIndex(where: { trailingMarkers.contains(normalizedMarker($0)) }) {
            let tail = kept[(marker + 1)...].reduce(0) { $0 + $1.utf8.count }
            if tail < maximumTrailingTeaser { kept.removeSubrange(marker...) }
        }
        kept.removeAll(where: isBoilerplate)
        // The headline repeated as the first body line.
        if let title, let first = kept.firstIndex(where: { !$0.allSatisfy(\.isWhitespace) }),
            TextNormalizer.normalize(kept[first]) == TextNormalizer.normalize(title)
        {
            kept.remove(at: first)
        }
        return kept
    }

    static func normalizedMarker(_ line: String) -> String {
        guard line.utf8.count <= 40 else { return "" }
        var bare = Substring(line.trimmingWhitespace().lowercased())
        while let last = bare.last, last == ":" || last == "." { bare = bare.dropLast() }
        return String(bare)
    }
}
