import Foundation

/// `articles.warnings`: an article's warnings as a JSON array of strings, or NULL when it has none, so that
/// `sqlite3` users can read it with `json_each`.
enum WarningsColumn {
    /// The column value for `warnings`: `nil` (NULL) when there are none.
    static func encode(_ warnings: [String]) -> String? {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .withoutEscapingSlashes
        guard !warnings.isEmpty, let data = try? encoder.encode(warnings) else { return nil }
        return String(decoding: data, as: UTF8.self)
    }

    /// The warnings stored by ``encode(_:)``; NULL, or text that is not a JSON array of strings, gives none.
    static func decode(_ text: String?) -> [String] {
        guard let text else { return [] }
        return (try? JSONDecoder().decode([String].self, from: Data(text.utf8))) ?? []
    }
}
