import GleanerEvents

extension Configuration {
    /// The event extractor for these settings: the bundled lexicon plus the files in `LexiconDir=`.
    /// - Throws: ``DaemonError`` naming the bad lexicon file and line.
    public func eventExtractor() throws(DaemonError) -> EventExtractor {
        do {
            var lexicon = try Lexicon.bundled()
            if let lexiconDirectory { try lexicon.merge(directory: lexiconDirectory) }
            return EventExtractor(lexicon: lexicon)
        } catch {
            throw DaemonError(
                "cannot load the event lexicon: \(error)",
                errno: EINVAL,
                hint: "fix the file named, or LexiconDir="
            )
        }
    }
}

#if canImport(Glibc)
import Glibc
#endif
