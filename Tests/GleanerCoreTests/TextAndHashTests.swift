import Testing

@testable import GleanerCore

@Suite("Normalisation, hashing, dates and inbox names")
struct TextAndHashTests {
    @Test(
        "Normalisation folds compatibility forms, case, punctuation and white space",
        arguments: [
            ("Ｆｕｌｌ－ｗｉｄｔｈ", "full width"),
            ("The  QUICK\tbrown\n\nfox!!!", "the quick brown fox"),
            ("“Smart” quotes — and dashes…", "smart quotes and dashes"),
            ("ﬁne ligature", "fine ligature"),
            ("  leading and trailing  ", "leading and trailing"),
            ("Café, naïve", "café naïve"),
            ("US$2.5 billion", "us 2 5 billion"),
        ]
    )
    func normalize(input: String, expected: String) {
        #expect(TextNormalizer.normalize(input) == expected)
    }

    @Test("Copies that differ only in typography normalise to the same hash")
    func sameNormalizedHash() {
        let a = "Pakistan and Russia signed an agreement."
        let b = "PAKISTAN  and Russia signed an agreement"
        #expect(
            ContentHash.sha256Hex(text: TextNormalizer.normalize(a))
                == ContentHash.sha256Hex(text: TextNormalizer.normalize(b))
        )
    }

    @Test("SHA-256 matches the FIPS 180-2 test vectors")
    func sha256Vectors() {
        #expect(
            ContentHash.sha256Hex(Array("abc".utf8))
                == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        )
        #expect(
            ContentHash.sha256Hex([UInt8]()) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        )
        #expect(ContentHash.sha256Hex(text: "abc") == ContentHash.sha256Hex(Array("abc".utf8)))
    }

    @Test(
        "Publication dates in the formats feeds use",
        arguments: [
            ("2022-01-24", "2022-01-24"),
            ("2022-01-24T10:21:00Z", "2022-01-24"),
            ("2022-01-24 10:21:00", "2022-01-24"),
            ("Mon, 24 Jan 2022 10:00:00 +0000", "2022-01-24"),
            ("January 24, 2022", "2022-01-24"),
            ("24 January 2022", "2022-01-24"),
            ("Sept 3, 2021", "2021-09-03"),
            ("2022/01/24", "2022-01-24"),
        ]
    )
    func dates(text: String, expected: String) {
        #expect(PublicationDateParser.parse(text, source: .header)?.description == expected)
    }

    @Test("Strings that are not dates give nil", arguments: ["soon", "2022-02-30", "13/45/2022", ""])
    func notDates(text: String) {
        #expect(PublicationDateParser.parse(text, source: .header) == nil)
    }

    @Test("Epoch seconds map to the right UTC day, before and after 1970")
    func epochDays() {
        #expect(PublicationDate(secondsSince1970: 0, source: .json).description == "1970-01-01")
        #expect(PublicationDate(secondsSince1970: 1_643_000_000, source: .json).description == "2022-01-24")
        #expect(PublicationDate(secondsSince1970: -1, source: .json).description == "1969-12-31")
        #expect(PublicationDate(secondsSince1970: 951_782_400, source: .json).description == "2000-02-29")
    }

    @Test(
        "Writers' temporary names are not taken until renamed",
        arguments: [
            ("article.txt", true), ("feed.jsonl", true), (".hidden.txt", false), ("a.txt.tmp", false),
            ("a.txt.part", false), (".a.txt.swp", false), ("a.txt~", false), ("x.crdownload", false), ("", false),
        ]
    )
    func names(name: String, taken: Bool) {
        #expect(InboxNamePolicy.isCandidate(name) == taken)
    }
}

@Suite("The fast normaliser equals the reference rules")
struct TextNormalizerEquivalenceTests {
    @Test("On the five sample articles")
    func samples() throws {
        for name in Samples.names {
            let text = String(decoding: try Samples.bytes(name), as: UTF8.self)
            #expect(TextNormalizer.normalize(text) == TextNormalizer.referenceNormalize(text), "\(name)")
        }
    }

    @Test("On tricky sequences: combining marks after ASCII, compatibility forms, separators that compose")
    func tricky() {
        let cases = [
            "e\u{301}te\u{301}", "=\u{338}x", "a =\u{338} b", " \u{301}lone mark", "ＡＢＣ１２３", "ﬁ ﬂ Ⅻ ½", "İstanbul",
            "ΟΔΟΣ ΟΔΟΣ.", "straße STRASSE", "x\u{200B}y", "tab\tnew\nline\r\n", "‘quoted’—dash…", "한국어 텍스트",
            "mixed-ASCII_and_ünïcödé!", "", "   ", "1,100-km", "U.S.A.", "\u{FEFF}bom",
        ]
        for text in cases {
            #expect(
                TextNormalizer.normalize(text) == TextNormalizer.referenceNormalize(text),
                "\(text.debugDescription)"
            )
        }
    }

    @Test("On 2,000 random strings drawn from ASCII, Latin, Greek, marks, symbols and compatibility forms")
    func random() {
        let alphabet: [String] = [
            "a", "Z", "7", " ", ".", "-", "=", "<", "'", "\n", "é", "É", "ß", "ﬁ", "Ａ", "１", "\u{301}", "\u{338}",
            "\u{308}", "Σ", "ς", "“", "”", "—", "…", "€", "İ", "ǅ", "㎏", "①", "\u{200D}", "한", "\u{1161}", "\u{1100}",
        ]
        var generator = SeededGenerator(seed: 42)
        for _ in 0..<2_000 {
            let length = Int(generator.next() % 24)
            let text = (0..<length).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] }.joined()
            #expect(
                TextNormalizer.normalize(text) == TextNormalizer.referenceNormalize(text),
                "\(text.debugDescription)"
            )
        }
    }
}
