/// A TimeML TIMEX3 normalisation: what kind of temporal expression it is, and its value.
///
/// Values follow TimeML: `2013-03-22`, `2013-03`, `2013`, `201` (a decade), `19` (a century), `2013-W11`,
/// `2013-W11-WE`, `2013-Q1`, `2013-SU`, `2013-03-22T14:30`, `2013-03-22TEV`, `PRESENT_REF`, `PAST_REF`,
/// `FUTURE_REF`; durations `P3D`, `P10Y`, `PT2H`, `PXY` (an unknown number of years); sets `P1W` ("every week"),
/// `XXXX-WXX-1` ("every Monday").
public struct Timex: Sendable, Hashable {
    /// The TIMEX3 `type`.
    public enum Kind: String, Sendable, Hashable, Codable {
        case date = "DATE"
        case time = "TIME"
        case duration = "DURATION"
        case set = "SET"
    }

    public var type: Kind
    public var value: String

    public init(_ type: Kind, _ value: String) {
        self.type = type
        self.value = value
    }

    /// `value` in decimal, with zeros before it to make `width` characters (`pad(7, 2)` is `07`).
    static func pad(_ value: Int, _ width: Int) -> String {
        guard (0...9999).contains(value), width <= 4 else {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return String(unsafeUninitializedCapacity: 4) { buffer in
            write(value, width: max(width, digitCount(value)), to: buffer, at: 0)
        }
    }

    /// How many decimal digits `value`, from 0 to 9999, has.
    @inline(__always)
    private static func digitCount(_ value: Int) -> Int {
        value < 10 ? 1 : value < 100 ? 2 : value < 1000 ? 3 : 4
    }

    /// Writes `value` (0 or more, at most `width` digits) as `width` decimal digits, zeros first, into `buffer` at
    /// `offset`; returns the offset after them.
    @inline(__always)
    private static func write(
        _ value: Int,
        width: Int,
        to buffer: UnsafeMutableBufferPointer<UInt8>,
        at offset: Int
    ) -> Int {
        var rest = value
        var position = offset + width
        while position > offset {
            position -= 1
            buffer[position] = UInt8(ascii: "0") + UInt8(truncatingIfNeeded: rest % 10)
            rest /= 10
        }
        return offset + width
    }

    /// `YYYY-MM-DD` of a day number.
    static func day(_ days: Int) -> String {
        let (year, month, day) = CivilCalendar.civil(days)
        guard (0...9999).contains(year) else { return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))" }
        return String(unsafeUninitializedCapacity: 10) { buffer in
            var offset = write(year, width: 4, to: buffer, at: 0)
            buffer[offset] = UInt8(ascii: "-")
            offset = write(month, width: 2, to: buffer, at: offset + 1)
            buffer[offset] = UInt8(ascii: "-")
            return write(day, width: 2, to: buffer, at: offset + 1)
        }
    }

    /// `YYYY-MM` of a month ordinal.
    static func month(_ ordinal: Int) -> String {
        let (year, month) = CivilCalendar.yearMonth(ordinal)
        guard (0...9999).contains(year) else { return "\(pad(year, 4))-\(pad(month, 2))" }
        return String(unsafeUninitializedCapacity: 7) { buffer in
            let offset = write(year, width: 4, to: buffer, at: 0)
            buffer[offset] = UInt8(ascii: "-")
            return write(month, width: 2, to: buffer, at: offset + 1)
        }
    }

    /// The ISO 8601 week holding a day: `2013-W11` (weeks start on Monday; week 1 holds the year's first Thursday).
    static func week(of days: Int) -> String {
        let thursday = days - CivilCalendar.weekday(days) + 3
        let year = CivilCalendar.civil(thursday).year
        let number = (thursday - CivilCalendar.days(year: year, month: 1, day: 1)) / 7 + 1
        return "\(pad(year, 4))-W\(pad(number, 2))"
    }

    /// The value of a resolved interval: a day, a month or a year; a decade (`1990`–`1999`) is `199`; a longer
    /// range is named by its start.
    static func value(of span: DateSpan) -> String? {
        guard span.isUsable else { return nil }
        switch span.precision {
        case .day: return day(span.start)
        case .month: return month(span.start)
        case .year:
            if span.start % 10 == 0, span.end == span.start + 9 { return pad(span.start / 10, 3) }
            return pad(span.start, 4)
        }
    }
}
