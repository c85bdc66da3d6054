import Dispatch

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The two clocks ``DedupStatistics`` reads: monotonic wall time, and the CPU time of the calling thread (what
/// the work cost, whatever else the machine is doing).
struct DedupClock {
    var wall: UInt64
    var cpu: UInt64

    /// Both clocks now.
    static func now() -> DedupClock {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return DedupClock(
            wall: DispatchTime.now().uptimeNanoseconds,
            cpu: UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
        )
    }

    /// The time from `self` to now on both clocks.
    func elapsed() -> DedupClock {
        let end = Self.now()
        return DedupClock(wall: end.wall &- wall, cpu: end.cpu &- cpu)
    }
}
