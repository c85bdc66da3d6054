import GleanerCore
import Testing

@testable import GleanerEvents

/// Names no lexicon lists, read from their capitals and their context. The names below are made up, so that
/// only the rules can find them.
@Suite("Entity recognition")
struct EntityRecognizerTests {
    static let extractor = EventExtractor(lexicon: try! Lexicon.bundled())

    /// The mentions of every sentence of `text`, read as one article, as "name/kind".
    static func mentions(_ text: String) -> [String] {
        var finder = Self.finder(text)
        var found: [String] = []
        for sentence in SentenceSplitter.sentences(text) {
            let tokens = Tokenizer.tokens(sentence.text, limit: 400, vocabulary: extractor.vocabulary)!
            for mention in finder.mentions(in: tokens) { found.append("\(mention.name)/\(mention.kind)") }
        }
        return found
    }

    /// The country of the first place `text` names.
    static func placeCountry(_ text: String) -> String? {
        var finder = Self.finder(text)
        let tokens = Tokenizer.tokens(text[...], limit: 400, vocabulary: Self.extractor.vocabulary)!
        return finder.mentions(in: tokens).first { $0.kind == .place }?.place?.country
    }

    /// A finder for the article `text`, with the bundled lexicon.
    static func finder(_ text: String) -> MentionFinder {
        MentionFinder(
            index: extractor.entities,
            lexicon: extractor.lexicon,
            vocabulary: extractor.vocabulary,
            articleText: text
        )
    }

    @Test("A title, an honorific or a noun for a person before capitalised words makes them a person")
    func titles() {
        #expect(Self.mentions("The club hired coach Tarquin Oduya on a two-year deal.") == ["Tarquin Oduya/person"])
        #expect(Self.mentions("The award went to Dr Wendel Fastrup of the clinic.").contains("Wendel Fastrup/person"))
        #expect(Self.mentions("It was signed by director Okello Marangu last year.") == ["Okello Marangu/person"])
    }

