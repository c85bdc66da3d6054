import Foundation

#if canImport(Glibc)
import Glibc
#endif

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
        let bytes: [UInt8]
        do throws(DaemonError) {
            bytes = try readWholeFile(path, limit: 1 << 20)
        } catch {
            throw ConfigurationErrors(errors: [.init(file: path, line: 0, message: "\(error)")])
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
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

/// The bytes of a small file (configuration, `/proc` entries), at most `limit` bytes.
func readWholeFile(_ path: String, limit: Int) throws(DaemonError) -> [UInt8] {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else { throw DaemonError.system("cannot open \(path)", errno: errno, hint: nil) }
    defer { close(descriptor) }
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 16 * 1024)
    while bytes.count <= limit {
        let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
        if count < 0, errno == EINTR { continue }
        guard count >= 0 else { throw DaemonError.system("cannot read \(path)", errno: errno, hint: nil) }
        if count == 0 { return bytes }
        bytes.append(contentsOf: buffer[..<count])
    }
    throw DaemonError("\(path) is larger than \(limit) bytes")
}
