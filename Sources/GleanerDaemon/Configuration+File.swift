import GleanerCore

/// A problem in a configuration file, with the line it is on.
public struct ConfigurationError: Error, CustomStringConvertible, Sendable, Equatable {
    public var file: String
    /// 1-based; 0 when the problem is not on one line (e.g. the file cannot be read).
    public var line: Int
    public var message: String

    public var description: String { line > 0 ? "\(file):\(line): \(message)" : "\(file): \(message)" }
}

extension Configuration {
    /// All keys the file may set, in the order they are documented.
    public static let keys = [
        "Inbox", "Processed", "Failed", "Database", "AfterIngest", "MaxFileSize", "RescanInterval", "SettleTime",
        "BatchMaxFiles", "BatchMaxDelay", "RetryMaxDelay", "LogLevel", "ShingleSize", "Permutations",
        "NearDuplicateThreshold", "ContainmentThreshold", "RetainDays", "LexiconDir",
    ]

    /// Applies the `Key=Value` lines of a configuration file on top of `self`.
    ///
    /// The format is systemd's: one `Key=Value` per line, `#` or `;` starts a comment line, an optional
    /// `[Gleaner]` section header, white space around `=` ignored, keys case-sensitive as documented.
    /// - Returns: every error found (all lines are checked, not just the first bad one).
    public mutating func apply(fileContents text: String, file: String) -> [ConfigurationError] {
        var errors: [ConfigurationError] = []
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.trimmingWhitespace()
            let number = index + 1
            if line.isEmpty || line.hasPrefix("#") || line.hasPrefix(";") { continue }
            if line.hasPrefix("[") {
                if line != "[Gleaner]" {
                    errors.append(
                        .init(file: file, line: number, message: "unknown section \(line); use [Gleaner] or none")
                    )
                }
                continue
            }
            guard let equals = line.firstIndex(of: "=") else {
                errors.append(
                    .init(file: file, line: number, message: "expected Key=Value, found \"\(line.prefix(60))\"")
                )
                continue
            }
            let key = line[..<equals].trimmingWhitespace()
            let value = line[line.index(after: equals)...].trimmingWhitespace()
            do {
                try set(key, value)
            } catch let problem as ValueProblem {
                errors.append(.init(file: file, line: number, message: "\(key)=\(value): \(problem.message)"))
            } catch {
                errors.append(.init(file: file, line: number, message: "\(error)"))
            }
        }
        return errors
    }

    struct ValueProblem: Error {
        var message: String
    }

    /// Sets one key from its textual value.
    mutating func set(_ key: String, _ value: String) throws {
        switch key {
        case "Inbox": inbox = try Self.path(value)
        case "Processed": processed = try Self.path(value)
        case "Failed": failed = try Self.path(value)
        case "Database": database = try Self.path(value)
        case "AfterIngest":
            guard let mode = AfterIngest(rawValue: value) else {
                throw ValueProblem(message: "expected move or delete")
            }
            afterIngest = mode
        case "MaxFileSize": maxFileSize = try Self.size(value)
        case "RescanInterval": rescanInterval = try Self.duration(value, minimum: 1)
        case "SettleTime": settleTime = try Self.duration(value, minimum: 0)
        case "BatchMaxFiles":
            guard let count = Int(value), (1...100_000).contains(count) else {
                throw ValueProblem(message: "expected a whole number from 1 to 100000")
            }
            batchMaxFiles = count
        case "BatchMaxDelay": batchMaxDelay = try Self.duration(value, minimum: 0.001)
        case "RetryMaxDelay": retryMaxDelay = try Self.duration(value, minimum: 1)
        case "LogLevel":
            guard ["trace", "debug", "info", "notice", "warning", "error", "critical"].contains(value) else {
                throw ValueProblem(message: "expected trace, debug, info, notice, warning, error or critical")
            }
            logLevel = value
        case "ShingleSize":
            guard let size = Int(value), (1...20).contains(size) else {
                throw ValueProblem(message: "expected a whole number of words from 1 to 20")
            }
            shingleSize = size
        case "Permutations":
            guard let count = Int(value), (8...1_024).contains(count), count % 8 == 0 else {
                throw ValueProblem(message: "expected a multiple of 8 from 8 to 1024")
            }
            permutations = count
        case "NearDuplicateThreshold": nearDuplicateThreshold = try Self.fraction(value)
        case "ContainmentThreshold": containmentThreshold = try Self.fraction(value)
        case "RetainDays":
            guard let days = Int(value), days >= 0 else {
                throw ValueProblem(message: "expected a number of days (0 keeps every article in the index)")
            }
            retainDays = days
        case "LexiconDir": lexiconDirectory = value.isEmpty ? nil : try Self.path(value)
        default:
            let suggestion = Self.keys.first { $0.lowercased() == key.lowercased() }
            throw ValueProblem(
                message: "unknown key"
                    + (suggestion.map { "; did you mean \($0)?" }
                        ?? "; known keys: \(Self.keys.joined(separator: ", "))")
            )
        }
    }

    static func fraction(_ value: String) throws -> Double {
        guard let number = Double(value), number > 0, number <= 1 else {
            throw ValueProblem(message: "expected a similarity between 0 and 1, such as 0.8")
        }
        return number
    }

    static func path(_ value: String) throws -> String {
        guard value.hasPrefix("/") else { throw ValueProblem(message: "expected an absolute path") }
        return value.count > 1 && value.hasSuffix("/") ? String(value.dropLast()) : value
    }

    /// Bytes from `10485760`, `512K`, `10M`, `10MiB`, `1G`.
    static func size(_ value: String) throws -> Int {
        let digits = value.prefix(while: \.isNumber)
        let unit = value.dropFirst(digits.count).trimmingWhitespace().lowercased()
        let multipliers: [String: Int] = [
            "": 1, "b": 1, "k": 1 << 10, "kb": 1 << 10, "kib": 1 << 10, "m": 1 << 20, "mb": 1 << 20, "mib": 1 << 20,
            "g": 1 << 30, "gb": 1 << 30, "gib": 1 << 30,
        ]
        guard let number = Int(digits), let multiplier = multipliers[unit], number > 0 else {
            throw ValueProblem(message: "expected a size such as 10M, 512K or 1048576")
        }
        let (bytes, overflow) = number.multipliedReportingOverflow(by: multiplier)
        guard !overflow else { throw ValueProblem(message: "size too large") }
        return bytes
    }

    /// Seconds from `60`, `60s`, `500ms`, `2min`, `1h`.
    static func duration(_ value: String, minimum: Double) throws -> Double {
        let number = value.prefix { $0.isNumber || $0 == "." }
        let unit = value.dropFirst(number.count).trimmingWhitespace().lowercased()
        let multipliers: [String: Double] = [
            "": 1, "s": 1, "sec": 1, "ms": 0.001, "msec": 0.001, "m": 60, "min": 60, "h": 3_600, "hr": 3_600,
        ]
        guard let amount = Double(number), let multiplier = multipliers[unit] else {
            throw ValueProblem(message: "expected a duration such as 60s, 500ms or 2min")
        }
        let seconds = amount * multiplier
        guard seconds >= minimum else { throw ValueProblem(message: "must be at least \(minimum)s") }
        return seconds
    }
}
