import Foundation
import GRDB
import GleanerCore

/// What placing articles in stories keeps in memory during one write transaction: the document frequencies
/// (``StoryTermCounts``) and the profiles of the stories read or written, so that a story scored by many
/// articles of a batch is read and decoded once. ``flush(in:)`` writes the frequencies and forgets the profiles.
final class StoryBatch {
    let terms = StoryTermCounts()
    /// Profiles decoded from the database or from ``written``.
    private var profiles: [Int64: StoryProfile] = [:]
    /// The bytes last written for a story, decoded when it is next read: the profile is then exactly what the
    /// database would give.
    private var written: [Int64: [UInt8]] = [:]

    /// The profile of `story` as the transaction sees it, or nil when it has none that can be read.
    func profile(of story: Int64, in db: Database) throws -> StoryProfile? {
        if let profile = profiles[story] { return profile }
        let profile: StoryProfile?
        if let bytes = written.removeValue(forKey: story) {
            profile = StoryProfile(bytes: bytes)
        } else {
            profile = try Data.fetchOne(
                db.cachedStatement(sql: "SELECT profile FROM stories WHERE id = ?"),
                arguments: [story]
            ).flatMap { StoryProfile(bytes: $0) }
        }
        profiles[story] = profile
        return profile
    }

    /// Records the bytes just written to `stories.profile` for `story`.
    func wrote(_ bytes: [UInt8], for story: Int64) {
        profiles[story] = nil
        written[story] = bytes
    }

    /// Writes the frequencies counted since the last flush and forgets the profiles (a long rebuild flushes
    /// every thousand articles, so that they stay few).
    func flush(in db: Database) throws {
        try terms.flush(in: db)
        profiles.removeAll(keepingCapacity: true)
        written.removeAll(keepingCapacity: true)
    }
}
