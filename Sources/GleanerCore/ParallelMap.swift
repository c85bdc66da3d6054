import Dispatch

extension Array where Element: Sendable {
    /// `map` spread over the machine's cores with `DispatchQueue.concurrentPerform`; results keep their order.
    /// Small arrays are mapped on the calling thread.
    public func parallelMap<Result: Sendable>(_ transform: @Sendable (Element) -> Result) -> [Result] {
        guard count >= 4 else { return map(transform) }
        let results = UnsafeMutableBufferPointer<Result?>.allocate(capacity: count)
        results.initialize(repeating: nil)
        defer {
            results.deinitialize()
            results.deallocate()
        }
        nonisolated(unsafe) let output = results
        DispatchQueue.concurrentPerform(iterations: count) { index in
            output[index] = transform(self[index])
        }
        return output.map { $0! }
    }
}
