import Foundation
import GleanerEvents
import Testing

@testable import GleanerStore

@Suite("The main event column: JSON as JSONEncoder writes it, read back the same")
struct MainEventColumnTests {
    /// What `JSONEncoder` writes with the column's settings: the text the column held before it was written by
    /// hand.
    static func encoderText(_ event: MainEvent) throws -> String {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(event), as: UTF8.self)
    }

    static let events: [MainEvent] = [
        MainEvent(
            who: EventActor(text: "Putin", name: "Vladimir Putin", country: "RUS", role: "President", kind: .person),
            what: "met",
            whom: EventActor(text: "Khan", name: "Imran Khan", country: "PAK", role: nil, kind: nil),
            cameo: "042",
            when: EventDate(start: "2022-02-21", end: "2022-02-27", precision: "day", text: "next week"),
            where: EventLocation(name: "Moscow", country: "RUS"),
            sentenceIndex: 3
        ),
        MainEvent(who: nil, what: "", whom: nil, cameo: nil, when: nil, where: nil, sentenceIndex: 0),
        MainEvent(
            who: EventActor(
                text: "\"Zoë\" \\ café/bar",
                name: "tab\there\nline\r\u{08}\u{0C}\u{01}\u{1F}\u{7F}",
                country: nil,
                role: "\u{2028}€😀",
                kind: .organisation
            ),
            what: "said: \"no\" — 100% / 2",
            whom: nil,
            cameo: nil,
            when: EventDate(start: "2017", end: "2017", precision: "year", text: "2017", anchor: "mtime"),
            where: EventLocation(name: "Köln", country: nil),
            sentenceIndex: 12
        ),
    ]

    @Test("Written as JSONEncoder writes it: sorted snake_case keys, absent values left out, the same escapes")
    func sameAsEncoder() throws {
        for event in Self.events {
            let text = try #require(MainEventColumn.encode(event))
            #expect(text == (try Self.encoderText(event)))
            #expect(MainEventColumn.decode(text) == event)
        }
        #expect(MainEventColumn.encode(nil) == nil)
        #expect(MainEventColumn.decode(nil) == nil)
        #expect(MainEventColumn.decode("{not json") == nil)
    }
}
