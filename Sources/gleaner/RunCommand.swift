import ArgumentParser
import Foundation
import GleanerDaemon
import Logging
import ServiceLifecycle

/// `gleaner run`: the daemon, in the foreground (systemd runs it as `Type=notify`).
struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run the ingestion daemon in the foreground.",
        discussion: """
            Scans the inbox, ingests what it finds, sends READY=1 to systemd, then ingests every file dropped into
            the inbox (by cp or by rename). SIGHUP re-reads the configuration; SIGTERM stops after the current batch.
            """
    )

    @OptionGroup var options: GlobalOptions

    func run() async throws {
        signal(SIGHUP, SIG_IGN)  // until the service installs its handler: a SIGHUP must never kill the daemon
        let environment = ProcessInfo.processInfo.environment
        let notifier = SystemdNotifier()
        let configuration: Configuration
        do {
            configuration = try options.configuration()
        } catch {
            let logger = LoggingBootstrap.bootstrap(level: .info, environment: environment)
            logger.critical("bad configuration, not starting: \(error). Fix it, then check with: gleaner check-config")
            notifier.failed(status: "bad configuration: \(error.errors.first?.description ?? "")", errno: EINVAL)
            LoggingBootstrap.settleBeforeExit()
            throw ExitCode(exitConfigurationError)
        }
        let logger = LoggingBootstrap.bootstrap(
            level: Logger.Level(rawValue: configuration.logLevel) ?? .info,
            environment: environment
        )
        let options = self.options
        let daemon: IngestDaemon
        do {
            let faults = try FaultInjection.from(environment: environment)
            daemon = try IngestDaemon(
                configuration: configuration,
                logger: logger,
                notifier: notifier,
                faults: faults,
                reloadConfiguration: { try options.configuration() }
            )
        } catch {
            logger.critical("cannot start: \(error)")
            notifier.failed(status: "cannot start: \(error)", errno: error.errno == 0 ? EINVAL : error.errno)
            LoggingBootstrap.settleBeforeExit()
            throw ExitCode(error.errno == EINVAL || error.errno == 0 ? exitConfigurationError : 1)
        }
        let group = ServiceGroup(
            configuration: .init(
                services: [
                    .init(
                        service: IngestService(daemon: daemon),
                        successTerminationBehavior: .gracefullyShutdownGroup,
                        failureTerminationBehavior: .gracefullyShutdownGroup
                    )
                ],
                gracefulShutdownSignals: [.sigterm, .sigint],
                logger: logger
            )
        )
        try await group.run()
        LoggingBootstrap.settleBeforeExit()
    }
}
