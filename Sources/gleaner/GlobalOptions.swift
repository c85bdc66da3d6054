import ArgumentParser
import Foundation
import GleanerDaemon

/// Options every command shares: where the configuration, spool and database are.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: "Configuration file (default: /etc/gleaner/gleaner.conf if it exists).")
    var config: String?

    @Option(name: .long, help: "Inbox directory to watch (Inbox=).")
    var inbox: String?

    @Option(name: .long, help: "Where ingested files are moved (Processed=).")
    var processed: String?

    @Option(name: .long, help: "Quarantine directory for files that cannot be ingested (Failed=).")
    var failed: String?

    @Option(name: .customLong("db"), help: "SQLite database file (Database=).")
    var database: String?

    @Option(
        name: .customLong("state-dir"),
        help: "Put inbox, processed, failed and the database under this directory (e.g. ./var)."
    )
    var stateDirectory: String?

    /// The configuration file, then `--state-dir`, then the individual path options.
    func configuration() throws(ConfigurationErrors) -> Configuration {
        var base = Configuration()
        if let stateDirectory { base = .local(under: Self.absolute(stateDirectory)) }
        var configuration = try Configuration.load(
            path: config.map(Self.absolute) ?? Configuration.defaultPath,
            base: base,
            required: config != nil
        )
        if let stateDirectory {
            // --state-dir wins over the file's paths.
            let local = Configuration.local(under: Self.absolute(stateDirectory))
            configuration.inbox = local.inbox
            configuration.processed = local.processed
            configuration.failed = local.failed
            configuration.database = local.database
        }
        if let inbox { configuration.inbox = Self.absolute(inbox) }
        if let processed { configuration.processed = Self.absolute(processed) }
        if let failed { configuration.failed = Self.absolute(failed) }
        if let database { configuration.database = Self.absolute(database) }
        return configuration
    }

    static func absolute(_ path: String) -> String {
        let url = URL(fileURLWithPath: path)
        return url.standardizedFileURL.path
    }
}

/// Pretty-printed JSON with sorted snake_case keys: the stable `--json` output of every command.
func printJSON(_ value: some Encodable) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    encoder.keyEncodingStrategy = .convertToSnakeCase
    let data = try encoder.encode(value)
    print(String(decoding: data, as: UTF8.self))
}

/// Exit status for configuration errors (sysexits.h EX_CONFIG); the unit does not restart on it.
let exitConfigurationError: Int32 = 78
