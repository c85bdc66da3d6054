extension BidirectionalCollection where Element == UInt8 {
    /// Whether these UTF-8 bytes end with the bytes of `suffix` ("ing", "'s", "\u{2019}s"), compared from the
    /// end, in place: neither is copied. A byte comparison, as a suffix of ASCII letters and apostrophes can
    /// only be spelt one way.
    @inlinable
    public func ends(with suffix: StaticString) -> Bool {
        suffix.withUTF8Buffer { suffix in
            guard count >= suffix.count else { return false }
            var index = endIndex
            for byte in suffix.reversed() {
                formIndex(before: &index)
                if self[index] != byte { return false }
            }
            return true
        }
    }
}
