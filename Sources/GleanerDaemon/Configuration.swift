import GleanerCore

/// Everything the daemon can be told, with the defaults used when run as the system service.
///
/// Read from `/etc/gleaner/gleaner.conf` (see ``Configuration/parse(_:file:)``), then overridden by
/// command-line options. Every key is documented in `etc/gleaner/gleaner.conf`.
public struct Configuration: Sendable, Equatable {
    /// What to do with a file once its articles are committed.
    public enum AfterIngest: String, Sendable, Equatable, CaseIterable {
        /// Move it to ``Configuration/processed``.
        case move
        /// Delete it.
        case delete
    }

    /// The watched folder.
    public var inbox = "/var/spool/gleaner/inbox"
    /// Where ingested files are moved: the folder `processed` beside the inbox unless set, so a run on a
    /// scratch inbox never writes into the system spool.
    public var processed: String {
        get { processedSetting ?? Self.sibling(of: inbox, named: "processed") }
        set { processedSetting = newValue }
    }
    /// Where quarantined files are moved: the folder `failed` beside the inbox unless set.
    public var failed: String {
        get { failedSetting ?? Self.sibling(of: inbox, named: "failed") }
        set { failedSetting = newValue }
    }
    private var processedSetting: String?
    private var failedSetting: String?
    /// `true` when ``processed`` was not set and so follows the inbox.
    public var processedFollowsInbox: Bool { processedSetting == nil }
    /// `true` when ``failed`` was not set and so follows the inbox.
    public var failedFollowsInbox: Bool { failedSetting == nil }
    public var database = "/var/lib/gleaner/gleaner.sqlite"
    public var afterIngest = AfterIngest.move
    /// Larger files are quarantined without being read.
    public var maxFileSize = 10 * 1024 * 1024
    /// How often the inbox is scanned in full, whatever inotify says (seconds).
    public var rescanInterval: Double = 60
    /// A file found by a scan (not by an inotify close/rename event) is taken only once it has not been
    /// modified for this long (seconds), so a writer still writing it in place is not cut short.
    public var settleTime: Double = 2
    /// Most files committed in one transaction.
    public var batchMaxFiles = 512
    /// Most time spent reading and parsing files for one transaction before it is committed (seconds).
    public var batchMaxDelay: Double = 0.1
    /// Longest wait between retries of a file that fails for a transient reason (seconds).
    public var retryMaxDelay: Double = 60
    /// `trace`, `debug`, `info`, `notice`, `warning`, `error` or `critical`.
    public var logLevel = "info"
    /// Words per shingle for near-duplicate detection.
    public var shingleSize = 5
    /// MinHash functions per signature (a multiple of 8).
    public var permutations = 128
    /// Jaccard similarity from which a copy is a near duplicate.
    public var nearDuplicateThreshold = 0.8
    /// Containment from which a truncated or extended copy is a duplicate.
    public var containmentThreshold = 0.9
    /// Articles published more than this many days ago leave the near-duplicate index (0 keeps them all).
    public var retainDays = 0
    /// A folder of the user's own lexicon files (`*.tsv`, same format as the bundled ones), or nil.
    public var lexiconDirectory: String?

    /// The near-duplicate parameters these settings describe.
    public var dedupParameters: GleanerCore.DedupParameters {
        DedupParameters(
            shingleSize: shingleSize,
            permutations: permutations,
            threshold: nearDuplicateThreshold,
            containmentThreshold: containmentThreshold
        )
    }

    public init() {}

    /// `name` in the folder that holds `path`: `/srv/news/inbox` → `/srv/news/processed`.
    static func sibling(of path: String, named name: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return name }
        return String(path[...slash]) + name
    }

    /// Settings for a local, unprivileged run: everything under `directory` (`./var` for `scripts/run.sh`).
    public static func local(under directory: String) -> Configuration {
        var configuration = Configuration()
        configuration.inbox = directory + "/inbox"
        configuration.processed = directory + "/processed"
        configuration.failed = directory + "/failed"
        configuration.database = directory + "/gleaner.sqlite"
        return configuration
    }

    /// The path of the configuration file read when none is given.
    public static let defaultPath = "/etc/gleaner/gleaner.conf"
}
