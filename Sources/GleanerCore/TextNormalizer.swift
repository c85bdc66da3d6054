import Foundation

/// Normalises article text for comparison, so that copies that differ only in typography compare equal.
///
/// Rules, in order: Unicode NFKC (full-width letters, ligatures, compatibility forms); lower case; every
/// character that is not a letter or a digit (punctuation, symbols, white space of any kind) becomes a single
/// space; runs of spaces collapse; leading and trailing spaces go.
public enum TextNormalizer {
    /// Bumped whenever the rules change, because stored hashes depend on them.
    public static let version = 1

    /// The normalised form of `text`.
    public static func normalize(_ text: String) -> String {
        let folded = text.precomposedStringWithCompatibilityMapping.lowercased()
        var scalars = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in folded.unicodeScalars {
            let properties = scalar.properties
            if properties.isAlphabetic || properties.numericType != nil {
                if pendingSpace, !scalars.isEmpty { scalars.append(" ") }
                pendingSpace = false
                scalars.append(scalar)
            } else if properties.generalCategory == .nonspacingMark || properties.generalCategory == .spacingMark {
                if !pendingSpace { scalars.append(scalar) }
            } else {
                pendingSpace = true
            }
        }
        return String(scalars)
    }
}
