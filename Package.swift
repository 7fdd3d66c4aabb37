// swift-tools-version:6.1
import PackageDescription

// Targets are listed so that dependencies only point down the list.
// Each stage that needs its own C library is a target of its own:
// parsing (libxml2), fetching (libcurl), state (SQLite). The model and the
// delivery formats are plain Swift. `tidings` is CLI glue only.
let swift6: [SwiftSetting] = [.swiftLanguageMode(.v6)]

let package = Package(
    name: "Tidings",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "tidings", targets: ["tidings"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    ],
    targets: [
        .systemLibrary(name: "CCurl", pkgConfig: "libcurl", providers: [.apt(["libcurl4-openssl-dev"])]),
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        .systemLibrary(name: "CSQLite", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),
        .target(name: "CTidingsShims", dependencies: ["CCurl"]),

        .target(name: "TidingsModel", swiftSettings: swift6),
        .target(name: "TidingsParse", dependencies: ["TidingsModel", "CLibXML2"], swiftSettings: swift6),
        .target(name: "TidingsFetch", dependencies: ["TidingsModel", "CCurl", "CTidingsShims"], swiftSettings: swift6),
        .target(name: "TidingsStore", dependencies: ["TidingsModel", "CSQLite"], swiftSettings: swift6),
        .target(name: "TidingsDeliver", dependencies: ["TidingsModel"], swiftSettings: swift6),
        // The static site (HTML pages, Atom, JSON Feed, OPML): plain Swift over model values,
        // sanitizing with TidingsDeliver's HTMLSanitizer. No database, no I/O beyond its directory.
        .target(name: "TidingsStatic", dependencies: ["TidingsModel", "TidingsDeliver"], swiftSettings: swift6),
        .target(
            name: "TidingsCore",
            dependencies: [
                "TidingsModel", "TidingsParse", "TidingsFetch", "TidingsStore", "TidingsDeliver", "TidingsStatic",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swift6
        ),
        .executableTarget(
            name: "tidings",
            dependencies: [
                "TidingsCore", "TidingsStatic",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swift6
        ),

        // Test support: a loopback HTTP server, temp dirs, fixture lookup.
        .target(name: "TidingsTestSupport", dependencies: ["TidingsModel"], swiftSettings: swift6),
        .testTarget(name: "TidingsParseTests", dependencies: ["TidingsParse", "TidingsTestSupport"], exclude: ["Fixtures"], swiftSettings: swift6),
        .testTarget(name: "TidingsFetchTests", dependencies: ["TidingsFetch", "TidingsTestSupport"], swiftSettings: swift6),
        .testTarget(name: "TidingsStoreTests", dependencies: ["TidingsStore", "TidingsTestSupport"], swiftSettings: swift6),
        .testTarget(name: "TidingsDeliverTests", dependencies: ["TidingsDeliver", "TidingsTestSupport"], exclude: ["Fixtures"], swiftSettings: swift6),
        .testTarget(name: "TidingsCoreTests", dependencies: ["TidingsCore", "TidingsTestSupport"], exclude: ["Fixtures"], swiftSettings: swift6),
        .testTarget(name: "TidingsStaticTests", dependencies: ["TidingsStatic", "TidingsParse", "TidingsTestSupport"], exclude: ["Fixtures"], swiftSettings: swift6),
        .testTarget(name: "TidingsEndToEndTests", dependencies: ["TidingsCore", "TidingsTestSupport"], exclude: ["Fixtures"], swiftSettings: swift6),
    ]
)
