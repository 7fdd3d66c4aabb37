// swift-tools-version:6.1
import PackageDescription

// Parser throughput benchmark, kept out of the main Package.swift (like
// ../fuzz). Sources/TidingsModel, Sources/TidingsParse and Sources/CLibXML2
// are symlinks to the real targets, so it always measures the code in the tree.
// Run it with ./run.sh (see README.md).
let package = Package(
    name: "TidingsParseBench",
    targets: [
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0"),
        .target(name: "TidingsModel", swiftSettings: [.swiftLanguageMode(.v6)]),
        .target(name: "TidingsParse", dependencies: ["TidingsModel", "CLibXML2"], swiftSettings: [.swiftLanguageMode(.v6)]),
        .executableTarget(name: "ParseBench", dependencies: ["TidingsParse"], swiftSettings: [.swiftLanguageMode(.v6)]),
    ]
)
