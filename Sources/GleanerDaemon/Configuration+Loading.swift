import Foundation

extension Configuration {
    /// Reads the configuration file at `path` on top of `base`.
    ///
    /// - Parameter required: when `false`, a missing file means "use the defaults"; when `true` (the user named
    ///   the file), a missing file is an error.
    /// - Throws: the list of ``ConfigurationError``s, one per bad line.
    public static func load(
        path: String,
        base: Configuration = Configuration(),
        required: Bool
    ) throws(ConfigurationErrors) -> Configuration {
        var configuration = base
        guard FileManager.default.fileExists(atPath: path) else {
            if required {
                throw ConfigurationErrors(errors: [.init(file: path, line: 0, message: "no such file")])
            }
            return configuration
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ConfigurationErrors(errors: [
                .init(file: path, line: 0, message: "cannot read the file (check its permissions)")
            ])
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ConfigurationErrors(errors: [.init(file: path, line: 0, message: "the file is not UTF-8 text")])
        }
        let errors = configuration.apply(fileContents: text, file: path)
        guard errors.isEmpty else { throw ConfigurationErrors(errors: errors) }
        return configuration
    }
}

/// All the problems found in one configuration file.
public struct ConfigurationErrors: Error, CustomStringConvertible, Sendable {
    public var errors: [ConfigurationError]

    public var description: String { errors.map(\.description).joined(separator: "\n") }
}
