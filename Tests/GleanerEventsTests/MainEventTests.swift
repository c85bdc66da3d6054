import GleanerCore
import Testing

@testable import GleanerEvents

@Suite("The main event of an article, from its lead")
struct MainEventTests {
    static let extractor = EventExtractor(lexicon: try! Lexicon.bundled())
    static let published = PublicationDate(year: 2022, month: 2, day: 17, source: .json)

    func mainEvent(_ text: String, title: String? = nil) -> MainEvent? {
        let article = Article(title: title, text: text, published: Self.published)
        let (dated, times) = ArticleDating.dated(article)
        return Self.extractor.mainEvent(of: dated, events: Self.extractor.extract(from: dated), times: times)
    }

    @Test(
        "Events and main event read together, the lead tokenised once, are those read apart",
        arguments: ["000", "001", "002", "003", "004", "dateline"]
    )
    func readTogether(_ sample: String) throws {
        // A later lead sentence that opens with a dateline is read without it for the main event only.
        let article =
            sample == "dateline"
            ? Article(
                title: "Gunman opens fire",
                text: "Breaking news | LAS VEGAS - A gunman opened fire on a crowd on Sunday, police said. "
                    + "The police arrested him on Monday.",
                published: Self.published
            )
            : try Samples.article(sample)
        let analysed = AnalysedText(article.text)
        let (dated, times) = ArticleDating.dated(article, analysed: analysed)
        let apart = Self.extractor.extract(from: dated, times: times, analysed: analysed)
        let together = Self.extractor.eventsAndMainEvent(of: dated, times: times, analysed: analysed)
        #expect(together.events == apart)
        let main = try #require(together.mainEvent)
        #expect(main == Self.extractor.mainEvent(of: dated, events: apart, times: times, analysed: analysed))
    }