    @Test("An apposition types the name before it")
    func appositions() {
        #expect(
            Self.mentions("Shares of Veltrona Foods, the maker of oat crackers, rose sharply.")
                == ["Veltrona Foods/organisation"]
        )
        #expect(
            Self.mentions("The plan was drafted by Okonkwo Bassey, who leads the dockers.")
                == ["Okonkwo Bassey/person"]
        )
        #expect(Self.mentions("The fine was paid by Tamsin Orrell, 52, on Friday.") == ["Tamsin Orrell/person"])
    }

    @Test("Cue words inside a name make it an organisation, and may join it with of, for and and")
    func organisationCues() {
        #expect(
            Self.mentions("Brantley Holdings Inc said it would cut jobs.") == ["Brantley Holdings Inc/organisation"]
        )
        #expect(Self.mentions("Officers of the Tarvos Police arrested two men.") == ["Tarvos Police/organisation"])
        #expect(
            Self.mentions("A loan from the Bank of Kestrel Bay was approved.") == ["Bank of Kestrel Bay/organisation"]
        )
        #expect(
            Self.mentions("The Grain and Seed Marketing Board raised prices.")
                == ["Grain and Seed Marketing Board/organisation"]
        )
        #expect(Self.mentions("Fans of Dunmore United sang all night.") == ["Dunmore United/organisation"])
    }

    @Test("A preposition of place, a place noun or a place cue makes a name a place")
    func placeCues() {
        #expect(Self.mentions("Fighting spread to villages near Kelvadon on Monday.") == ["Kelvadon/place"])
        #expect(Self.mentions("Troops moved into the Varnak region overnight.") == ["Varnak/place"])
        #expect(Self.mentions("Fires burned across Tolland County for a week.") == ["Tolland County/place"])
    }

    @Test("A town before its region or country, before a noun for its people, or in a dateline is a place")
    func placesByPattern() {
        // The town takes in its region or country, and is placed in it.
        #expect(Self.mentions("A man from Marwick, Pakistan, was arrested.") == ["Marwick/place"])
        #expect(Self.placeCountry("A man from Marwick, Pakistan, was arrested.") == "PAK")
        #expect(Self.placeCountry("Jane Roe of Marwick, Pa., received a bill.") == "USA")
        #expect(Self.placeCountry("A man from Marwick, Calif., was arrested.") == "USA")
        // Without its period a state's abbreviation is a word.
        #expect(Self.mentions("Mass protests spread to the capital.").allSatisfy { !$0.hasSuffix("/place") })
        #expect(Self.mentions("A Kelvadon woman was arrested on Sunday.") == ["Kelvadon/place"])
        #expect(Self.mentions("KELVADON — A gunman opened fire on Sunday.") == ["KELVADON/place"])
    }

    @Test("A first name from the list starts a personal name")
    func firstNames() {
        #expect(
            Self.mentions("Hillary Clinton has blamed her defeat on an email affair.") == ["Hillary Clinton/person"]
        )
        #expect(Self.mentions("The report was written by Ahmed Qasrawi and two aides.") == ["Ahmed Qasrawi/person"])
    }

    @Test("A sentence-initial word is a name only if the article capitalises it inside a sentence")
    func sentenceInitialWords() {
        #expect(
            Self.mentions("Zentrix said on Monday it had hired advisers. Shares in Zentrix fell.")
                == ["Zentrix/name", "Zentrix/name"]
        )
        #expect(Self.mentions("Officials said the talks had failed.") == [])
        #expect(Self.mentions("Residents fled as the water rose.") == [])
        #expect(Self.mentions("Unknown gunmen attacked the consulate.") == [])
        #expect(Self.mentions("The town was seized by Karavi rebels.") == ["Karavi rebels/group"])
    }

    @Test("A bare surname resolves to the person named earlier in the article")
    func surnameCoreference() {
        let found = Self.mentions(
            "Coach Tarquin Oduya praised his players. Later, Oduya thanked the fans. Fans cheered Oduya's team."
        )
        #expect(found == ["Tarquin Oduya/person", "Tarquin Oduya/person", "Tarquin Oduya/person"])
    }

    @Test("An acronym resolves to the organisation that defined it, or whose initials it is")
    func acronymCoreference() {
        #expect(
            Self.mentions(
                "The Coastal Fisheries Protection Authority (CFPA) closed the bay. The CFPA fined two trawlers."
            ) == [
                "Coastal Fisheries Protection Authority/organisation",
                "Coastal Fisheries Protection Authority/organisation",
            ]
        )
        #expect(
            Self.mentions("The Northern Grain Marketing Board met. Farmers criticised the NGMB.")
                == ["Northern Grain Marketing Board/organisation", "Northern Grain Marketing Board/organisation"]
        )
    }

    @Test("Openers, months, weekdays, sentence adverbs and headlines name nobody")
    func negatives() {
        #expect(Self.mentions("The company said it would appeal.") == [])
        #expect(Self.mentions("In March, prices rose again.") == [])
        #expect(Self.mentions("However, Tuesday's vote was delayed.") == [])
        #expect(Self.mentions("Meanwhile, the Christmas sales disappointed.") == [])
        #expect(Self.mentions("Markets Tumble As Investors Flee Risky Assets Worldwide") == [])
        #expect(Self.mentions("The Cold War ended decades ago.") == [])
    }

    @Test("A recognised name is an event's actor, with its type and no country")
    func eventActor() throws {
        let published = PublicationDate(year: 2017, month: 5, day: 3, source: .commandLine)
        let article = Article(
            title: nil,
            text: "Hillary Clinton has blamed her defeat on the director of the bureau.",
            published: published
        )
        let event = try #require(Self.extractor.extract(from: article).first)
        #expect(event.actor?.name == "Hillary Clinton")
        #expect(event.actor?.kind == .person)
        #expect(event.actor?.country == nil)
    }

    @Test("A surname is the last word of a name, as splitting it at spaces finds it")
    func surname() {
        let names = ["Imran Khan", "Khan", "Imran  Khan ", " ", "", "José Martí", "Jean-Luc Picard", "Khan Imran"]
        for name in names {
            for surname in ["Khan", "Martí", "Picard", "Imran", ""] {
                #expect(
                    MentionFinder.isSurname(surname, of: name)
                        == (name.split(separator: " ").last.map(String.init) == surname)
                )
            }
        }
    }
}
