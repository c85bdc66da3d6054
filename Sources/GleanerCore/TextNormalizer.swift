import Foundation

/// Normalises article text for comparison, so that copies that differ only in typography compare equal.
///
/// Rules, in order: Unicode NFKC (full-width letters, ligatures, compatibility forms); lower case; every
/// character that is not a letter or a digit (punctuation, symbols, white space of any kind) becomes a single
/// space; runs of spaces collapse; leading and trailing spaces go. Combining marks stay with their letter.
public enum TextNormalizer {
    /// Bumped whenever the rules change, because stored hashes depend on them.
    public static let version = 1

    /// The normalised form of `text`.
    ///
    /// Fast path: the text is cut into tokens at ASCII characters that are neither letters nor digits (none
    /// of them composes with what follows under NFKC in a way that yields a letter or digit). A token of ASCII
    /// letters and digits is lower-cased byte by byte; only tokens holding non-ASCII bytes go through NFKC and
    /// Unicode property lookups. The result equals ``referenceNormalize(_:)`` on the whole text.
    public static func normalize(_ text: String) -> String {
        var output: [UInt8] = []
        var needsSpace = false
        var copy = text
        copy.withUTF8 { bytes in
            output.reserveCapacity(bytes.count)
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte < 0x80, !isASCIILetterOrDigit(byte) {
                    needsSpace = true
                    index += 1
                    continue
                }
                // A token: ASCII letters and digits, and any non-ASCII bytes.
                var end = index
                var ascii = true
                while end < bytes.count, bytes[end] >= 0x80 || isASCIILetterOrDigit(bytes[end]) {
                    if bytes[end] >= 0x80 { ascii = false }
                    end += 1
                }
                if ascii {
                    if needsSpace, !output.isEmpty { output.append(0x20) }
                    needsSpace = false
                    for position in index..<end {
                        let value = bytes[position]
                        output.append(value &- 0x41 < 26 ? value | 0x20 : value)
                    }
                } else {
                    let token = String(decoding: UnsafeBufferPointer(rebasing: bytes[index..<end]), as: UTF8.self)
                    appendFolded(token, to: &output, needsSpace: &needsSpace)
                }
                index = end
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// The rules applied directly to the whole text: the definition ``normalize(_:)`` must match.
    static func referenceNormalize(_ text: String) -> String {
        var output: [UInt8] = []
        var needsSpace = false
        appendFolded(text, to: &output, needsSpace: &needsSpace)
        return String(decoding: output, as: UTF8.self)
    }

    /// NFKC, lower case, then letters/digits kept, marks attached, everything else a separator.
    static func appendFolded(_ text: String, to output: inout [UInt8], needsSpace: inout Bool) {
        let folded = text.precomposedStringWithCompatibilityMapping.lowercased()
        for scalar in folded.unicodeScalars {
            let properties = scalar.properties
            if properties.isAlphabetic || properties.numericType != nil {
                if needsSpace, !output.isEmpty { output.append(0x20) }
                needsSpace = false
                output.append(contentsOf: UTF8.encode(scalar)!)
            } else if properties.generalCategory == .nonspacingMark || properties.generalCategory == .spacingMark {
                if !needsSpace { output.append(contentsOf: UTF8.encode(scalar)!) }
            } else {
                needsSpace = true
            }
        }
    }
}
