import Foundation

/// How common each story term is in ordinary English, as a prior for its document frequency.
///
/// The stored document frequencies say little while a database holds few articles: every word of the first
/// articles is rare, so articles that share only the words of their kind of news ("quarter", "dividend",
/// "missile") look alike, and the same articles group otherwise once thousands are stored. The matcher
/// therefore counts ``documents`` ordinary articles as if already stored, each word in the share of them that
/// its frequency in English predicts (``share(of:)``), and the stored counts take over as articles arrive:
/// the incremental IDF with a background corpus of the topic detection and tracking systems (Allan et al.
/// 1998; Yang et al. 1998). The frequencies are wordfreq's (CC BY-SA 4.0), generated into
/// `GeneratedWordFrequencies.swift` by `scripts/lexicon/generate-word-frequencies.py`.
public enum StoryBackground {
    /// How many ordinary articles the background stands for: it weighs as much as that many stored articles.
    public static let documents = 3_000
    /// How many words an ordinary article is taken to have, to turn a word's frequency into the share of
    /// articles that contain it.
    static let wordsPerArticle = 400.0

    /// The share of ordinary articles that contain `term` (a story term: lower-cased, plural folded), 0 for a
    /// term rarer than one in a million words.
    public static func share(of term: String) -> Double {
        shares[term] ?? 0
    }

    /// Term → share, from the generated table: a word that occurs `f` times per word is in `1 − e^(−f·n)` of
    /// articles of `n` words; the words one term folds ("missile", "missiles") are in `1 − Π(1 − pᵢ)`.
    static let shares: [String: Double] = parse(GeneratedWordFrequencies.text)

    static func parse(_ text: String) -> [String: Double] {
        var shares: [String: Double] = [:]
        shares.reserveCapacity(30_000)
        for line in text.utf8.split(separator: UInt8(ascii: "\n")) {
            guard let tab = line.firstIndex(of: UInt8(ascii: "\t")),
                let zipf = Double(String(decoding: line[line.index(after: tab)...], as: UTF8.self))
            else { continue }
            let term = String(decoding: StoryTerms.stem(Array(line[..<tab])), as: UTF8.self)
            let share = 1 - exp(-pow(10, zipf - 9) * wordsPerArticle)
            shares[term] = 1 - (1 - (shares[term] ?? 0)) * (1 - share)
        }
        return shares
    }
}
