import Foundation

/// What to run and at which sizes: defaults, then environment variables, then command-line flags.
struct Options {
    /// Articles in the corpus, originals and copies together (`N`, `--articles`).
    var articles = 20_000
    /// Percentage of the corpus that are edited copies of originals (`COPIES_PERCENT`, `--copies-percent`).
    var copiesPercent = 10.0
    /// Stored articles at the first store measurement (`SMALL`, `--small`).
    var small = 10_000
    /// Stored articles at the second store measurement (`BIG`, `--big`).
    var big = 200_000
    /// Corpus articles committed (and queried) in each timed store window (`WINDOW`, `--window`).
    var window = 2_000
    /// Ingest items per transaction (`BATCH`, `--batch`).
    var batch = 500
    /// Timed passes of the signature measurement, after one warm-up pass (`PASSES`, `--passes`).
    var passes = 5
    /// Seed of the generated corpus (`SEED`, `--seed`).
    var seed: UInt64 = 20_261_122
    /// Where to write the corpus as JSON Lines (`--jsonl`); not written when absent.
    var jsonl: String?
    /// Folder for the temporary database (`--db-dir`, default `$TMPDIR` or /tmp).
    var databaseDirectory = ProcessInfo.processInfo.environment["TMPDIR"] ?? "/tmp"
    /// Skip the SQLite store measurement (`--skip-store`).
    var skipStore = false
    /// Only write the corpus, measure nothing (`--corpus-only`).
    var corpusOnly = false
    /// Run only this measurement: `signature`, `recall` or `store` (`--only`, for profiling).
    var only: String?
    /// Keep the database file after the run (`--keep-db`).
    var keepDatabase = false
    /// Seconds between progress lines on stderr (`--progress`).
    var progressSeconds = 3.0

    static let usage = """
        usage: gleaner-bench-dedup [options]

        Generates a seeded corpus of articles and edited copies, optionally writes it as JSON Lines, and measures
        Gleaner's near-duplicate costs: signature per article, insert + query in the SQLite store at two sizes,
        and recall against exact Jaccard (in-memory index). Prints a JSON summary on stdout, progress on stderr.

        options (environment variable in brackets):
          --articles N          corpus size, originals and copies [N]                       default 20000
          --copies-percent P    share of edited copies in the corpus [COPIES_PERCENT]       default 10
          --small N             stored articles at the first store measurement [SMALL]      default 10000
          --big N               stored articles at the second store measurement [BIG]       default 200000
          --window N            corpus articles committed per timed window [WINDOW]         default 2000
          --batch N             ingest items per transaction [BATCH]                        default 500
          --passes N            timed signature passes after a warm-up [PASSES]             default 5
          --seed N              corpus seed [SEED]                                          default 20261122
          --jsonl PATH          write the corpus there as {"id","title","text","copy_of"} lines
          --db-dir DIR          folder for the temporary database                           default $TMPDIR or /tmp
          --skip-store          skip the SQLite store measurement
          --corpus-only         only write the corpus (with --jsonl)
          --only STEP           run only signature, recall or store (for profiling)
          --keep-db             keep the database file (its path is in the summary)
          --progress SECONDS    seconds between progress lines on stderr                    default 3
        """

    /// Parses the environment and `arguments` (without the program name); exits with usage on error.
    static func parse(_ arguments: [String], environment: [String: String]) -> Options {
        var options = Options()
        func number<T: LosslessStringConvertible>(_ text: String, _ name: String) -> T {
            guard let value = T(text) else { fail("\(name): not a number: \(text)") }
            return value
        }
        if let value = environment["N"] { options.articles = number(value, "N") }
        if let value = environment["COPIES_PERCENT"] { options.copiesPercent = number(value, "COPIES_PERCENT") }
        if let value = environment["SMALL"] { options.small = number(value, "SMALL") }
        if let value = environment["BIG"] { options.big = number(value, "BIG") }
        if let value = environment["WINDOW"] { options.window = number(value, "WINDOW") }
        if let value = environment["BATCH"] { options.batch = number(value, "BATCH") }
        if let value = environment["PASSES"] { options.passes = number(value, "PASSES") }
        if let value = environment["SEED"] { options.seed = number(value, "SEED") }

        var rest = arguments[...]
        func value(_ flag: String) -> String {
            guard let value = rest.popFirst() else { fail("\(flag) needs a value") }
            return value
        }
        while let flag = rest.popFirst() {
            switch flag {
            case "--articles", "-n": options.articles = number(value(flag), flag)
            case "--copies-percent": options.copiesPercent = number(value(flag), flag)
            case "--small": options.small = number(value(flag), flag)
            case "--big": options.big = number(value(flag), flag)
            case "--window": options.window = number(value(flag), flag)
            case "--batch": options.batch = number(value(flag), flag)
            case "--passes": options.passes = number(value(flag), flag)
            case "--seed": options.seed = number(value(flag), flag)
            case "--jsonl": options.jsonl = value(flag)
            case "--db-dir": options.databaseDirectory = value(flag)
            case "--skip-store": options.skipStore = true
            case "--corpus-only": options.corpusOnly = true
            case "--only":
                let step = value(flag)
                guard ["signature", "recall", "store"].contains(step) else { fail("--only: unknown step \(step)") }
                options.only = step
            case "--keep-db": options.keepDatabase = true
            case "--progress": options.progressSeconds = number(value(flag), flag)
            case "-h", "--help":
                print(usage)
                exit(0)
            default: fail("unknown argument \(flag)")
            }
        }
        guard options.articles >= 20 else { fail("the corpus needs at least 20 articles") }
        guard (0..<100).contains(options.copiesPercent) else { fail("COPIES_PERCENT must be in 0..<100") }
        guard options.batch >= 1, options.passes >= 1, options.window >= 1 else {
            fail("BATCH, PASSES and WINDOW must be positive")
        }
        guard options.small >= 1, options.big > options.small else { fail("BIG must be larger than SMALL") }
        // Two timed windows come out of the corpus; keep at least half of it for filling the store before them.
        options.window = min(options.window, max(1, options.articles / 4))
        return options
    }

    /// Whether to run the measurement `step`.
    func runs(_ step: String) -> Bool {
        guard !corpusOnly else { return false }
        if let only { return only == step }
        return step != "store" || !skipStore
    }

    /// Copies in the corpus.
    var copies: Int { Int((Double(articles) * copiesPercent / 100).rounded()) }
    /// Originals in the corpus.
    var originals: Int { articles - copies }
}

/// Prints `message` and the usage hint to stderr and exits with status 2.
func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("gleaner-bench-dedup: \(message) (try --help)\n".utf8))
    exit(2)
}

/// Writes a progress line to stderr.
func progress(_ message: String) {
    FileHandle.standardError.write(Data("  \(message)\n".utf8))
}
