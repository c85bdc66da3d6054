import Foundation
import Testing

@testable import GleanerEvents

@Suite("Lexicon")
struct LexiconTests {
    static let lexicon = try! Lexicon.bundled()

    @Test("The bundled lexicon loads, with CAMEO codes and triggers")
    func bundledLoads() throws {
        let lexicon = try Lexicon.bundled()
        #expect(lexicon.cameo.count >= 150)
        #expect(lexicon.triggers.count >= 200)
        #expect(lexicon.cameo["042"]?.name == "Make a visit")
        #expect(lexicon.cameo["057"]?.root == "05")
        #expect(lexicon.cameo["190"]?.quadClass == 4)
    }

    @Test("Every trigger's code is a CAMEO code below a root, and its words are lower-case and non-empty")
    func triggerCodesExist() {
        for trigger in Self.lexicon.triggers {
            #expect(Self.lexicon.cameo[trigger.code] != nil, "\(trigger.code) \(trigger.words)")
            #expect(trigger.code.count == 3, "\(trigger.code) \(trigger.words)")
            #expect(!trigger.words.isEmpty)
            #expect(trigger.words.allSatisfy { !$0.isEmpty && $0 == $0.lowercased() }, "\(trigger.words)")
        }
    }

    @Test("All 20 CAMEO roots are in cameo.tsv and reached by some trigger")
    func allRootsCovered() {
        let roots = (1...20).map { String(format: "%02d", $0) }
        let triggered = Set(Self.lexicon.triggers.map { String($0.code.prefix(2)) })
        for root in roots {
            #expect(Self.lexicon.cameo[root] != nil, "root \(root) missing from cameo.tsv")
            #expect(triggered.contains(root), "no trigger for root \(root)")
        }
    }

    @Test("Quad classes follow the root ranges: 01–05 → 1, 06–08 → 2, 09–13 → 3, 14–20 → 4")
    func quadClasses() {
        for (code, entry) in Self.lexicon.cameo {
            let root = Int(entry.root)!
            let expected = root <= 5 ? 1 : root <= 8 ? 2 : root <= 13 ? 3 : 4
            #expect(entry.quadClass == expected, "\(code)")
            #expect(code.hasPrefix(entry.root), "\(code)")
            #expect(entry.code == code)
        }
    }

    @Test("Specific CAMEO 1.1b3 codes have their names")
    func knownCodes() {
        let expected: [String: String] = [
            "036": "Express intent to meet or negotiate", "040": "Consult", "041": "Discuss by telephone",
            "043": "Host a visit", "044": "Meet at a third location", "045": "Mediate",
            "046": "Engage in negotiation", "057": "Sign formal agreement", "061": "Cooperate economically",
            "062": "Cooperate militarily", "085": "Ease economic sanctions, boycott, embargo", "112": "Accuse",
            "163": "Impose embargo, boycott, or sanctions", "173": "Arrest, detain, or charge with legal action",
            "186": "Assassinate", "190": "Use conventional military force",
        ]
        for (code, name) in expected {
            #expect(Self.lexicon.cameo[code]?.name.hasPrefix(name) == true, "\(code)")
        }
    }

    @Test("The triggers the extractor relies on map to the expected codes")
    func keyTriggers() {
        func code(_ phrase: String) -> String? {
            Self.lexicon.triggers.first { $0.words == phrase.split(separator: " ").map(String.init) }?.code
        }
        #expect(code("visit") == "042")
        #expect(code("travel to") == "042")
        #expect(code("sign agreement") == "057")
        #expect(code("lift embargo") == "085")
        #expect(code("hold talks") == "046")
        #expect(code("arrest") == "173")
        #expect(Self.lexicon.triggers.first { $0.words == ["travel", "to"] }?.targetPreposition == "to")
        #expect(Self.lexicon.triggers.first { $0.words == ["invite"] }?.passiveOK == true)
    }

    @Test(
        "Inflections: lemma, -s, past, participle, -ing, then extra spellings",
        arguments: [
            ["visit", "visits", "visited", "visited", "visiting"],
            ["meet", "meets", "met", "met", "meeting"],
            ["speak", "speaks", "spoke", "spoken", "speaking"],
            ["sign", "signs", "signed", "signed", "signing"],
            ["lift", "lifts", "lifted", "lifted", "lifting"],
            ["travel", "travels", "travelled", "travelled", "travelling", "traveled", "traveling"],
            ["hold", "holds", "held", "held", "holding"],
            ["sell", "sells", "sold", "sold", "selling"],
            ["impose", "imposes", "imposed", "imposed", "imposing"],
            ["plan", "plans", "planned", "planned", "planning"],
            ["stop", "stops", "stopped", "stopped", "stopping"],
            ["try", "tries", "tried", "tried", "trying"],
            ["go", "goes", "went", "gone", "going"],
            ["undertake", "undertakes", "undertook", "undertaken", "undertaking"],
            ["become", "becomes", "became", "become", "becoming"],
            ["withdraw", "withdraws", "withdrew", "withdrawn", "withdrawing"],
            ["agree", "agrees", "agreed", "agreed", "agreeing"],
            ["veto", "vetoes", "vetoed", "vetoed", "vetoing"],
            ["expel", "expels", "expelled", "expelled", "expelling"],
            ["stay", "stays", "stayed", "stayed", "staying"],
            ["discuss", "discusses", "discussed", "discussed", "discussing"],
            ["die", "dies", "died", "died", "dying"],
            ["panic", "panics", "panicked", "panicked", "panicking"],
            ["strike", "strikes", "struck", "struck", "striking", "stricken"],
        ]
    )
    func inflections(_ expected: [String]) {
        #expect(Inflection.forms(of: expected[0]) == expected)
    }

