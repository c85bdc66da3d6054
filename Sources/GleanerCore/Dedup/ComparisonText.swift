/// The words two articles are compared on for near-duplicate detection.
///
/// Rules: boilerplate lines removed (``BoilerplateRules``), then ``TextNormalizer`` (NFKC, case, punctuation
/// and white space folded), then every run of digits folded to `0` (so "1,100 km" and "1100km" compare alike
/// and changed figures weigh less).
public enum ComparisonText {
    /// Bumped whenever these rules or ``BoilerplateRules`` change: stored signatures depend on them.
    public static let version = 1

    /// The stable hash of each comparison word of an article, in order: what shingles are built from. Equal to
    /// `words(title:text:).map { StableHash.hash($0.utf8) }`, about ten times faster.
    public static func wordHashes(title: String?, text: String) -> [UInt64] {
        TextNormalizer.comparisonWordHashes(
            of: BoilerplateRules.strip(TextArticleReader.normalizedLines(text), title: title)
        )
    }

    /// The comparison words of an article (the definition ``wordHashes(title:text:)`` follows).
    public static func words(title: String?, text: String) -> [Substring] {
        let lines = BoilerplateRules.strip(TextArticleReader.normalizedLines(text), title: title)
        let normalized = TextNormalizer.normalize(lines.joined(separator: "\n"))
        // Split on the UTF-8 space byte: the normalised text has single ASCII spaces between words, and
        // byte-level splitting avoids grapheme breaking (about twice as fast as splitting Characters).
        let folded = foldingDigits(normalized)
        return folded.utf8.split(separator: 0x20).map { Substring($0) }
    }

    /// `normalized` with each run of ASCII digits replaced by one `0`.
    static func foldingDigits(_ normalized: String) -> String {
        var output: [UInt8] = []
        var inDigits = false
        for byte in normalized.utf8 {
            if byte >= 0x30 && byte <= 0x39 {
                if !inDigits { output.append(0x30) }
                inDigits = true
            } else {
                output.append(byte)
                inDigits = false
            }
        }
        return String(decoding: output, as: UTF8.self)
    }
}
