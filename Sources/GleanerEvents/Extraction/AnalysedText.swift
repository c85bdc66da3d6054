/// An article's text read once for everything that reads it sentence by sentence: the TIMEX3 tagger (once, or
/// twice when the publication date is inferred), the event extractor and the main event. It holds the sentences
/// (`SentenceSplitter`) with their UTF-8 offsets, each sentence as a `String` and as the date grammar's tokens,
/// and the wire dateline that opens the text. None of it depends on the publication date.
public struct AnalysedText: Sendable {
    /// The text analysed.
    public let text: String
    /// Its sentences, in order.
    public let sentences: [Sentence]
    /// The sentences the extractor reads: `sentences`, the first without the wire dateline that opens it
    /// (`EventExtractor.bodySentences`).
    let bodySentences: [Sentence]
    /// The UTF-8 offsets of each sentence of `sentences` in `text`.
    let offsets: [(start: Int, end: Int)]
    /// The text of each sentence of `sentences`; its date tokens' ranges are UTF-8 offsets in it.
    let sentenceTexts: [Substring]
    /// Each sentence of `sentences` as the date grammar reads it (`DateTokenizer`).
    let dateTokens: [[DateToken]]
    /// The wire dateline that opens the text ("BERLIN —"), if any.
    let dateline: WireDateline?

    /// Splits `text` into sentences and tokenises each one for the date grammar, in time linear in its length.
    public init(_ text: String) {
        self.text = text
        let sentences = SentenceSplitter.sentences(text)
        self.sentences = sentences
        dateline = WireDateline(text)
        bodySentences = EventExtractor.bodySentences(sentences, of: text, dateline: dateline)
        let offsets = sentences.map { $0.offsets(in: text) }
        self.offsets = offsets
        sentenceTexts = sentences.map(\.text)
        dateTokens = Self.dateTokens(of: text, at: offsets)
    }

    /// The date tokens of each sentence of `text` at UTF-8 offsets `offsets`, read from the text's own bytes.
    private static func dateTokens(of text: String, at offsets: [(start: Int, end: Int)]) -> [[DateToken]] {
        func tokenize(_ bytes: UnsafeBufferPointer<UInt8>) -> [[DateToken]] {
            offsets.map { DateTokenizer.tokenize(UnsafeBufferPointer(rebasing: bytes[$0.start..<$0.end])) }
        }
        if let tokens = text.utf8.withContiguousStorageIfAvailable(tokenize) { return tokens }
        return Array(text.utf8).withUnsafeBufferPointer(tokenize)
    }
}
