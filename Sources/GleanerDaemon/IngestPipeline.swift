import Dispatch
import GleanerCore
import GleanerEvents
import GleanerStore
import Logging
import Synchronization

/// The path of one batch of files: take each file (lstat, open, read) → hash → parse → ONE transaction for the
/// whole batch → move (or delete) each file → one journal entry per file.
///
/// The daemon feeds it names from inotify and scans; `gleaner ingest` feeds it the user's paths with
/// ``Disposal/leave``. It never retries by itself: the report says which names the caller should try again.
public struct IngestPipeline: Sendable {
    public var store: ArticleStore
    public var reader: SpoolFileReader
    public var parser: ArticleParser
    public var disposer: SpoolDisposer
    public var faults: FaultInjection
    public var logger: Logger
    /// Event extraction, or nil to store articles without events.
    public var extractor: EventExtractor?
    /// The first chunk of the next batch, read while this one is stored (shared by copies of the pipeline).
    let readAhead = ReadAhead()

    public init(
        store: ArticleStore,
        maximumFileSize: Int,
        disposal: Disposal,
        extractor: EventExtractor? = nil,
        faults: FaultInjection = .none,
        logger: Logger
    ) {
        self.extractor = extractor
        self.store = store
        self.reader = SpoolFileReader(maximumFileSize: maximumFileSize, refusesHardLinks: disposal != .leave)
        self.parser = ArticleParser(maximumFileSize: maximumFileSize)
        self.disposer = SpoolDisposer(disposal: disposal)
        self.faults = faults
        self.logger = logger
    }

    /// One committed file.
    public struct FileResult: Sendable {
        public var name: String
        public var committed: CommittedFile
        /// Where the file was moved, if it was.
        public var destination: String?
        /// Why it was quarantined, when it was.
        public var rejection: Rejection?
        /// Metadata of its articles that could not be used (see ``IngestItem/warnings``).
        public var warnings: [String] = []
    }

    /// What happened to each name of a batch.
    public struct BatchReport: Sendable {
        public var committed: [FileResult] = []
        /// Files that changed while being read, or after being read and before being moved (those are also in
        /// ``committed``, as the version that was read): take them again once they settle.
        public var changing: [String] = []
        /// Files that failed for a temporary reason, with the reason.
        public var transient: [(name: String, reason: String)] = []
        /// Names that no longer exist.
        public var vanished: [String] = []
        /// Subdirectories.
        public var directories: [String] = []
        /// Names not reached because the batch's time budget ran out: still pending.
        public var untaken: [String] = []
        /// Files committed but not moved out of the inbox (a later replay moves them).
        public var disposalFailures: [(name: String, error: DaemonError)] = []

        /// New canonical articles, duplicate articles and quarantined files committed by this batch.
        public var counts: (articles: Int, duplicates: Int, failed: Int) {
            var counts = (articles: 0, duplicates: 0, failed: 0)
            for result in committed where !result.committed.replayed {
                if result.committed.outcome == .failed { counts.failed += 1 }
                for article in result.committed.articles {
                    if article.duplicateOf == nil { counts.articles += 1 } else { counts.duplicates += 1 }
                }
            }
            return counts
        }
    }

    /// A file taken from the directory: its bytes, or the item it already is (rejected without reading).
    enum Taken: Sendable {
        case read(FileIdentity, [UInt8])
        case item(IngestItem)
    }

    /// Files taken (read) before their chunk is hashed and parsed in parallel.
    static let chunkSize = 32

    /// The items of a chunk prepared on other threads, handed to the thread that stores them.
    final class PreparedChunk: Sendable {
        private let storage = Mutex<[IngestItem]>([])

        var items: [IngestItem] { storage.withLock { $0 } }

        func set(_ items: [IngestItem]) { storage.withLock { $0 = items } }
    }

    /// Hashes and parses one file's bytes into the item to commit.
    static func prepare(
        _ bytes: [UInt8],
        _ identity: FileIdentity,
        _ parser: ArticleParser,
        _ engine: DedupEngine,
        _ extractor: EventExtractor?
    ) -> IngestItem {
        let sha256 = ContentHash.sha256Hex(bytes)
        let modified = identity.modificationTimeNanoseconds / 1_000_000_000
        do throws(Rejection) {
            let parsed = try parser.parse(bytes, fileName: identity.name, modificationTime: modified)
            return .articles(
                identity,
                sha256: sha256,
                articles: parsed.articles.map { PreparedArticle($0, engine: engine, extractor: extractor) },
                rejectedLines: parsed.rejectedLines
            )
        } catch {
            return .rejected(identity, sha256: sha256, error)
        }
    }

    /// The batch could not be committed; nothing of it was written and every taken file is still in place.
    public struct BatchFailure: Error, CustomStringConvertible, Sendable {
        public var underlying: any Error
        /// `true` when retrying later may succeed (busy, full, I/O error).
        public var isTransient: Bool
        /// The names that were part of the failed transaction.
        public var names: [String]
        /// Names the batch had not reached.
        public var untaken: [String]

