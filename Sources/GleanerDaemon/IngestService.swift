import Foundation
import ServiceLifecycle
import UnixSignals

/// The daemon as a swift-service-lifecycle `Service`: runs ``IngestDaemon/run()`` on its own thread, turns
/// SIGHUP into a reload, and graceful shutdown (SIGTERM) or cancellation into ``IngestDaemon/requestStop()``.
public struct IngestService: Service {
    let daemon: IngestDaemon

    public init(daemon: IngestDaemon) {
        self.daemon = daemon
    }

    public func run() async throws {
        let daemon = self.daemon
        await withGracefulShutdownHandler {
            await withTaskGroup(of: Void.self) { group in
                group.addTask {
                    for await _ in await UnixSignalsSequence(trapping: .sighup) {
                        daemon.requestReload()
                    }
                }
                await withTaskCancellationHandler {
                    await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                        let thread = Thread {
                            daemon.run()
                            continuation.resume()
                        }
                        thread.name = "gleaner-pipeline"
                        thread.stackSize = 8 << 20
                        thread.start()
                    }
                } onCancel: {
                    daemon.requestStop()
                }
                group.cancelAll()
            }
        } onGracefulShutdown: {
            daemon.requestStop()
        }
    }
}
