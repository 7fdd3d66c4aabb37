// swift-tools-version:6.1
import PackageDescription

// A fuzzing harness over FeedParser.parse, kept out of the main Package.swift.
// Sources/TidingsModel, Sources/TidingsParse and Sources/CLibXML2 are symlinks
// to the real targets in ../../Sources, so the fuzzer always builds the code in
// the tree. See README.md for the build and run commands.
let package = Package(
    name: "TidingsFuzz",
    targets: [
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0"),
        .target(name: "TidingsModel", swiftSettings: [.swiftLanguageMode(.v6)]),
        // TIDINGS_VERIFY_SPANS: every body piece kept as a slice of the document is
        // compared with what libxml2 delivered (a precondition, even in release).
        .target(name: "TidingsParse", dependencies: ["TidingsModel", "CLibXML2"],
                swiftSettings: [.swiftLanguageMode(.v6), .define("TIDINGS_VERIFY_SPANS")]),
        .executableTarget(name: "FuzzParse", dependencies: ["TidingsParse"], swiftSettings: [.swiftLanguageMode(.v6)]),
    ]
)
