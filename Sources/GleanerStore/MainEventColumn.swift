import Foundation
import GleanerEvents

/// `articles.main_event`: the article's main event as JSON with snake_case keys (as `gleaner extract --json`
/// prints it), or NULL when it has none, so that `sqlite3` users can read it with `json_extract`.
enum MainEventColumn {
    ///
    /// Written by hand, as `JSONEncoder` with sorted snake_case keys, unescaped slashes and absent values left
    /// out would write it (a test holds the two equal): the encoder cost more than the rest of storing an
    /// article.
    static func encode(_ event: MainEvent?) -> String? {
        guard let event else { return nil }
        var json = JSONObject()
        json.add("cameo", event.cameo)
        json.add("sentence_index", raw: String(event.sentenceIndex))
        json.add("what", event.what)
        json.add("when", raw: event.when.map(encode))
        json.add("where", raw: event.where.map(encode))
        json.add("who", raw: event.who.map(encode))
        json.add("whom", raw: event.whom.map(encode))
        return json.text
    }

    static func encode(_ actor: EventActor) -> String {
        var json = JSONObject()
        json.add("country", actor.country)
        json.add("kind", actor.kind?.rawValue)
        json.add("name", actor.name)
        json.add("role", actor.role)
        json.add("text", actor.text)
        return json.text
    }

    static func encode(_ date: EventDate) -> String {
        var json = JSONObject()
        json.add("anchor", date.anchor)
        json.add("end", date.end)
        json.add("precision", date.precision)
        json.add("start", date.start)
        json.add("text", date.text)
        return json.text
    }

    static func encode(_ location: EventLocation) -> String {
        var json = JSONObject()
        json.add("country", location.country)
        json.add("name", location.name)
        return json.text
    }

    /// A JSON object written key by key, in the order added; absent values are left out.
    struct JSONObject {
        private var body = "{"

        /// The object as written so far, closed.
        var text: String { body + "}" }

        mutating func add(_ key: String, _ value: String?) {
            add(key, raw: value.map(Self.quoted))
        }

        mutating func add(_ key: String, raw value: String?) {
            guard let value else { return }
            if body.utf8.count > 1 { body += "," }
            body += "\"\(key)\":" + value
        }

        /// `value` as a JSON string, escaped as `JSONEncoder` escapes it (slashes left as they are).
        static func quoted(_ value: String) -> String {
            var quoted = "\""
            for scalar in value.unicodeScalars {
                switch scalar {
                case "\"": quoted += "\\\""
                case "\\": quoted += "\\\\"
                case "\n": quoted += "\\n"
                case "\r": quoted += "\\r"
                case "\t": quoted += "\\t"
                case "\u{08}": quoted += "\\b"
                case "\u{0C}": quoted += "\\f"
                case "\u{00}"..."\u{1F}":
                    let hex = String(scalar.value, radix: 16)
                    quoted += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                default: quoted.unicodeScalars.append(scalar)
                }
            }
            return quoted + "\""
        }
    }

    /// The event stored by ``encode(_:)``; NULL or unreadable text gives none.
    static func decode(_ text: String?) -> MainEvent? {
        guard let text else { return nil }
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try? decoder.decode(MainEvent.self, from: Data(text.utf8))
    }
}
