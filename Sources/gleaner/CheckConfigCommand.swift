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

    func run() throws {
        let path = options.config.map(GlobalOptions.absolute) ?? Configuration.defaultPath
        do {
            let configuration = try options.configuration()
            print("\(path): OK")
            for pair in configuration.summary.split(separator: " ") { print("  \(pair)") }
        } catch {
            for problem in error.errors { print(problem.description) }
            throw ExitCode(exitConfigurationError)
        }
    }
}
