/// The GDELT 2.0 event table (the `.export.CSV` files: tab-separated, 61 columns, no header), filled from
/// Gleaner's merged events where Gleaner has the data and empty where it has not. The README lists the mapping.
public enum GDELTEvent {
    /// The 61 columns of the GDELT 2.0 event table, in order (GDELT Event Codebook V2.0).
    public static let columns: [String] =
        ["GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate"]
        + actorColumns("Actor1") + actorColumns("Actor2")
        + [
            "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
            "NumMentions", "NumSources", "NumArticles", "AvgTone",
        ]
        + geographyColumns("Actor1Geo") + geographyColumns("Actor2Geo") + geographyColumns("ActionGeo")
        + ["DATEADDED", "SOURCEURL"]

    static func actorColumns(_ actor: String) -> [String] {
        [
            "Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code", "Religion2Code",
            "Type1Code", "Type2Code", "Type3Code",
        ].map { actor + $0 }
    }

    static func geographyColumns(_ prefix: String) -> [String] {
        ["Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID"].map {
            prefix + "_" + $0
        }
    }

    /// Appends one tab-separated line (tabs and line breaks inside a field become spaces).
    public static func append(_ fields: [String], to output: inout String) {
        for (index, field) in fields.enumerated() {
            if index > 0 { output.append("\t") }
            if field.utf8.contains(where: { $0 == 9 || $0 == 10 || $0 == 13 }) {
                output.append(String(field.map { $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" ? " " : $0 }))
            } else {
                output.append(field)
            }
        }
        output.append("\n")
    }

    /// Reads the GDELT fields from a row of ``ExportTable/events``, by column name.
    public struct Mapping: Sendable {
        let position: [String: Int]

        /// - Parameter columns: the event table's column names, in row order.
        public init(columns: [String]) {
            position = Dictionary(uniqueKeysWithValues: columns.enumerated().map { ($1, $0) })
        }

        func value(_ row: [ExportValue], _ column: String) -> String {
            guard let index = position[column] else { return "" }
            return row[index].text ?? ""
        }

        /// The 61 fields of ``GDELTEvent/columns`` for one event row.
        public func fields(of row: [ExportValue]) -> [String] {
            var fields: [String: String] = [:]
            fields["GLOBALEVENTID"] = value(row, "id")
            // The event's own date, else the publication date of the first article that reported it, each only
            // as precise as it is: a day fills SQLDATE, MonthYear, Year and FractionDate; a month MonthYear and
            // Year; a year Year. The day Gleaner stored it is DATEADDED, never the event's date.
            // A week, quarter or range given as its first day is only known to the month.
            let start = value(row, "date_start")
            let eventDate =
                value(row, "date_precision") == "day" || !GDELTEvent.isDay(start) ? start : String(start.prefix(7))
            let dates = [eventDate, value(row, "first_article_published")]
            if let day = dates.first(where: GDELTEvent.isDay) {
                let digits = day.filter(\.isNumber)
                fields["SQLDATE"] = digits
                fields["FractionDate"] = GDELTEvent.fractionDate(day)
            }
            if let month = dates.first(where: { GDELTEvent.isDay($0) || GDELTEvent.isMonth($0) }) {
                fields["MonthYear"] = String(month.filter(\.isNumber).prefix(6))
            }
            if let year = dates.first(where: { $0.count >= 4 && Int($0.prefix(4)) != nil }) {
                fields["Year"] = String(year.prefix(4))
            }
            for (actor, prefix) in [("Actor1", "actor"), ("Actor2", "target")] {
                let country = value(row, prefix + "_country")
                // A CAMEO actor code starts with the actor's country; Gleaner codes no role or group part.
                fields[actor + "Code"] = country
                fields[actor + "Name"] = value(row, prefix + "_name").uppercased()
                fields[actor + "CountryCode"] = country
            }
            let cameo = value(row, "cameo")
            fields["EventCode"] = cameo
            fields["EventBaseCode"] = String(cameo.prefix(3))
            fields["EventRootCode"] = value(row, "root")
            fields["QuadClass"] = value(row, "quad_class")
            fields["NumMentions"] = value(row, "num_mentions")
            fields["NumArticles"] = value(row, "num_articles")
            // GDELT's geography country codes are FIPS 10-4; Gleaner knows ISO 3166 alpha-3, so only the name.
            fields["ActionGeo_FullName"] = value(row, "location_name")
            fields["DATEADDED"] = GDELTEvent.timestamp(value(row, "first_seen"))
            fields["SOURCEURL"] = value(row, "source_url")
            return GDELTEvent.columns.map { fields[$0] ?? "" }
        }
    }

    /// `YYYY-MM` with a real month.
    static func isMonth(_ text: String) -> Bool {
        let parts = text.split(separator: "-")
        guard text.count == 7, parts.count == 2, Int(parts[0]) != nil, let month = Int(parts[1]) else { return false }
        return (1...12).contains(month)
    }

    /// `YYYY-MM-DD` with a real month and day.
    static func isDay(_ text: String) -> Bool {
        let parts = text.split(separator: "-")
        guard text.count == 10, parts.count == 3, let month = Int(parts[1]), let day = Int(parts[2]),
            Int(parts[0]) != nil
        else { return false }
        return (1...12).contains(month) && (1...31).contains(day)
    }

    /// GDELT's FractionDate: the year plus the day of the year over 365, to four decimals, as GDELT computes
    /// it (`2019-01-25` → `2019.0685`, `2022-02-23` → `2022.1479`).
    static func fractionDate(_ day: String) -> String {
        let parts = day.split(separator: "-").compactMap { Int($0) }
        let (year, month, dayOfMonth) = (parts[0], parts[1], parts[2])
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let before = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334][month - 1]
        let dayOfYear = before + dayOfMonth + (leap && month > 2 ? 1 : 0)
        let fraction = min(9_999, Int((Double(dayOfYear) / 365 * 10_000).rounded()))
        let digits = String(fraction)
        return "\(year)." + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    /// `2026-11-22T18:16:43.807Z` → `20261122181643` (GDELT's DATEADDED, UTC).
    static func timestamp(_ iso: String) -> String {
        let digits = iso.prefix(19).filter(\.isNumber)
        return digits.count == 14 ? String(digits) : ""
    }
}
