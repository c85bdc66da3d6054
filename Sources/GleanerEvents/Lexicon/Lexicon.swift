import Foundation

/// The words Gleaner recognises: the gazetteer (countries, places, roles, titles, organisations, people), the
/// CAMEO codes and the trigger phrases that map verbs to them. The files are described in `lexicon/FORMAT.md`.
public struct Lexicon: Sendable {
    /// A country, by its ISO 3166-1 alpha-3 code.
    public struct Country: Sendable, Hashable {
        public var alpha3: String
        public var name: String
        public var aliases: [String]
        public var demonyms: [String]
        public var capitals: [String]

        public init(
            alpha3: String,
            name: String,
            aliases: [String] = [],
            demonyms: [String] = [],
            capitals: [String] = []
        ) {
            self.alpha3 = alpha3
            self.name = name
            self.aliases = aliases
            self.demonyms = demonyms
            self.capitals = capitals
        }
    }

    /// A city or region; `country` is the alpha-3 code of the country it lies in.
    public struct Place: Sendable, Hashable {
        public var name: String
        public var aliases: [String]
        public var country: String?
        public var isCapital: Bool

        public init(name: String, aliases: [String] = [], country: String? = nil, isCapital: Bool = false) {
            self.name = name
            self.aliases = aliases
            self.country = country
            self.isCapital = isCapital
        }
    }

    /// An office ("president"); `forms` are its lower-case spellings; leaders speak for their country.
    public struct Role: Sendable, Hashable {
        public var name: String
        public var forms: [String]
        public var isLeader: Bool

        public init(name: String, forms: [String] = [], isLeader: Bool = false) {
            self.name = name
            self.forms = forms
            self.isLeader = isLeader
        }
    }

    /// An abbreviated title ("Pres.") and what it stands for ("President").
    public struct Title: Sendable, Hashable {
        public var form: String
        public var expansion: String

        public init(form: String, expansion: String) {
            self.form = form
            self.expansion = expansion
        }
    }

    /// An organisation; `country` is the alpha-3 code of the country it belongs to, if any.
    public struct Organisation: Sendable, Hashable {
        public var name: String
        public var aliases: [String]
        public var country: String?
        public var kind: String

        public init(name: String, aliases: [String] = [], country: String? = nil, kind: String = "") {
            self.name = name
            self.aliases = aliases
            self.country = country
            self.kind = kind
        }
    }

    /// A named person; `country` (alpha-3) and `role` (a role name) when known.
    public struct Person: Sendable, Hashable {
        public var name: String
        public var aliases: [String]
        public var country: String?
        public var role: String?

        public init(name: String, aliases: [String] = [], country: String? = nil, role: String? = nil) {
            self.name = name
            self.aliases = aliases
            self.country = country
            self.role = role
        }
    }

    /// A CAMEO event code ("042"), its name, its two-digit root ("04") and its quad class (1–4).
    public struct CameoCode: Sendable, Hashable {
        public var code: String
        public var name: String
        public var root: String
        public var quadClass: Int

        public init(code: String, name: String, root: String, quadClass: Int) {
            self.code = code
            self.name = name
            self.root = root
            self.quadClass = quadClass
        }
    }

    /// A trigger phrase: its words (lower-case, the verb lemma first), the preposition introducing the target
    /// when it is not the direct object ("to" for "travel to"), whether the passive may be used, and whether
    /// the phrase is a nominalisation ("arrest of", "talks with"), whose first word is a noun.
    public struct Trigger: Sendable, Hashable {
        public var code: String
        public var words: [String]
        public var targetPreposition: String?
        public var passiveOK: Bool
        /// The first word is a noun naming the event ("the arrest of", "a call for"): it matches in the
        /// singular and the plural, also after a determiner, and never as a verb.
        public var isNoun: Bool

        public init(
            code: String,
            words: [String],
            targetPreposition: String? = nil,
            passiveOK: Bool = false,
            isNoun: Bool = false
        ) {
            self.code = code
            self.words = words
            self.targetPreposition = targetPreposition
            self.passiveOK = passiveOK
            self.isNoun = isNoun
        }
    }

    public var countries: [Country] = []
    public var places: [Place] = []
    public var roles: [Role] = []
    public var titles: [Title] = []
    public var organisations: [Organisation] = []
    public var people: [Person] = []
    public var cameo: [String: CameoCode] = [:]
    public var triggers: [Trigger] = []