        public var description: String { ArticleStore.describe(underlying) }
    }

    /// Processes `names` (relative to `directory`) as one batch.
    /// - Parameters:
    ///   - timeBudget: seconds of reading and parsing after which the batch is committed with what it has.
    ///   - state: daemon state recorded in the same transaction.
    public func process(
        _ names: [String],
        in directory: String,
        timeBudget: Double = .infinity,
        state: [String: String] = [:]
    ) throws(BatchFailure) -> BatchReport {
        var report = BatchReport()
        var items: [IngestItem] = []
        var itemNames: [String] = []
        let clock = ContinuousClock()
        let deadline: ContinuousClock.Instant? = timeBudget.isFinite ? clock.now + .seconds(timeBudget) : nil
        var next = 0
        let parser = self.parser
        let engine = store.engine
        let extractor = self.extractor
        // Hashes and parses a chunk on all cores.
        let prepare: @Sendable ([(name: String, taken: Taken)]) -> [IngestItem] = { chunk in
            chunk.parallelMap { entry in
                switch entry.taken {
                case .read(let identity, let bytes): Self.prepare(bytes, identity, parser, engine, extractor)
                case .item(let item): item
                }
            }
        }
        // Counts a chunk taken for this batch: what became of its names, and the names of its entries.
        func adopt(_ chunk: TakenChunk) {
            report.add(chunk)
            itemNames.append(contentsOf: chunk.entries.map(\.name))
        }
        // Takes the next chunk of files in drop order (files read, and files already rejected), or nil when the
        // batch takes no more: every name taken, or the time budget spent on a batch that has something to store.
        func take() -> TakenChunk? {
            guard next < names.count else { return nil }
            if !itemNames.isEmpty, let deadline, clock.now > deadline {
                report.untaken = Array(names[next...])
                next = names.count
                return nil
            }
            let chunk = takeChunk(names[next...], in: directory)
            next += chunk.names.count
            adopt(chunk)
            return chunk
        }
        // The first chunk, read ahead by the batch before when this one starts with its names, or prepared before
        // the transaction: a batch with nothing to store opens none.
        var ready: [IngestItem] = []
        if let ahead = readAhead.take(for: names, in: directory) {
            next = ahead.taken.names.count
            adopt(ahead.taken)
            ready = ahead.items
            if !ahead.taken.entries.isEmpty { faults.reach(.afterParse) }
        }
        while ready.isEmpty, let chunk = take() {
            ready = prepare(chunk.entries)
            if !chunk.entries.isEmpty { faults.reach(.afterParse) }
        }
        guard !ready.isEmpty else { return report }

        let committed: [CommittedFile]
        do {
            committed = try store.commit(
                state: state,
                beforeCommit: { faults.reach(.inTransaction) },
                producing: { add in
                    // Still one transaction: each chunk is stored on this thread while the next one is read here
                    // and prepared on the other cores, so that the serial work of the store overlaps the parallel
                    // work of parsing and extraction.
                    // When the time budget is spent, the first names left untaken, with which the caller starts
                    // its next batch, are read here instead and prepared on the other cores while the last chunk
                    // is stored, the batch committed and its files moved.
                    while true {
                        let chunk = take()
                        let ahead =
                            chunk == nil && !report.untaken.isEmpty
                            ? takeChunk(report.untaken[...], in: directory) : nil
                        let preparing = PreparedChunk()
                        let group = DispatchGroup()
                        if let entries = (chunk ?? ahead)?.entries, !entries.isEmpty {
                            DispatchQueue.global().async(group: group) { preparing.set(prepare(entries)) }
                        }
                        do {
                            items.append(contentsOf: ready)
                            try add(ready)
                        } catch {
                            group.wait()
                            throw error
                        }
                        if let ahead {
                            readAhead.hold(
                                ReadAhead.Chunk(directory: directory, taken: ahead, prepared: preparing, group: group)
                            )
                            break
                        }
                        group.wait()
                        guard let chunk else { break }
                        if !chunk.entries.isEmpty { faults.reach(.afterParse) }
                        ready = preparing.items
                    }
                }
            )
        } catch {
            readAhead.drop()
            throw BatchFailure(
                underlying: error,
                isTransient: ArticleStore.isTransient(error),
                names: itemNames,
                untaken: report.untaken + names[next...]
            )
        }
        faults.reach(.afterCommit)

        for (index, result) in committed.enumerated() {
            let name = itemNames[index]
            var destination: String?
            if disposer.disposal != .leave, !SpoolFileReader.stillHolds(items[index].identity, in: directory) {
                // Rewritten or replaced since it was read: moving (or deleting) it would take away a version that
                // was never ingested. It stays, and is taken again as a new file.
                report.changing.append(name)
                logger.notice(
                    "\(name) changed after it was read; the new version stays in the inbox and is taken as a new file",
                    metadata: ["file": "\(name)"]
                )
            } else {
                do throws(DaemonError) {
                    destination = try disposer.dispose(
                        name,
                        in: directory,
                        outcome: result.outcome,
                        fileID: result.fileID
                    )
                } catch {
                    report.disposalFailures.append((name, error))
                    logger.error(
                        "committed \(name) but could not move it out of the inbox: \(error)",
                        metadata: ["file": "\(name)"]
                    )
                }
            }
            if index == 0 { faults.reach(.duringMove) }
            var rejection: Rejection?
            if case .rejected(_, _, let reason) = items[index] { rejection = reason }
            report.committed.append(
                FileResult(
                    name: name,
                    committed: result,
                    destination: destination,
                    rejection: rejection,
                    warnings: items[index].warnings
                )
            )
            log(items[index], result, name: name)
        }
        return report
    }

