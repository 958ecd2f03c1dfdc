// swift-tools-version: 6.0
import PackageDescription

// The pipeline, one module a stage: ingest -> extract -> aggregate -> (render, schedule),
// over a plain-value model and user-editable configuration.
let package = Package(
    name: "BriefingBook",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "briefing", targets: ["briefing"]),
        // Tests' and benchmarks' inputs: generated readouts with truth, synthetic analyses.
        .executable(name: "briefing-corpus", targets: ["briefing-corpus"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.0.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.0"),
    ],
    targets: [
        // libxml2's HTML parser, from Debian's libxml2-dev.
        .systemLibrary(
            name: "CLibXML2",
            path: "Sources/CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        // HTML -> text lines. Kept free of Foundation: Foundation's ICU and Debian's clash.
        .target(name: "HTMLText", dependencies: ["CLibXML2"]),
        // Plain values: Meeting, Statement, Commitment, Thread, Analysis, Diagnostic.
        .target(name: "BriefingModel"),
        // User-editable YAML, every file through one loader (YAMLNode): taxonomy, people,
        // commitment cues, relationship packs, manifest; layouts, schedules and front matter too.
        .target(name: "BriefingConfig", dependencies: [
            "BriefingModel", .product(name: "Yams", package: "Yams"),
        ]),
        // Bytes -> decoded text -> classified lines with provenance (front matter through the
        // configuration's YAML loader).
        .target(name: "BriefingIngest", dependencies: ["BriefingModel", "BriefingConfig", "HTMLText"]),
        // One readout -> one Meeting.
        .target(name: "BriefingExtract", dependencies: [
            "BriefingModel", "BriefingConfig", "BriefingIngest",
        ]),
        // A folder of readouts -> Analysis (frequencies, threads).
        .target(name: "BriefingAggregate", dependencies: [
            "BriefingModel", "BriefingConfig", "BriefingIngest", "BriefingExtract",
        ]),
        // The analysis file: one key table drives its writer, its reader and the ledger's cache.
        .target(name: "BriefingFormat", dependencies: ["BriefingModel"]),
        // Extraction against hand-made truth: the scorecard of `briefing evaluate`.
        .target(name: "BriefingEvaluate", dependencies: ["BriefingModel"]),
        // Cairo (PDF/SVG/PNG) and Pango text through PangoCairo.
        .systemLibrary(
            name: "CCairo",
            path: "Sources/CCairo",
            pkgConfig: "pangocairo",
            providers: [.apt(["libcairo2-dev", "libpango1.0-dev", "zlib1g-dev"])]
        ),
        // Analysis + layout -> briefing book, one-page brief, charts (PDF, SVG, PNG).
        .target(name: "BriefingRender", dependencies: [
            "BriefingModel", "BriefingConfig", "CCairo",
        ]),
        // Periodic reports: schedules, period calendar, the SQLite ledger and the runner.
        // Extraction and rendering are injected, so this stage never reaches into theirs.
        .target(name: "BriefingSchedule", dependencies: [
            "BriefingModel", "BriefingConfig", "BriefingFormat",
            .product(name: "GRDB", package: "GRDB.swift"), .product(name: "Crypto", package: "swift-crypto"),
        ]),
        // The fuzzing entry points (Tools/): each reader of user files, with invariants. The
        // libFuzzer driver (Fuzz/Driver.swift, `make fuzz`) and the crash regression tests call them.
        .target(name: "BriefingFuzz", dependencies: [
            "BriefingModel", "BriefingConfig", "BriefingIngest", "BriefingAggregate", "BriefingFormat", "BriefingRender",
            "BriefingSchedule",
        ], path: "Tools/BriefingFuzz"),
        .executableTarget(name: "briefing", dependencies: [
            "BriefingModel", "BriefingConfig", "BriefingAggregate", "BriefingEvaluate", "BriefingFormat", "BriefingRender",
            "BriefingSchedule", .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        // Tooling under Tools/, not shipped in `briefing`: generated readouts with their truth
        // and synthetic analyses, for the tests and `make bench`.
        .target(name: "BriefingCorpus", dependencies: ["BriefingModel"], path: "Tools/BriefingCorpus"),
        .executableTarget(name: "briefing-corpus", dependencies: [
            "BriefingCorpus", "BriefingFormat", "BriefingModel", .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ], path: "Tools/briefing-corpus"),
        .testTarget(name: "BriefingConfigTests", dependencies: ["BriefingConfig", "BriefingModel"]),
        .testTarget(name: "BriefingIngestTests", dependencies: ["BriefingIngest", "HTMLText"]),
        .testTarget(name: "BriefingExtractTests", dependencies: [
            "BriefingExtract", "BriefingConfig", "BriefingIngest", "BriefingModel",
        ]),
        .testTarget(name: "BriefingAggregateTests", dependencies: [
            "BriefingAggregate", "BriefingConfig", "BriefingFormat", "BriefingIngest", "BriefingModel", "BriefingCorpus",
        ]),
        .testTarget(name: "BriefingFormatTests", dependencies: [
            "BriefingFormat", "BriefingModel", "BriefingCorpus", "BriefingAggregate", "BriefingConfig",
        ]),
        .testTarget(name: "BriefingEvaluateTests", dependencies: [
            "BriefingEvaluate", "BriefingAggregate", "BriefingConfig", "BriefingModel",
        ]),
        .testTarget(name: "BriefingRenderTests", dependencies: [
            "BriefingRender", "BriefingModel", "CCairo", "BriefingConfig", "BriefingAggregate", "BriefingCorpus",
        ]),
        .testTarget(name: "BriefingCorpusTests", dependencies: ["BriefingCorpus", "BriefingModel"]),
        .testTarget(name: "BriefingFuzzTests", dependencies: ["BriefingFuzz"]),
        // The command line as users meet it: help texts, completions, exit statuses.
        .testTarget(name: "BriefingCLITests", dependencies: [
            "briefing", "BriefingModel", "BriefingSchedule",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .testTarget(name: "BriefingScheduleTests", dependencies: [
            "BriefingSchedule", "BriefingModel", "BriefingFormat",
            .product(name: "GRDB", package: "GRDB.swift"),
            .product(name: "PropertyBased", package: "swift-property-based"),
        ]),
    ],
    swiftLanguageModes: [.v6]
)
