// swift-tools-version: 6.1
import PackageDescription

/// The AVX2 build of the MinHash kernel: only on x86-64 hosts (the flag does not exist elsewhere), and only
/// ever called after a run-time CPU check.
#if arch(x86_64)
let avx2Settings: [SwiftSetting] = [.unsafeFlags(["-Xcc", "-mavx2"])]
#else
let avx2Settings: [SwiftSetting] = []
#endif

let package = Package(
    name: "gleaner",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "gleaner", targets: ["gleaner"]),
        // For the fuzzing package under Fuzz/, which builds it (and the pure modules) with -sanitize=fuzzer.
        .library(name: "GleanerFuzzChecks", targets: ["GleanerFuzzChecks"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
    ],
    targets: [
        // Pure core: article parsing, text decoding, normalisation, hashing. No I/O, no globals.
        .target(
            name: "GleanerCore",
            dependencies: [
                "GleanerMinHashKernel", "GleanerMinHashAVX2", "CCPUFeatures",
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            exclude: ["Stories/SOURCES.md"]
        ),
        // The MinHash inner loop, one source file compiled for any CPU and (x86-64) for AVX2.
        .target(name: "GleanerMinHashKernel"),
        .target(name: "GleanerMinHashAVX2", swiftSettings: avx2Settings),
        // CPU feature detection (CPUID through the compiler runtime), to pick the MinHash kernel.
        .target(name: "CCPUFeatures"),
        // SQLite store: schema, migrations, the ingest transaction and the queries behind the CLI.
        .target(
            name: "GleanerStore",
            dependencies: ["GleanerCore", "GleanerEvents", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        // libsystemd: sd_notify, sd_watchdog_enabled, sd_journal_sendv.
        .systemLibrary(
            name: "CSystemd",
            pkgConfig: "libsystemd",
            providers: [.apt(["libsystemd-dev"])]
        ),
        // The I/O edge: inotify, the spool, the pipeline loop, systemd and journald.
        .target(
            name: "GleanerDaemon",
            dependencies: [
                "GleanerCore", "GleanerStore", "CSystemd",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
            ]
        ),
        .executableTarget(
            name: "gleaner",
            dependencies: [
                "GleanerCore", "GleanerStore", "GleanerDaemon",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        // Event extraction (pure): sentences, entities from the bundled lexicon, CAMEO triggers, dates.
        .target(
            name: "GleanerEvents",
            dependencies: ["GleanerCore"],
            // The generated gazetteer is compiled from Lexicon/GeneratedGazetteer.swift, the same text as string
            // literals: `.embedInCode` makes a byte array literal of a file, which takes minutes at its size.
            exclude: [
                "Resources/lexicon/FORMAT.md", "Resources/lexicon/SOURCES.md",
                "Resources/lexicon/places-cities.tsv", "Resources/lexicon/places-subdivisions.tsv",
            ],
            // Compiled into the binary, so an installed gleaner needs no resource folder beside it.
            resources: [
                .embedInCode("Resources/lexicon/cameo.tsv"), .embedInCode("Resources/lexicon/triggers.tsv"),
                .embedInCode("Resources/lexicon/countries.tsv"), .embedInCode("Resources/lexicon/places.tsv"),
                .embedInCode("Resources/lexicon/roles.tsv"), .embedInCode("Resources/lexicon/titles.tsv"),
                .embedInCode("Resources/lexicon/organisations.tsv"), .embedInCode("Resources/lexicon/people.tsv"),
            ]
        ),
        // What the fuzzers check on every input: shared by the libFuzzer targets in Fuzz/ and by the tests that
        // replay their seeds and regressions.
        .target(
            name: "GleanerFuzzChecks",
            dependencies: ["GleanerCore", "GleanerEvents"]
        ),
        .testTarget(
            name: "GleanerFuzzTests",
            dependencies: ["GleanerFuzzChecks"]
        ),
        .testTarget(
            name: "GleanerEventsTests",
            dependencies: ["GleanerEvents", "GleanerCore"]
        ),
        // Event extraction benchmark driven by scripts/bench-extract.sh (release builds only, not shipped).
        .executableTarget(
            name: "gleaner-bench-extract",
            dependencies: ["GleanerCore", "GleanerEvents"],
            path: "Sources/GleanerBenchExtract"
        ),
        // Generated articles and edited copies, for property tests and benchmarks (not shipped).
        .target(
            name: "GleanerSynthetic",
            dependencies: ["GleanerCore"]
        ),
        // Near-duplicate benchmark driven by scripts/bench-dedup.sh (release builds only, not shipped).
        .executableTarget(
            name: "gleaner-bench-dedup",
            dependencies: ["GleanerCore", "GleanerStore", "GleanerSynthetic"],
            path: "Sources/GleanerBenchDedup"
        ),
        .testTarget(
            name: "GleanerCoreTests",
            dependencies: [
                "GleanerCore", "GleanerSynthetic", .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
        .testTarget(
            name: "GleanerStoreTests",
            dependencies: [
                "GleanerStore", "GleanerCore", "GleanerSynthetic", .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        .testTarget(
            name: "GleanerDaemonTests",
            dependencies: [
                "GleanerDaemon", "GleanerStore", "GleanerCore", .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
    ]
)
