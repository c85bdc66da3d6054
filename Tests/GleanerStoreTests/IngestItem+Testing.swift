import GleanerCore
import GleanerEvents

@testable import GleanerStore

extension IngestItem {
    /// A file `a<inode>.txt` (hash `sha<inode>`) holding `article`, prepared as ingestion prepares it with the
    /// store's engine, and with `extractor` when given (events, main event, the names stories use).
    static func file(
        _ article: Article,
        inode: UInt64,
        store: ArticleStore,
        extractor: EventExtractor? = nil
    ) -> IngestItem {
        .articles(
            FileIdentity(
                name: "a\(inode).txt",
                device: 1,
                inode: inode,
                size: 1,
                modificationTimeNanoseconds: 0,
                changeTimeNanoseconds: 0
            ),
            sha256: "sha\(inode)",
            articles: [PreparedArticle(article, engine: store.engine, extractor: extractor)],
            rejectedLines: []
        )
    }
}