    @Test("A coded event of the first sentence: who, what, whom, CAMEO, when and where")
    func codedLead() throws {
        let main = try #require(
            mainEvent(
                "Russian President Vladimir Putin visited Pakistan on Monday for talks on a gas pipeline. "
                    + "The visit was the first in years. Officials said more talks would follow."
            )
        )
        #expect(main.who?.name == "Vladimir Putin")
        #expect(main.whom?.country == "PAK")
        #expect(main.cameo?.hasPrefix("04") == true)
        #expect(main.when?.start == "2022-02-14")
        #expect(main.sentenceIndex == 0)
    }

    @Test("Non-political news has a main event too: the lead's subject as written and its verb phrase")
    func uncodedLead() throws {
        let main = try #require(
            mainEvent(
                "Zentrix Robotics reported record profits on Tuesday as demand for warehouse machines grew. "
                    + "Analysts said Zentrix Robotics would hire more engineers."
            )
        )
        #expect(main.who?.name == "Zentrix Robotics")
        #expect(main.cameo == nil)
        #expect(main.what.hasPrefix("reported record profits"))
        #expect(main.when?.start == "2022-02-15")
    }

    @Test("A capitalised word that only starts the sentence is not taken for a name")
    func sentenceInitialWord() throws {
        let main = try #require(mainEvent("Snow fell across the region overnight, closing schools and roads."))
        #expect(main.who == nil)
        // No date anywhere: when it happened is not known, and is not guessed.
        #expect(main.when == nil)
    }

    @Test("A lead that reports a statement is about the statement: its speaker is who")
    func statements() throws {
        // What was said is a coded event of another party; the news is that the speaker said it.
        let reported = try #require(
            mainEvent(
                "U.S. President Donald Trump said on Monday that Japan would shoot down the missiles. "
                    + "The remarks came during a visit."
            )
        )
        #expect(reported.who?.name == "Donald Trump")
        #expect(reported.what.hasPrefix("said on Monday that"))
        // A quotation attributed at its end, to a name no lexicon holds.
        let quoted = try #require(
            mainEvent("“President Putin would like to stay forever,” Nadiya Okonkwo said. She is a lawyer.")
        )
        #expect(quoted.who?.name == "Nadiya Okonkwo")
        // A town or state is where, not who; a capital may stand for its government.
        let town = mainEvent("Tartu police said on Monday that a gunman killed four people in a shop.")
        #expect(town?.who?.kind != .place)
        // "United States" holds no verb "states".
        let noun = mainEvent("Two students came to the United States to study engines.")
        #expect(noun?.who?.name != "United")
    }

    @Test("Without a party in the lead: the name the title opens with, else an agent noun as the subject")
    func fallbackWho() throws {
        let titled = try #require(
            mainEvent(
                "The credit bureau secured control over 138 domains last month. Critics said Zentrix moved too late.",
                title: "Zentrix Seizes 138 Lookalike Domains"
            )
        )
        #expect(titled.who?.name == "Zentrix")
        let agent = try #require(mainEvent("A gunman opened fire at an outdoor concert on Sunday night."))
        #expect(agent.who?.name == "gunman")
        let vehicles = try #require(mainEvent("Two subway work trains have collided in a tunnel, injuring one worker."))
        #expect(vehicles.who?.name == "subway work trains")
        // A report of unnamed sources: the agent of what they say.
        let reported = try #require(mainEvent("Officials say two cargo ships have collided off the coast."))
        #expect(reported.who?.name == "cargo ships")
        // A title that opens with a country or a common word names no party.
        let place = mainEvent(
            "A woman was told she owed $284 billion. The bill came from the US provider.",
            title: "US Woman Gets $284 Billion Bill"
        )
        #expect(place?.who?.name != "US")
        #expect(place?.who?.name != "woman")
    }

    @Test("A person the lead describes is the one the next sentences name; else the speaker the title quotes")
    func describedThenNamed() throws {
        let named = try #require(
            mainEvent(
                "A Marwick woman says she was stunned by a bill of $284 billion. "
                    + "The Marwick Herald reports that Jane Roe said her eyes popped out. Officials apologised."
            )
        )
        #expect(named.who?.name == "Jane Roe")
        let aged = try #require(
            mainEvent(
                "The gunman who went on a rampage was out on bail, authorities say. "
                    + "Jack Doe, 44, killed his neighbour on Monday night."
            )
        )
        #expect(aged.who?.name == "Jack Doe")
        // An official named next is a source, not the person described.
        let official = mainEvent(
            "A man was seen near the school on Monday. Police Chief Jane Roe said officers searched the area."
        )
        #expect(official?.who?.name != "Jane Roe")
        let quoted = try #require(
            mainEvent("The suspect had no record before the attack.", title: "Suspect was 'paranoid', police say")
        )
        #expect(quoted.who?.name == "police")
        let inverted = try #require(
            mainEvent("The class action opens later this month.", title: "\"No reason\" for class action, says Zentrix")
        )
        #expect(inverted.who?.name == "Zentrix")
    }

    @Test("Statements after an auxiliary, labels without a verb, and subjects after a quantity")
    func leadShapes() throws {
        let admitted = try #require(
            mainEvent("Credit company Zentrix has admitted that 15 million customers had their details stolen.")
        )
        #expect(admitted.who?.name == "Zentrix")
        // A day before the verb is no speaker ("the agency Friday disclosed").
        let day = mainEvent("Already under investigation, the agency Friday disclosed that it is probing the firm.")
        #expect(day?.who?.name != "Friday")
        // A line without a verb labels the story; the lead is the next sentence.
        let labelled = try #require(mainEvent("Zentrix Daily\nA gunman opened fire at a concert on Sunday night."))
        #expect(labelled.who?.name == "gunman")
        let owners = try #require(
            mainEvent("A small number of smartphone owners have claimed that their screens show a green line.")
        )
        #expect(owners.who?.name == "smartphone owners")
        // The title's subject when the lead has none: headlines are in the present tense.
        let ship = try #require(
            mainEvent(
                "The accident happened late Tuesday on the Rhine. Four people were taken to hospital.",
                title: "Germany: Rhine cruise ship hits bridge pylon"
            )
        )
        #expect(ship.who?.name == "Rhine cruise ship")
        // A dateline the splitter cuts after "Pa." is still no sentence.
        let dateline = try #require(mainEvent("ERIE, Pa. (AP) - A woman says she was billed $284 billion."))
        #expect(dateline.what.hasPrefix("says"))
        #expect(dateline.sentenceIndex == 0)
    }

    @Test("Where: a country after a preposition of place, or a place named as a modifier; not a destination")
    func wherePlaces() throws {
        let country = try #require(mainEvent("Zentrix Robotics was fined in Germany on Monday for dumping waste."))
        #expect(country.where?.country == "DEU")
        let modifier = try #require(mainEvent("A Moscow court jailed Zentrix Robotics' chief on Monday."))
        #expect(modifier.where?.name == "Moscow")
        // A state acting where no place is named acts at home.
        let home = try #require(mainEvent("Russia tested a new missile on Monday, its ministry said."))
        #expect(home.where?.country == "RUS")
        let counted = try #require(mainEvent("Authorities say two New York City subway trains have collided."))
        #expect(counted.where?.name == "New York")
        let resident = try #require(
            mainEvent("When the Marwick, Pa., resident checked her bill online, she saw $284 billion.")
        )
        #expect(resident.where?.name == "Marwick")
        #expect(resident.where?.country == "USA")
        let destination = mainEvent("Zentrix Robotics shipped its first machines to Germany on Monday.")
        #expect(destination?.where == nil)
    }

    @Test("A wire dateline says where the story was filed: no party, but the place when the lead names none")
    func wireDateline() throws {
        let main = try #require(
            mainEvent(
                "BERLIN (Reuters) — Zentrix Robotics opened a warehouse on Tuesday, the company said. "
                    + "Shares of Zentrix Robotics rose."
            )
        )
        #expect(main.who?.name == "Zentrix Robotics")
        #expect(main.where?.country == "DEU")
        // The dateline is the event's place, not its actor.
        let arrest = try #require(
            Self.extractor.extract(
                from: Article(
                    title: nil,
                    text: "MOSCOW — Police arrested a Ukrainian diplomat on Sunday.",
                    published: Self.published
                )
            ).first
        )
        #expect(arrest.actor?.text != "MOSCOW")
        #expect(arrest.target?.country == "UKR")
        #expect(arrest.location?.name == "Moscow")
    }

    @Test(
        "Wire datelines are read; other openings are not",
        arguments: [
            ("BERLIN — A tourist ship struck a bridge.", "BERLIN"),
            ("LONDON (Reuters) - Prices rose.", "LONDON"),
            ("ERIE, Pa. — Snow continues to fall.", "ERIE"),
            ("NEW YORK (AP) — Two trains collided.", "NEW YORK"),
            ("KABUL: Officials said on Monday.", "KABUL"),
            ("OSLO, Norway, Oct 19 (Reuters) - Prices rose.", "OSLO"),
            ("By Jane Doe\nOSLO, Norway, Oct 19 (Reuters) - Prices rose.", "OSLO"),
            ("ERIE, Pa. (AP) - Snow continues to fall.", "ERIE"),
            ("By the way\nnothing fell.", nil),
            ("US officials said on Monday - nothing more.", nil),
            ("A tourist ship — the Swiss Crystal — struck a bridge.", nil),
            ("I - for one - disagree.", nil),
        ] as [(String, String?)]
    )
    func wireDatelines(text: String, place: String?) {
        #expect(WireDateline(text)?.place == place)
    }

    @Test("When: not a deadline after publication, the report's own day, a photo caption, or background")
    func whenRules() throws {
        // "must pay by November" is a deadline; the lead's later sentence says when.
        let deadline = try #require(
            mainEvent(
                "A woman in Ohio was told she owed $284 billion and must pay by November 2023. "
                    + "The bill arrived on Monday."
            )
        )
        #expect(deadline.when?.start == "2022-02-14")
        // "police said Wednesday" dates the report; the crash was on Tuesday evening.
        let report = try #require(
            mainEvent(
                "A tourist ship struck a bridge on the Rhine, police said Wednesday. "
                    + "The ship hit a pillar on Tuesday evening."
            )
        )
        #expect(report.when?.start == "2022-02-15")
        // A caption dates the photograph; a year named as background is no date of the news.
        let caption = try #require(
            mainEvent(
                "Zentrix Robotics has yet to fix 390,000 machines, a committee said. "
                    + "A machine stands in a yard in Leeds, Britain May 5, 2016. REUTERS/Jane Doe. "
                    + "The company was founded in 2009."
            )
        )
        #expect(caption.when == nil)
        // A credit in brackets after the caption's sentence makes it a caption too; "by" a day is a deadline.
        let credited = try #require(
            mainEvent(
                "Zentrix Robotics' chief testifies before a committee on February 8, 2022 in Washington. "
                    + "(Photo by Jane Doe/Agency)\nZentrix Robotics will update its notice by February 28."
            )
        )
        #expect(credited.when == nil)
        // The caption is not the news either: its person is not who.
        #expect(credited.who?.name != "Jane Doe")
        #expect(credited.sentenceIndex != 0)
        // "this year" says nothing a reader does not know; Monday does.
        let vague = try #require(
            mainEvent("A gunman who was released this year opened fire at a school. He had killed a neighbour Monday.")
        )
        #expect(vague.when?.start == "2022-02-14")
        // Another year, a quarter or a season is the background of the news or the period a report covers.
        for lead in [
            "Zentrix Robotics recalled 2,000 machines it sold in 2019.",
            "A gorilla was shot at a zoo a year ago, and the zoo has reopened its enclosure.",
            "Zentrix Robotics reported record sales in the fourth quarter of 2021.",
            "Zentrix Robotics will open a plant in Leeds in the summer.",
        ] {
            #expect(try #require(mainEvent(lead)).when == nil, "\(lead)")
        }
        // A date in a clause of "since" says where a state began, not when the news happened.
        let since = try #require(
            mainEvent(
                "Executives on Zentrix's first earnings call since it disclosed a massive breach in January "
                    + "detailed a hard quarter for the company."
            )
        )
        #expect(since.when == nil)
        let sinceAndDay = try #require(
            mainEvent("Zentrix, in trouble since January, apologised for the breach on Monday.")
        )
        #expect(sinceAndDay.when?.start == "2022-02-14")
        let framed = try #require(
            mainEvent(
                "Zentrix has not launched a product for 60 days. "
                    + "Since its founder left in 2011, only five launches have taken place in January."
            )
        )
        #expect(framed.when?.start != "2022-01-01")
        let concession = try #require(
            mainEvent("The scandal has hit Zentrix's profits, despite strong sales in January.")
        )
        #expect(concession.when == nil)
        // A week that is over is narrowed to the day the body names in it; a week still running is not.
        let lastWeek = try #require(
            mainEvent(
                "Zentrix Robotics installed the last of 40 machines in Leeds last week. "
                    + "Engineers from three countries worked on the plant. "
                    + "The last machine was switched on on Wednesday, Feb. 9."
            )
        )
        #expect(lastWeek.when?.start == "2022-02-09")
        #expect(lastWeek.when?.end == "2022-02-09")
        let thisWeek = try #require(
            mainEvent(
                "Zentrix Robotics recalled 2,000 machines this week. The first were collected on Tuesday."
            )
        )
        #expect(thisWeek.when?.start == "2022-02-14")
        #expect(thisWeek.when?.end == "2022-02-20")
    }

    @Test("A title's name is written inside a sentence: after a lower-case word or a comma, before a non-letter")
    func writtenInside() {
        #expect(EventExtractor.isWrittenInside("Equifax", in: "Hackers hit Equifax. More later."))
        #expect(EventExtractor.isWrittenInside("Equifax", in: "In March, Equifax said"))
        #expect(EventExtractor.isWrittenInside("Dvořák", in: "the orchestra played Dvořák"))
        #expect(EventExtractor.isWrittenInside("Zoë", in: "the owner of the café Zoë, which"))
        #expect(!EventExtractor.isWrittenInside("Equifax", in: "Equifax said it was hacked. The Equifaxes."))
        #expect(!EventExtractor.isWrittenInside("Equifax", in: "The breach. Equifax said"))
        #expect(!EventExtractor.isWrittenInside("Zo", in: "they met Zoë there"))
        #expect(!EventExtractor.isWrittenInside("Zoë", in: "the CAFÉ Zoë was shut"))
        #expect(!EventExtractor.isWrittenInside("", in: "an empty name"))
    }

    @Test(
        "TIMEX3 values as event dates",
        arguments: [
            ("2017", "2017", "2017", "year"),
            ("2017-11", "2017-11", "2017-11", "month"),
            ("2017-11-26", "2017-11-26", "2017-11-26", "day"),
            ("2017-11-26TMO", "2017-11-26", "2017-11-26", "day"),
            ("2017-11-26T14:30", "2017-11-26", "2017-11-26", "day"),
            ("2017-W45", "2017-11-06", "2017-11-12", "day"),
            ("2021-W01", "2021-01-04", "2021-01-10", "day"),
            ("2017-W45-WE", "2017-11-11", "2017-11-12", "day"),
            ("2017-Q3", "2017-07", "2017-09", "month"),
            ("2017-H2", "2017-07", "2017-12", "month"),
            ("2017-WI", "2017-12", "2018-02", "month"),
            ("2017-SU", "2017-06", "2017-08", "month"),
            ("201", "2010", "2019", "year"),
        ]
    )
    func timexValues(value: String, start: String, end: String, precision: String) throws {
        let date = try #require(EventDate(timexValue: value, text: "", anchor: "published"))
        #expect(date.start == start)
        #expect(date.end == end)
        #expect(date.precision == precision)
    }

    @Test(
        "TIMEX3 values that name no interval give no event date",
        arguments: ["PRESENT_REF", "XXXX-WI", "P1D", "2017-13", "2017-02-30"]
    )
    func noInterval(value: String) {
        #expect(EventDate(timexValue: value, text: "", anchor: "published") == nil)
    }
}
