/// Reads article files: chooses the format by extension, decodes, and extracts title, text and metadata.
///
/// Pure: it takes the file's bytes, name and modification time and returns values. The spool does the I/O.
public struct ArticleParser: Sendable {
    /// Files larger than this are not read at all (checked by the spool before reading, and again here).
    public var maximumFileSize: Int

    public init(maximumFileSize: Int = 10 * 1024 * 1024) {
        self.maximumFileSize = maximumFileSize
    }

    /// Parses one file.
    /// - Parameters:
    ///   - bytes: the whole content of the file.
    ///   - fileName: its name, whose extension selects the format.
    ///   - modificationTime: seconds since 1970, used as the publication date when the article has none (clamped to
    ///     years 1–9999).
    /// - Throws: a ``Rejection`` saying why the file is not an article (the whole file is then quarantined).
    public func parse(_ bytes: [UInt8], fileName: String, modificationTime: Int64) throws(Rejection) -> ParsedFile {
        guard let format = ArticleFormat(fileName: fileName) else {
            throw Rejection(.unsupportedType, "Gleaner reads .txt, .json and .jsonl files")
        }
        guard bytes.count <= maximumFileSize else {
            throw Rejection(.tooLarge, "\(bytes.count) bytes, MaxFileSize is \(maximumFileSize)")
        }
        // A file's time stamp can be any 64-bit count: outside years 1–9999 it stands for the first or last day.
        let clamped = min(
            max(modificationTime, PublicationDate.validSeconds.lowerBound),
            PublicationDate.validSeconds.upperBound
        )
        let fallbackDate = PublicationDate(secondsSince1970: clamped, source: .fileModificationTime)
        switch format {
        case .text:
            let text = try ArticleTextDecoder.decode(bytes)
            return ParsedFile(articles: [try TextArticleReader.read(text, fallbackDate: fallbackDate)])
        case .json:
            let text = try decodeJSONText(bytes)
            return ParsedFile(articles: [try JSONArticleReader.read(object: text, fallbackDate: fallbackDate)])
        case .jsonLines:
            let text = try decodeJSONText(bytes)
            return try JSONArticleReader.readLines(text, fallbackDate: fallbackDate)
        }
    }

    func decodeJSONText(_ bytes: [UInt8]) throws(Rejection) -> String {
        let text = try ArticleTextDecoder.decode(bytes)
        guard text.contains(where: { !$0.isWhitespace }) else {
            throw Rejection(.empty, "the file holds only white space")
        }
        return text
    }
}
