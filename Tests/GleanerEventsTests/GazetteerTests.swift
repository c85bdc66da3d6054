import Foundation
import GleanerCore
import Testing

@testable import GleanerEvents

/// The generated gazetteer (places-cities.tsv, places-subdivisions.tsv): its places are found with their
/// country, names that are ordinary words are not, and the hand-curated entries still win.
@Suite("Gazetteer")
struct GazetteerTests {
    static let lexicon = try! Lexicon.bundled()
    static let extractor = EventExtractor(lexicon: lexicon)
    static let published = PublicationDate(year: 2022, month: 2, day: 14, source: .commandLine)

    func events(_ text: String) -> [ExtractedEvent] {
        Self.extractor.extract(from: Article(title: nil, text: text, published: Self.published))
    }

    func place(_ name: String) -> Lexicon.Place? {
        Self.lexicon.places.first { $0.name == name || $0.aliases.contains(name) }
    }

    @Test("The generated files are bundled, after the hand-curated places")
    func bundled() throws {
        #expect(Self.lexicon.places.count > 20_000)
        let handCurated = try #require(Self.lexicon.places.firstIndex { $0.name == "Islamabad" })
        let generated = try #require(Self.lexicon.places.firstIndex { $0.name == "Tartu" })
        #expect(handCurated < generated)
    }

    @Test("The compiled gazetteer is the text of the generated TSV files")
    func compiledMatchesFiles() throws {
        let folder = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources/GleanerEvents/Resources/lexicon")
        for (name, compiled) in [
            ("places-cities.tsv", GeneratedGazetteer.placesCities),
            ("places-subdivisions.tsv", GeneratedGazetteer.placesSubdivisions),
        ] {
            let file = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            #expect(file == compiled + "\n", "\(name) differs: run scripts/lexicon/generate-gazetteer.py")
        }
    }

    @Test("A city only the generated gazetteer knows is the place of an event, with its country")
    func generatedCity() throws {
        #expect(place("Tartu")?.country == "EST")
        let event = try #require(
            events("The Estonian president met the Latvian prime minister in Tartu on Monday.").first
        )
        #expect(event.location?.name == "Tartu")
        #expect(event.location?.country == "EST")
    }

    @Test("Plain-letter spellings of names with diacritics are aliases")
    func foldedAlias() {
        #expect(place("Zurich")?.country == "CHE" || place("Zürich")?.country == "CHE")
        #expect(place("Liege") == nil || place("Liege")?.country == "BEL")
    }

    @Test(
        "Towns named like English words or common first names are left out",
        arguments: ["Mobile", "Nice", "Reading", "Bath", "Split", "Jackson", "Lincoln", "Independence", "Union"]
    )
    func commonWordsLeftOut(_ name: String) {
        #expect(place(name) == nil, "\(name)")
    }

    @Test("An excluded town named like a word is no gazetteer place: it gets no country")
    func excludedNotFound() {
        let event = events("The Russian foreign minister met the Chinese ambassador in Reading on Monday.").first
        #expect(event != nil)
        // Capitalised after "in", entity recognition may still read it as a place, but of no known country.
        #expect(event?.location?.country == nil)
    }

    @Test("A generated place is found only when capitalised")
    func capitalisedOnly() throws {
        let capitalised = try #require(events("The Estonian president met the Latvian prime minister in Tartu.").first)
        #expect(capitalised.location?.name == "Tartu")
        let lower = events("The Estonian president met the Latvian prime minister in tartu.").first
        #expect(lower?.location?.name != "Tartu")
    }

    @Test("US states and other subdivisions resolve to their country")
    func subdivisions() {
        #expect(place("Nebraska")?.country == "USA")
        #expect(place("Ohio")?.country == "USA")
        #expect(place("Paktiyā")?.country == "AFG")
        #expect(place("Paktiya")?.country == "AFG")
        #expect(place("Mizoram")?.country == "IND")
        #expect(place("Ontario")?.country == "CAN")
    }

    @Test("Hand-curated names win: the generated files do not repeat them")
    func handCuratedWins() {
        let generated = Self.lexicon.places.filter { $0.name == "Islamabad" || $0.aliases.contains("Islamabad") }
        #expect(generated.count == 1)
        #expect(generated.first?.isCapital == true)
    }

    @Test("No generated name has fewer than three letters, but for a state's abbreviation with its period")
    func noShortNames() {
        for place in Self.lexicon.places {
            for name in [place.name] + place.aliases where !name.hasSuffix(".") {
                #expect(name.filter(\.isLetter).count >= 3, "\(name)")
            }
        }
        let pennsylvania = Self.lexicon.places.first { $0.name == "Pennsylvania" }
        #expect(pennsylvania?.aliases.contains("Pa.") == true)
        #expect(Self.lexicon.places.contains { $0.name == "North Carolina" && $0.aliases == ["N.C."] })
    }
}
