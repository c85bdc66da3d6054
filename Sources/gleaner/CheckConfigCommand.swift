import ArgumentParser
import GleanerDaemon

/// `gleaner check-config`: validates the configuration file and prints the settings in effect.
struct CheckConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check-config",
        abstract: "Validate the configuration file and print the settings in effect.",
        discussion: "Every bad line is reported as FILE:LINE: problem. Exits 78 (EX_CONFIG) when any is found."
    )

    @OptionGroup var options: GlobalOptions

    @Flag(help: "Print JSON: {file, valid, errors: [{line, message}], settings: {Key: value}}.")
    var json = false

    struct Report: Encodable {
        struct Problem: Encodable {
            var line: Int
            var message: String
        }
        var file: String
        var valid: Bool
        var errors: [Problem]
        var settings: [String: String]
    }

    func run() throws {
        let path = options.config.map(GlobalOptions.absolute) ?? Configuration.defaultPath
        var report = Report(file: path, valid: true, errors: [], settings: [:])
        do {
            let configuration = try options.configuration()
            for (key, value) in configuration.settings { report.settings[key] = value }
        } catch {
            report.valid = false
            report.errors = error.errors.map { Report.Problem(line: $0.line, message: $0.message) }
        }
        if json {
            // Keys of `settings` are the configuration keys as written in the file.
            try printJSON(report)
        } else if report.valid {
            print("\(path): OK")
            for key in Configuration.keys { print("  \(key)=\(report.settings[key] ?? "")") }
        } else {
            for problem in report.errors {
                print(problem.line > 0 ? "\(path):\(problem.line): \(problem.message)" : "\(path): \(problem.message)")
            }
        }
        if !report.valid { throw ExitCode(exitConfigurationError) }
    }
}
