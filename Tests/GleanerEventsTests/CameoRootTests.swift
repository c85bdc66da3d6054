import GleanerCore
import Testing

@testable import GleanerEvents

/// Every CAMEO root fires on the verbs news uses for it: inflected verbs, phrasal verbs, passives and
/// nominalisations ("the arrest of", "talks with"); and words that only look like triggers do not fire.
@Suite("CAMEO roots")
struct CameoRootTests {
    static let extractor = EventExtractor(lexicon: try! Lexicon.bundled())

    /// The CAMEO roots of the events extracted from one sentence.
    static func roots(_ sentence: String) -> [String] {
        let article = Article(
            title: nil,
            text: sentence,
            published: PublicationDate(year: 2024, month: 3, day: 4, source: .commandLine)
        )
        return extractor.extract(from: article).map(\.root)
    }

    /// (root, sentence): the sentence must report an event of that root.
    static let reported: [(String, String)] = [
        // 01 Make public statement
        ("01", "Russia announced a new naval doctrine on Monday."),
        ("01", "France declared its neutrality."),
        // 02 Appeal
        ("02", "Germany urged Iran to resume the inspections."),
        ("02", "Kenya appealed to donors for help after the floods."),
        ("02", "Japan made an urgent plea for calm to China."),
        // 03 Express intent to cooperate
        ("03", "Japan pledged to rebuild the port in Sri Lanka."),
        ("03", "India has promised aid to Nepal."),
        ("03", "Iran vowed to cooperate with the inspectors."),
        // 04 Consult
        ("04", "Egypt held talks with Israel on Tuesday."),
        ("04", "The Chinese foreign minister visited Pakistan."),
        ("04", "The talks with Iran resumed in Vienna."),
        ("04", "The Indian president's visit to Brazil ended on Friday."),
        ("04", "The meeting with Mexico lasted three hours."),
        // 05 Engage in diplomatic cooperation
        ("05", "France praised Germany for its leadership."),
        ("05", "Turkey and Greece signed an agreement on migration."),
        ("05", "Spain congratulated Portugal on the election."),
        // 06 Engage in material cooperation
        ("06", "Norway exports gas to Poland."),
        ("06", "Israel shared intelligence with Jordan."),
        // 07 Provide aid
        ("07", "Canada provided humanitarian aid to Haiti."),
        ("07", "Sweden granted asylum to a dissident from Belarus."),
        ("07", "Military aid to Ukraine from Germany reached a record."),
        // 08 Yield
        ("08", "Russia withdrew its troops from Georgia."),
        ("08", "The rebels surrendered to the army of Chad."),
        ("08", "Egypt eased its blockade of Gaza."),
        ("08", "Peru's prime minister resigned on Sunday."),
        ("08", "Iran released two British sailors."),
        ("08", "Two journalists were released by Iran."),
        ("08", "The withdrawal of troops from Mali was completed."),
        // 09 Investigate
        ("09", "Brazil launched an investigation into the deaths."),
        ("09", "Kenyan police are investigating the fire."),
        ("09", "An inquiry into the sinking of the ferry was opened by South Korea."),
        ("09", "France is looking into the claims."),
        // 10 Demand
        ("10", "Poland demanded that Russia return the ship."),
        ("10", "Turkey repeated its demand that Sweden hand over the suspects."),
        ("10", "Serbia insisted on a new vote."),
        // 11 Disapprove
        ("11", "China criticised Australia over the report."),
        ("11", "Iran was condemned by the United Nations."),
        ("11", "Japan lodged a complaint with South Korea."),
        ("11", "Chile's criticism of Peru angered Lima."),
        ("11", "Venezuela accused Colombia of harbouring rebels."),
        ("11", "Bolivia is suing Chile over the river."),
        // 12 Reject
        ("12", "Hungary rejected the proposal from Brussels."),
        ("12", "Israel refused to withdraw from the town."),
        ("12", "Iran's rejection of the offer surprised Oman."),
        ("12", "Cuba dismissed the allegations by the United States."),
        // 13 Threaten
        ("13", "North Korea threatened to attack Japan."),
        ("13", "Russia warned Ukraine against joining the alliance."),
        ("13", "The threats against Taiwan by China worried Japan."),
        // 14 Protest
        ("14", "The unions of France staged a strike against the pension law."),
        ("14", "A protest against the war was held in Moscow."),
        ("14", "Thousands demonstrated against the government in Serbia."),
        // 15 Exhibit force posture
        ("15", "Russia mobilised 300,000 reservists."),
        ("15", "Britain deployed troops to Estonia."),
        ("15", "China put its forces on high alert."),
        // 16 Reduce relations
        ("16", "Morocco cut ties with Iran."),
        ("16", "The European Union imposed sanctions on Belarus."),
        ("16", "New sanctions against Syria took effect."),
        // 17 Coerce
        ("17", "Egyptian police arrested a journalist."),
        ("17", "The journalist was arrested by Turkish police."),
        ("17", "The arrest of the opposition leader by Russia drew wide attention."),
        ("17", "Belarus deported two Polish activists."),
        ("17", "Iran seized a tanker in the Gulf."),
        // 18 Assault
        ("18", "Gunmen kidnapped three aid workers in Nigeria."),
        ("18", "The kidnapping of two Italian engineers in Libya ended after a week."),
        ("18", "Afghanistan suffered a suicide bombing in Kabul."),
        ("18", "Gunmen assassinated a Haitian senator."),
        // 19 Fight
        ("19", "Israel bombed targets in Gaza."),
        ("19", "Fighting between Armenia and Azerbaijan resumed."),
        ("19", "Ukraine shelled Russian positions."),
        ("19", "The army of Sudan clashed with rebels near Khartoum."),
        ("19", "The invasion of Kuwait by Iraq began in 1990."),
        // 20 Use unconventional mass violence
        ("20", "Serbian forces massacred civilians in Bosnia."),
        ("20", "The massacre of villagers by Burundian troops shocked Rwanda."),
        ("20", "Syria used chemical weapons against civilians."),
    ]

