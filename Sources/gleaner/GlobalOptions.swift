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

/// Pretty-printed JSON with sorted snake_case keys: the stable `--json` output of every command. Every field
/// of the value is printed, `null` when absent (`JSONEncoder` would leave the key out).
func printJSON(_ value: some Encodable) throws {
    let data = try JSONSerialization.data(
        withJSONObject: jsonObject(value),
        options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes, .fragmentsAllowed]
    )
    print(String(decoding: data, as: UTF8.self))
}

/// A JSONSerialization-ready object for a value of the CLI's report types: structs become objects with
/// snake_case keys, optionals `null` when empty, enums their raw value.
func jsonObject(_ value: Any) -> Any {
    let mirror = Mirror(reflecting: value)
    switch mirror.displayStyle {
    case .optional:
        guard let wrapped = mirror.children.first?.value else { return NSNull() }
        return jsonObject(wrapped)
    case .collection, .set:
        return mirror.children.map { jsonObject($0.value) }
    case .dictionary:
        var object: [String: Any] = [:]
        for child in mirror.children {
            let pair = Mirror(reflecting: child.value).children.map(\.value)
            object["\(pair[0])"] = jsonObject(pair[1])
        }
        return object
    case .struct, .class:
        var object: [String: Any] = [:]
        for child in mirror.children {
            guard let label = child.label else { continue }
            object[snakeCase(label)] = jsonObject(child.value)
        }
        return object
    case .tuple:
        return mirror.children.map { jsonObject($0.value) }
    default:
        if let raw = value as? any RawRepresentable { return raw.rawValue }
        return value
    }
}

/// `publishedSource` → `published_source`.
func snakeCase(_ name: String) -> String {
    var result = ""
    for character in name {
        if character.isUppercase {
            result += "_" + character.lowercased()
        } else {
            result.append(character)
        }
    }
    return result
}

/// Exit status for configuration errors (sysexits.h EX_CONFIG); the unit does not restart on it.
let exitConfigurationError: Int32 = 78

/// `text` padded with spaces to `width` characters, for a column of a table.
func pad(_ text: String, _ width: Int) -> String {
    text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
}
