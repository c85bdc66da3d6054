extension PublicationDate {
    /// The days an article offers as its publication day, and the one that is taken: the first present, in the
    /// order of the fields below. Each reader fills in what its format has; the file's modification time is always
    /// there.
    public struct Candidates: Sendable, Hashable {
        /// What the article states: a `Date:` header, or a JSON publication date.
        public var stated: PublicationDate?
        /// A dateline (` date 2022-01-24 ISLAMABAD: …`).
        public var dateline: PublicationDate?
        /// When a crawler downloaded the page (JSON `date_download`).
        public var downloaded: PublicationDate?
        /// When the page last changed (JSON `date_modify`).
        public var modified: PublicationDate?
        /// The file's modification time.
        public var fileModificationTime: PublicationDate

        public init(
            stated: PublicationDate? = nil,
            dateline: PublicationDate? = nil,
            downloaded: PublicationDate? = nil,
            modified: PublicationDate? = nil,
            fileModificationTime: PublicationDate
        ) {
            self.stated = stated
            self.dateline = dateline
            self.downloaded = downloaded
            self.modified = modified
            self.fileModificationTime = fileModificationTime
        }

        /// The publication day: the first candidate present. Its ``PublicationDate/source`` records which it was.
        ///
        /// A day inferred from the text would come between ``modified`` and ``fileModificationTime``.
        public var chosen: PublicationDate {
            stated ?? dateline ?? downloaded ?? modified ?? fileModificationTime
        }
    }

    /// The earliest year taken as a publication date; earlier ones are mistakes (a zero time stamp, a birth date).
    public static let earliestPlausibleYear = 1900

    /// Why this day cannot be the publication day of an article that existed on `reference` (its download day or
    /// the file's modification time, named by `referenceName`): before 1900, or more than a day after it (a day of
    /// leeway for time zones). `nil` when it can.
    public func implausibility(reference: PublicationDate, referenceName: String) -> String? {
        if year < Self.earliestPlausibleYear { return "is before \(Self.earliestPlausibleYear)" }
        if daysSince1970 > reference.daysSince1970 + 1 {
            return "is more than a day after \(referenceName) (\(reference))"
        }
        return nil
    }
}