    public init() {}

    /// The bundled files' text, compiled into the binary: the hand-curated files by `.embedInCode` in
    /// Package.swift, then the gazetteer generated from open data (`GeneratedGazetteer`, SOURCES.md), read after
    /// the hand-curated places.
    static let bundledFiles: [(name: String, text: String)] =
        [
            ("cameo.tsv", PackageResources.cameo_tsv), ("triggers.tsv", PackageResources.triggers_tsv),
            ("countries.tsv", PackageResources.countries_tsv), ("places.tsv", PackageResources.places_tsv),
            ("roles.tsv", PackageResources.roles_tsv), ("titles.tsv", PackageResources.titles_tsv),
            ("organisations.tsv", PackageResources.organisations_tsv), ("people.tsv", PackageResources.people_tsv),
        ].map { ($0.0, String(decoding: $0.1, as: UTF8.self)) } + [
            ("places-subdivisions.tsv", GeneratedGazetteer.placesSubdivisions),
            ("places-cities.tsv", GeneratedGazetteer.placesCities),
        ]

    private static let bundledResult: Result<Lexicon, LexiconError> = {
        var lexicon = Lexicon()
        for (fileName, text) in bundledFiles {
            do {
                try lexicon.add(fileName: fileName, text: text)
            } catch let error as LexiconError {
                return .failure(error)
            } catch {
                return .failure(LexiconError(file: fileName, line: 0, message: "\(error)"))
            }
        }
        return .success(lexicon)
    }()

    /// The lexicon shipped with Gleaner, compiled into the binary.
    /// It is read once per process.
    public static func bundled() throws -> Lexicon {
        try bundledResult.get()
    }

    /// Adds the entries of one file's text; the kind is chosen by the file name (countries.tsv …, or a name
    /// containing one of those stems, e.g. `my-people.tsv`); unknown names throw. Errors name file and line.
    public mutating func add(fileName: String, text: String) throws {
        let name = (fileName as NSString).lastPathComponent
        guard let kind = FileKind(fileName: name) else {
            throw LexiconError(
                file: fileName,
                line: 0,
                message: "unknown lexicon file name; it must contain one of "
                    + FileKind.allCases.map(\.rawValue).joined(separator: ", ")
            )
        }
        var text = text
        try text.withUTF8 { bytes in try addLines(fileName: fileName, bytes: bytes, kind: kind) }
    }

    /// Splits the text into lines and fields on its bytes: tens of thousands of gazetteer rows are read at every
    /// start, and byte-level splitting keeps that to a few milliseconds.
    private mutating func addLines(fileName: String, bytes: UnsafeBufferPointer<UInt8>, kind: FileKind) throws {
        var lineNumber = 0
        var lineStart = 0
        var fields: [String] = []
        while lineStart < bytes.count {
            lineNumber += 1
            var lineEnd = lineStart
            while lineEnd < bytes.count, bytes[lineEnd] != 0x0A, bytes[lineEnd] != 0x0D { lineEnd += 1 }
            var next = lineEnd
            // "\r\n", "\n" or a lone "\r" end a line.
            if next < bytes.count, bytes[next] == 0x0D { next += 1 }
            if next < bytes.count, bytes[next] == 0x0A, next == lineEnd || bytes[next - 1] == 0x0D { next += 1 }
            defer { lineStart = next }
            var start = lineStart
            if lineNumber == 1, lineEnd - start >= 3, bytes[start] == 0xEF, bytes[start + 1] == 0xBB,
                bytes[start + 2] == 0xBF
            {
                start += 3
            }
            var first = start
            while first < lineEnd, bytes[first] == 0x20 || bytes[first] == 0x09 { first += 1 }
            if first == lineEnd || bytes[first] == UInt8(ascii: "#") { continue }
            fields.removeAll(keepingCapacity: true)
            var fieldStart = start
            for position in start...lineEnd where position == lineEnd || bytes[position] == 0x09 {
                fields.append(Lexicon.trimmedField(UnsafeBufferPointer(rebasing: bytes[fieldStart..<position])))
                fieldStart = position + 1
            }
            if fields.allSatisfy(\.isEmpty) { continue }
            var row = Row(file: fileName, line: lineNumber, fields: fields)
            try addRow(&row, kind: kind)
        }
    }