    @Test("A sentence reports an event of its CAMEO root", arguments: reported)
    func fires(root: String, sentence: String) {
        #expect(Self.roots(sentence).contains(root), "\(sentence) gave \(Self.roots(sentence))")
    }

    /// (root, sentence): a word that looks like a trigger of that root, used for something else.
    static let lookalikes: [(String, String)] = [
        ("10", "Demand for oil in China rose last year."),
        ("05", "Officials in Canada had to deal with the flood."),
        ("05", "Signs of recovery appeared in the economy of Brazil."),
        ("10", "In order to cut costs, Italy sold shares in its airline."),
        ("18", "The cricket team of India beat Australia."),
        ("17", "Security forces in Peru were on patrol."),
        ("07", "Germany's finance minister presented the budget."),
        ("13", "Climate change is a threat to Bangladesh."),
        ("04", "Parties in Spain prepare for the talks."),
        ("06", "Trade between Chile and Peru grew."),
        ("10", "We must hurry, Brazil's coach in Qatar wrote."),
        ("17", "Secretary-General Ban Ki-moon made a trip to Japan."),
        ("06", "Irish exports fell sharply last year."),
        ("10", "Japan insisted that North Korea was still building missiles."),
        ("12", "A data breach at a bank in Chile exposed its clients."),
        ("14", "Prices in Britain rose in March against expectations."),
        ("14", "March was the wettest month in Ireland."),
    ]

    @Test("A lookalike word reports no event of that root", arguments: lookalikes)
    func doesNotFire(root: String, sentence: String) {
        #expect(!Self.roots(sentence).contains(root), "\(sentence) gave \(Self.roots(sentence))")
    }

