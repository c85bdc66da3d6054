import Foundation
import PropertyBased
import Testing

/// Random sequences of drops, duplicates, bad files, deletions, `kill -9`, queue overflows and SIGHUP against the
/// real daemon, checked against a model of what was dropped (see ``SpoolModelRun/discrepancies()``).
///
/// `GLEANER_MODEL_RUNS` (default 3) sets how many sequences run and `GLEANER_MODEL_OPS` (default 30) how long
/// each is. A failure names its seed: add `.fixedSeed("…")` to the test to replay that sequence.
@Suite("The spool against a model: random operations, every file accounted for once", .serialized)
struct SpoolModelTests {
    static let runs = ProcessInfo.processInfo.environment["GLEANER_MODEL_RUNS"].flatMap { Int($0) } ?? 3
    static let operations = ProcessInfo.processInfo.environment["GLEANER_MODEL_OPS"].flatMap { Int($0) } ?? 30

    /// Runs `operations`, lets the daemon finish, stops it and returns what disagrees with the model.
    static func check(_ operations: [SpoolOperation]) throws -> [String] {
        var run = try SpoolModelRun()
        for operation in operations { try run.apply(operation) }
        var problems: [String] = []
        if try !run.waitForQuiet(timeout: 60) { problems.append("the daemon did not take every file in 60 s") }
        // An armed crash point may have been reached by the last move, after which the spool looks quiet: the
        // daemon is then restarted first, as systemd would, so that the stop below is a clean one.
        try run.restartIfDead()
        let status = run.daemon.stop()
        if status != 0 { problems.append("SIGTERM: exit status \(status.map(String.init) ?? "none in 10 s")") }
        let overflows = run.daemon.log.filter { $0.contains("inotify queue overflowed") }.count
        print(
            "model run: \(operations.count) operations, \(run.model.drops.count) files, \(run.starts) daemon starts, "
                + "\(run.selfCrashes) crashes at armed points, \(overflows) queue overflows"
        )
        return problems + (try run.discrepancies())
    }

    /// Not shrunk: each run takes seconds, and the daemon's timing makes a failure no simpler to replay.
    @Test(
        "Random sequences of operations leave every file ingested once, quarantined, or (if deleted) gone",
        .shrinking(false)
    )
    func randomSequences() async {
        await propertyCheck(count: Self.runs, input: SpoolOperation.sequences(of: Self.operations)) { operations in
            let problems = try Self.check(operations)
            let listed = operations.map(\.description).joined(separator: ", ")
            #expect(problems.isEmpty, "operations: \(listed)\n\(problems.joined(separator: "\n"))")
        }
    }

    /// Sequences that once failed, replayed as they were (a seed would not survive a change of the generator).
    @Test(
        "Fixed sequences that once failed",
        arguments: [
            // A daemon armed to crash in its transaction died during the start-up scan, before READY: the run
            // must restart it, as systemd would, rather than wait for a READY that never comes (shortened from
            // the 30-operation run that showed it).
            [
                SpoolOperation.burst(count: 5), .dropAndDelete, .duplicate(pick: 803), .killAndRestart, .copy,
                .crashAt(point: "in-transaction", count: 1), .rename, .bad(.undecodable),
            ]
        ]
    )
    func fixedSequences(operations: [SpoolOperation]) throws {
        let problems = try Self.check(operations)
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
    }

    @Test("An overflow burst does overflow the inotify queue, and the rescan still takes every file")
    func overflowBurstOverflows() throws {
        var run = try SpoolModelRun()
        for operation in [SpoolOperation.copy, .overflowBurst(count: 10), .copy] { try run.apply(operation) }
        #expect(try run.waitForQuiet(timeout: 60))
        #expect(run.daemon.stop() == 0)
        #expect(run.daemon.log.contains { $0.contains("inotify queue overflowed") })
        #expect(try run.discrepancies().isEmpty)
    }
}