    /// A field without the spaces around it; other Unicode blanks at its ends are trimmed as Foundation does.
    static func trimmedField(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        var start = 0
        var end = bytes.count
        while start < end, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
        while end > start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
        let field = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        if start < end, bytes[start] >= 0x80 || bytes[end - 1] >= 0x80 {
            return field.trimmingCharacters(in: .whitespaces)
        }
        return field
    }

    /// Adds every *.tsv file in `directory` (users' LexiconDir=), after the bundled entries.
    /// Files are read in name order.
    public mutating func merge(directory: String) throws {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory)
        } catch {
            throw LexiconError(file: directory, line: 0, message: "cannot list the lexicon directory: \(error)")
        }
        for name in names.sorted() where name.lowercased().hasSuffix(".tsv") && !name.hasPrefix(".") {
            let path = (directory as NSString).appendingPathComponent(name)
            let text = try Lexicon.read(path: path, name: path)
            try add(fileName: path, text: text)
        }
    }

    private static func read(path: String, name: String) throws -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw LexiconError(file: name, line: 0, message: "cannot read the file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw LexiconError(file: name, line: 0, message: "the file is not UTF-8")
        }
        return text
    }

    private mutating func addRow(_ row: inout Row, kind: FileKind) throws {
        switch kind {
        case .countries:
            try row.expect(columns: 2...5, "alpha3, name, aliases, demonyms, capitals")
            countries.append(
                Country(
                    alpha3: try row.alpha3(0, required: true)!,
                    name: try row.required(1, "name"),
                    aliases: row.list(2),
                    demonyms: row.list(3),
                    capitals: row.list(4)
                )
            )
        case .places:
            try row.expect(columns: 1...4, "name, aliases, alpha3, capital")
            places.append(
                Place(
                    name: try row.required(0, "name"),
                    aliases: row.list(1),
                    country: try row.alpha3(2, required: false),
                    isCapital: try row.flag(3, "capital")
                )
            )
        case .roles:
            try row.expect(columns: 1...3, "name, forms, leader")
            roles.append(
                Role(
                    name: try row.required(0, "name"),
                    forms: row.list(1).map { $0.lowercased() },
                    isLeader: try row.flag(2, "leader")
                )
            )
        case .titles:
            try row.expect(columns: 2...2, "form, expansion")
            titles.append(Title(form: try row.required(0, "form"), expansion: try row.required(1, "expansion")))
        case .organisations:
            try row.expect(columns: 1...4, "name, aliases, alpha3, kind")
            organisations.append(
                Organisation(
                    name: try row.required(0, "name"),
                    aliases: row.list(1),
                    country: try row.alpha3(2, required: false),
                    kind: row.field(3)
                )
            )
        case .people:
            try row.expect(columns: 1...4, "name, aliases, alpha3, role")
            let role = row.field(3)
            people.append(
                Person(
                    name: try row.required(0, "name"),
                    aliases: row.list(1),
                    country: try row.alpha3(2, required: false),
                    role: role.isEmpty ? nil : role
                )
            )
        case .cameo:
            try row.expect(columns: 4...4, "code, name, root, quad class")
            let code = try row.required(0, "code")
            guard (2...4).contains(code.count), code.allSatisfy({ $0.isASCII && $0.isNumber }) else {
                throw row.error("the code \"\(code)\" is not a CAMEO code of 2 to 4 digits")
            }
            let root = try row.required(2, "root")
            guard root.count == 2, code.hasPrefix(root) else {
                throw row.error("the root \"\(root)\" is not the first two digits of the code \"\(code)\"")
            }
            guard let quadClass = Int(try row.required(3, "quad class")), (1...4).contains(quadClass) else {
                throw row.error("the quad class \"\(row.field(3))\" is not 1, 2, 3 or 4")
            }
            cameo[code] = CameoCode(code: code, name: try row.required(1, "name"), root: root, quadClass: quadClass)
        case .triggers:
            try row.expect(columns: 2...5, "code, phrase, target preposition, passive, noun")
            let code = try row.required(0, "code")
            guard (2...4).contains(code.count), code.allSatisfy({ $0.isASCII && $0.isNumber }) else {
                throw row.error("the code \"\(code)\" is not a CAMEO code of 2 to 4 digits")
            }
            let words = try row.required(1, "phrase").lowercased().split(whereSeparator: \.isWhitespace).map(
                String.init
            )
            let preposition = row.field(2).lowercased()
            guard !preposition.contains(where: \.isWhitespace) else {
                throw row.error("the target preposition \"\(preposition)\" must be one word")
            }
            triggers.append(
                Trigger(
                    code: code,
                    words: words,
                    targetPreposition: preposition.isEmpty ? nil : preposition,
                    passiveOK: try row.flag(3, "passive"),
                    isNoun: try row.flag(4, "noun")
                )
            )
        }
    }
}