    @Test("The first form is always the lemma itself")
    func lemmaFirst() {
        for trigger in Self.lexicon.triggers {
            let forms = Inflection.forms(of: trigger.words[0])
            #expect(forms.first == trigger.words[0])
            #expect(forms.count >= 5)
        }
    }

    @Test("A malformed line throws a LexiconError naming the file and the line")
    func malformedLine() throws {
        var lexicon = Lexicon()
        let text = "# comment\n042\tvisit\t\tyes\n\n042\tvisit\t\tmaybe\n"
        let error = try #require(throws: LexiconError.self) {
            try lexicon.add(fileName: "extra-triggers.tsv", text: text)
        }
        #expect(error.file == "extra-triggers.tsv")
        #expect(error.line == 4)
        #expect(error.description.contains("extra-triggers.tsv:4"))

        let cameo = try #require(throws: LexiconError.self) {
            try lexicon.add(fileName: "cameo.tsv", text: "042\tMake a visit\t05\t1\n")
        }
        #expect(cameo.line == 1)
        let columns = try #require(throws: LexiconError.self) {
            try lexicon.add(fileName: "titles.tsv", text: "Gen.\tGeneral\textra\n")
        }
        #expect(columns.file == "titles.tsv" && columns.line == 1)
        #expect(throws: LexiconError.self) { try lexicon.add(fileName: "notes.tsv", text: "") }
    }

    @Test("Fields are trimmed, lists split on |, trigger words and role forms lower-cased")
    func parsing() throws {
        var lexicon = Lexicon()
        try lexicon.add(fileName: "my-triggers.tsv", text: "042 \t Travel  To \t To \t yes\r\n")
        try lexicon.add(fileName: "roles.tsv", text: "Prime Minister\tPrime Minister|PM\tyes\n")
        try lexicon.add(fileName: "people.tsv", text: "Jane Doe\tDoe|J. Doe\tgbr\n")
        #expect(
            lexicon.triggers == [
                Lexicon.Trigger(code: "042", words: ["travel", "to"], targetPreposition: "to", passiveOK: true)
            ]
        )
        #expect(
            lexicon.roles == [Lexicon.Role(name: "Prime Minister", forms: ["prime minister", "pm"], isLeader: true)]
        )
        #expect(
            lexicon.people == [Lexicon.Person(name: "Jane Doe", aliases: ["Doe", "J. Doe"], country: "GBR", role: nil)]
        )
    }

    @Test("merge(directory:) adds the entries of the *.tsv files after the bundled ones")
    func mergeDirectory() throws {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("gleaner-lexicon-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try "# extra people\nZara Testperson\tTestperson\tPAK\tForeign Minister\n"
            .write(to: directory.appendingPathComponent("people.tsv"), atomically: true, encoding: .utf8)
        try "not a lexicon".write(to: directory.appendingPathComponent("README.txt"), atomically: true, encoding: .utf8)

        var lexicon = try Lexicon.bundled()
        let before = lexicon.people.count
        try lexicon.merge(directory: directory.path)
        #expect(lexicon.people.count == before + 1)
        #expect(
            lexicon.people.last
                == Lexicon.Person(
                    name: "Zara Testperson",
                    aliases: ["Testperson"],
                    country: "PAK",
                    role: "Foreign Minister"
                )
        )

        try "Bad Person\t\tPK\n".write(
            to: directory.appendingPathComponent("people.tsv"),
            atomically: true,
            encoding: .utf8
        )
        let error = try #require(throws: LexiconError.self) { try lexicon.merge(directory: directory.path) }
        #expect(error.file.hasSuffix("people.tsv"))
        #expect(error.line == 1)
    }
}

@Suite("Lexicon parsing")
struct LexiconParsingTests {
    @Test("A byte-order mark and \\r\\n or \\r line ends are read as plain lines, numbered as written")
    func bomAndLineEnds() throws {
        var lexicon = Lexicon()
        let text =
            "\u{FEFF}# name\taliases\talpha3\tcapital\r\nTartu\t\tEST\tno\r\n\r\nNarva\tNarwa\test\r"
            + "Pärnu\t Parnu | Pernau \tEST\tyes"
        try lexicon.add(fileName: "places-test.tsv", text: text)
        #expect(
            lexicon.places == [
                Lexicon.Place(name: "Tartu", country: "EST"),
                Lexicon.Place(name: "Narva", aliases: ["Narwa"], country: "EST"),
                Lexicon.Place(name: "Pärnu", aliases: ["Parnu", "Pernau"], country: "EST", isCapital: true),
            ]
        )
        let error = try #require(throws: LexiconError.self) {
            try lexicon.add(fileName: "places-test.tsv", text: "\u{FEFF}Tartu\t\tEST\tno\r\nNarva\t\tEE\tno\r\n")
        }
        #expect(error.description.hasPrefix("places-test.tsv:2: "))
    }

    @Test("Fields keep inner spaces and lose non-ASCII blanks at their ends")
    func unicodeBlanks() throws {
        var lexicon = Lexicon()
        try lexicon.add(fileName: "places.tsv", text: "\u{00A0}Rio de Janeiro\u{00A0}\tRio\tBRA\n")
        #expect(lexicon.places == [Lexicon.Place(name: "Rio de Janeiro", aliases: ["Rio"], country: "BRA")])
    }
}