    @Test("A party or celebration is not an event")
    func celebration() {
        #expect(Self.roots("The party in Berlin celebrated its anniversary with a concert.").isEmpty)
    }

    @Test("A nominal event about which the verb reports is not a second event")
    func nominalTopic() {
        #expect(Self.roots("Germany condemned the arrest of the journalist by Iran.") == ["11"])
    }

    @Test("An announcement of another event is not an event of its own")
    func announcement() {
        #expect(Self.roots("Russia announced that it had withdrawn its troops from Georgia.") == ["08"])
    }

    /// (sentence, roots): the events a sentence reports, with declared intents, speech acts and their content.
    static let coded: [(String, [String])] = [
        ("Armenia said it would pull its troops back from the border.", ["03"]),
        ("Nepal says it is ready to hold talks with India.", ["03"]),
        ("Kenya said it would boycott the summit in Uganda.", ["13"]),
        ("Qatar threatened to cut ties with Bahrain.", ["13"]),
        ("Lithuania said Belarus must hand back the trucks.", ["10"]),
        ("Brazil refused to send troops to Haiti.", ["12"]),
        ("Poland demanded that Belarus release the detained journalists.", ["10"]),
        ("Hungary rejected an offer from Austria to host the summit.", ["12"]),
        ("Kenya will pull its peacekeepers out of Somalia unless it is paid, officials said.", ["13"]),
        ("Imran Khan will visit Russia next week.", ["04"]),
        ("Serbia and Kosovo failed to agree a deal on licence plates.", ["12"]),
        ("Serbia did not sign the treaty with Kosovo.", ["12"]),
        ("Farmers from Poland marched in Warsaw, calling for an end to the imports.", ["14"]),
    ]

    @Test("Declared intents, threats, reported musts and speech acts with their content", arguments: coded)
    func codes(sentence: String, roots: [String]) {
        #expect(Self.roots(sentence) == roots)
    }

    @Test("A reported must makes its subject the target and the speaker the actor")
    func reportedMust() {
        let article = Article(
            title: nil,
            text: "Lithuania said Belarus must hand back the trucks.",
            published: PublicationDate(year: 2024, month: 3, day: 4, source: .commandLine)
        )
        let event = Self.extractor.extract(from: article).first
        #expect(event?.cameo == "100")
        #expect(event?.actor?.country == "LTU")
        #expect(event?.target?.country == "BLR")
    }

    @Test("A nominalisation takes its agent after by and its target after its preposition")
    func nominalParties() {
        let article = Article(
            title: nil,
            text: "The arrest of a French journalist by Iran drew wide attention.",
            published: PublicationDate(year: 2024, month: 3, day: 4, source: .commandLine)
        )
        let event = Self.extractor.extract(from: article).first
        #expect(event?.root == "17")
        #expect(event?.actor?.country == "IRN")
        #expect(event?.target?.country == "FRA")
    }

    @Test("The country of a proposal is the target of its rejection; a group in a country acts for it")
    func proposalsAndGroups() {
        func event(_ text: String) -> ExtractedEvent? {
            Self.extractor.extract(
                from: Article(
                    title: nil,
                    text: text,
                    published: PublicationDate(year: 2024, month: 3, day: 4, source: .commandLine)
                )
            ).first
        }
        let rejection = event("Chile on Monday rejected a Peruvian proposal to redraw the maritime border.")
        #expect(rejection?.root == "12")
        #expect(rejection?.actor?.country == "CHL")
        #expect(rejection?.target?.country == "PER")
        let rebels = event("Rebels in Mali attacked an army post on Sunday.")
        #expect(rebels?.root == "19" || rebels?.root == "18")
        #expect(rebels?.actor?.country == "MLI")
        // A place of the event is not its actor: "in Mali" after a verb is where it happened.
        let visit = event("The minister met farmers in Mali on Sunday.")
        #expect(visit?.actor?.country != "MLI")
    }
}