/// A lexicon file that cannot be read, naming the file and the line (0 when the whole file is at fault).
public struct LexiconError: Error, CustomStringConvertible, Sendable {
    public var file: String
    public var line: Int
    public var message: String

    public init(file: String, line: Int, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    public var description: String {
        line > 0 ? "\(file):\(line): \(message)" : "\(file): \(message)"
    }
}

/// The kinds of lexicon file, by the stem their names contain.
private enum FileKind: String, CaseIterable {
    case countries, places, roles, titles, organisations, people, cameo, triggers

    init?(fileName: String) {
        let lower = fileName.lowercased()
        let base = lower.hasSuffix(".tsv") ? String(lower.dropLast(4)) : lower
        if let exact = FileKind(rawValue: base) {
            self = exact
            return
        }
        if lower.contains("organizations") {
            self = .organisations
            return
        }
        guard let kind = FileKind.allCases.first(where: { lower.contains($0.rawValue) }) else { return nil }
        self = kind
    }
}

/// One data line of a lexicon file: its trimmed fields and where it came from.
private struct Row {
    var file: String
    var line: Int
    var fields: [String]

    func error(_ message: String) -> LexiconError {
        LexiconError(file: file, line: line, message: message)
    }

    /// Trailing fields may be left out (editors drop trailing tabs); extra fields are an error.
    mutating func expect(columns: ClosedRange<Int>, _ names: String) throws {
        while fields.count > columns.upperBound, fields.last == "" { fields.removeLast() }
        guard fields.count <= columns.upperBound else {
            throw error("\(fields.count) tab-separated fields, expected at most \(columns.upperBound) (\(names))")
        }
        guard fields.count >= columns.lowerBound else {
            throw error("\(fields.count) tab-separated fields, expected at least \(columns.lowerBound) (\(names))")
        }
    }

    func field(_ index: Int) -> String {
        index < fields.count ? fields[index] : ""
    }

    func required(_ index: Int, _ name: String) throws -> String {
        let value = field(index)
        guard !value.isEmpty else { throw error("the \(name) field is empty") }
        return value
    }

    func list(_ index: Int) -> [String] {
        var value = field(index)
        if value.isEmpty { return [] }
        return value.withUTF8 { bytes in
            var items: [String] = []
            var itemStart = 0
            for position in 0...bytes.count where position == bytes.count || bytes[position] == UInt8(ascii: "|") {
                let item = Lexicon.trimmedField(UnsafeBufferPointer(rebasing: bytes[itemStart..<position]))
                if !item.isEmpty { items.append(item) }
                itemStart = position + 1
            }
            return items
        }
    }

    func flag(_ index: Int, _ name: String) throws -> Bool {
        let value = field(index)
        if value == "no" || value.isEmpty { return false }
        if value == "yes" { return true }
        switch value.lowercased() {
        case "yes", "y", "true", "1": return true
        case "no", "n", "false", "0", "": return false
        default: throw error("the \(name) field \"\(field(index))\" is not yes or no")
        }
    }

    func alpha3(_ index: Int, required: Bool) throws -> String? {
        let written = field(index)
        if written.utf8.count == 3, written.utf8.allSatisfy({ (0x41...0x5A).contains($0) }) { return written }
        let value = written.uppercased()
        if value.isEmpty {
            if required { throw error("the alpha3 field is empty") }
            return nil
        }
        guard value.count == 3, value.allSatisfy({ $0.isASCII && $0.isLetter }) else {
            throw error("\"\(field(index))\" is not an ISO 3166-1 alpha-3 code")
        }
        return value
    }
}
