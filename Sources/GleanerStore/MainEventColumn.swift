import Foundation
import GleanerEvents

/// `articles.main_event`: the article's main event as JSON with snake_case keys (as `gleaner extract --json`
/// prints it), or NULL when it has none, so that `sqlite3` users can read it with `json_extract`.
enum MainEventColumn {
    static func encode(_ event: MainEvent?) -> String? {
        guard let event else { return nil }
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(event) else { return nil }
        return String(decoding: data, as: UTF8.self)
    }

    /// The event stored by ``encode(_:)``; NULL or unreadable text gives none.
    static func decode(_ text: String?) -> MainEvent? {
        guard let text else { return nil }
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try? decoder.decode(MainEvent.self, from: Data(text.utf8))
    }
}