    /// A title as logged: at most 200 characters, so that a JSON title of megabytes does not make a log entry of
    /// megabytes (the database keeps it whole).
    static func shortened(_ title: String) -> String {
        let prefix = title.prefix(200)
        return prefix.endIndex == title.endIndex ? title : prefix.dropLast() + "…"
    }

    /// The `warning` field of a file's log entry (`GLEANER_WARNING` in the journal): its warnings joined with
    /// "; ", at most ten of them (a JSON Lines file may have thousands), or `nil` when it has none.
    static func warningField(_ warnings: [String]) -> String? {
        guard !warnings.isEmpty else { return nil }
        let shown = warnings.prefix(10).joined(separator: "; ")
        return warnings.count > 10 ? shown + "; and \(warnings.count - 10) more warnings" : shown
    }

    static func percent(_ value: Double) -> String {
        "\(Int((value * 100).rounded()))%"
    }

    func log(_ item: IngestItem, _ result: CommittedFile, name: String) {
        var metadata: Logger.Metadata = [
            "file": "\(name)",
            "outcome": "\(result.outcome.rawValue)",
            "file_id": "\(result.fileID)",
        ]
        if case .articles(_, let sha256, _, _) = item { metadata["sha256"] = "\(sha256)" }
        if case .rejected(_, let sha256?, _) = item { metadata["sha256"] = "\(sha256)" }
        if let first = result.articles.first { metadata["article"] = "\(first.id)" }
        if result.replayed {
            logger.notice(
                "\(name) was already recorded (file \(result.fileID), \(result.outcome.rawValue)); finishing its move",
                metadata: metadata.merging(["replayed": "true"]) { $1 }
            )
            return
        }
        switch item {
        case .rejected(_, _, let rejection):
            metadata["reason"] = "\(rejection.reason.rawValue)"
            logger.warning("quarantined \(name): \(rejection.description)", metadata: metadata)
        case .articles(_, _, _, let rejectedLines):
            let new = result.articles.filter { $0.duplicateOf == nil }
            let copies = result.articles.count - new.count
            metadata["articles"] = "\(result.articles.count)"
            metadata["duplicates"] = "\(copies)"
            if let title = result.articles.first?.title { metadata["title"] = "\(Self.shortened(title))" }
            if let warning = Self.warningField(item.warnings) { metadata["warning"] = "\(warning)" }
            let message: String
            if result.articles.count == 1, let article = result.articles.first {
                let title = article.title.map { " \"\(Self.shortened($0))\"" } ?? ""
                if let canonical = article.duplicateOf {
                    metadata["duplicate_of"] = "\(canonical)"
                    metadata["kind"] = "\(article.kind?.rawValue ?? "exact")"
                    metadata["similarity"] = "\(article.similarity ?? 1)"
                    let relation =
                        switch article.kind {
                        case .near: "a near copy"
                        case .contained: "a shortened or extended copy"
                        default: "an exact copy"
                        }
                    let similarity = article.similarity.map { " (similarity \(Self.percent($0)))" } ?? ""
                    message =
                        "duplicate \(name): article \(article.id)\(title) is \(relation) of article \(canonical)\(similarity)"
                } else {
                    message = "ingested \(name): article \(article.id)\(title)"
                }
            } else {
                message =
                    "\(result.outcome.rawValue) \(name): \(new.count) new articles, \(copies) duplicates"
                    + (rejectedLines.isEmpty ? "" : ", \(rejectedLines.count) bad lines")
            }
            logger.info("\(message)", metadata: metadata)
            for rejected in rejectedLines {
                logger.warning(
                    "\(name) line \(rejected.line) skipped: \(rejected.rejection.description)",
                    metadata: [
                        "file": "\(name)", "line": "\(rejected.line)",
                        "reason": "\(rejected.rejection.reason.rawValue)",
                    ]
                )
            }
        }
    }
}
