// swift-tools-version: 6.1
import PackageDescription

/// libFuzzer targets for Gleaner's pure parsers, kept out of the main package so that `swift build` and
/// `swift test` there never see `-sanitize=fuzzer`. Build and run them with `scripts/fuzz.sh`.
let package = Package(
    name: "gleaner-fuzz",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "gleaner", path: "..")
    ],
    targets: [
        // Declares libFuzzer's driver, which each target's main calls.
        .target(name: "CFuzzerDriver"),
        // Bytes and a file name through ArticleParser (decoder, .txt, .json and .jsonl readers).
        .executableTarget(
            name: "FuzzArticleParser",
            dependencies: ["CFuzzerDriver", .product(name: "GleanerFuzzChecks", package: "gleaner")]
        ),
        // Text through PublicationDateParser, DateGrammar and the event extractor.
        .executableTarget(
            name: "FuzzDateGrammar",
            dependencies: ["CFuzzerDriver", .product(name: "GleanerFuzzChecks", package: "gleaner")]
        ),
    ]
)
