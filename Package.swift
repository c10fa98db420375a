// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "onep",
    // Mutex and Atomic (Synchronization) need macOS 15.
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "onep", targets: ["onep"]),
        .library(name: "OneP", targets: ["OneP"]),
        .library(name: "OnePlatform", targets: ["OnePlatform"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.3"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: []),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
    ],
    targets: [
        // Shared JSON value: both ends of the wire, never a dependency between them.
        .target(name: "OnePJSON"),
        // The one CSV codec (on CSV.swift): provisioning bodies on both ends, the shell's csv output and record input.
        .target(name: "OnePCSV", dependencies: [.product(name: "CSV", package: "CSV.swift")]),
        // Client engine.
        .target(
            name: "OneP",
            dependencies: [
                "OnePJSON",
                "OnePCSV",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // Embedded platform: storage and API semantics, no HTTP.
        .target(
            name: "OnePlatform",
            dependencies: [
                "OnePJSON",
                "OnePCSV",
                "CLua",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // Lua 5.2 for script datarules (+ a small C shim for macros and the error boundary).
        .systemLibrary(
            name: "CLua",
            pkgConfig: "lua5.2",
            providers: [.apt(["liblua5.2-dev"])]
        ),
        // HTTP front of the embedded platform.
        .target(
            name: "OnePlatformServer",
            dependencies: [
                "OnePlatform",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "HummingbirdTLS", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // Fuzzing of the embedded platform and its server: corpus, mutations, checks of the answers.
        .target(name: "OnePFuzz", dependencies: ["OnePJSON", "OnePlatform", "OnePlatformServer"]),
        .executableTarget(name: "onep-fuzz", dependencies: ["OnePFuzz"]),
        // The in-process Transport: hands OneP's request bytes to an embedded OnePlatform.
        .target(name: "OnePEmbedded", dependencies: ["OneP", "OnePlatform"]),
        .systemLibrary(
            name: "CEditLine",
            pkgConfig: "libedit",
            providers: [.apt(["libedit-dev"])]
        ),
        .target(name: "LineEditor", dependencies: ["CEditLine"]),
        .target(
            name: "Shell",
            dependencies: [
                "OneP",
                "OnePJSON",
                // Lua's compiler, to refuse a script with a syntax error before it is uploaded.
                "CLua",
                "LineEditor",
                .product(name: "Yams", package: "Yams"),
                "OnePCSV",
            ]
        ),
        .executableTarget(
            name: "onep",
            dependencies: [
                "Shell",
                "OneP",
                "LineEditor",
                "OnePEmbedded",
                "OnePlatform",
                "OnePlatformServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "onep-benchmarks",
            dependencies: [
                "OneP", "OnePJSON", "OnePEmbedded", "OnePlatform", "OnePlatformServer", "OnePFuzz", "Shell",
                // The physical anchors bind and step statements straight through SQLite.
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            path: "Benchmarks/onep-benchmarks"
        ),
        // What the test targets share: temporary directories, platforms on a test clock, served platforms.
        .target(
            name: "TestSupport",
            dependencies: ["OneP", "OnePlatform", "OnePlatformServer", "LineEditor"],
            path: "Tests/TestSupport"
        ),
        .testTarget(name: "OnePJSONTests", dependencies: ["OnePJSON"]),
        .testTarget(
            name: "OnePlatformTests",
            dependencies: ["OnePlatform", "OnePJSON", "TestSupport", .product(name: "PropertyBased", package: "swift-property-based")]
        ),
        .testTarget(
            name: "OnePTests",
            dependencies: [
                "OneP", "OnePCSV", "OnePJSON", "OnePEmbedded", "OnePlatform", "OnePlatformServer", "OnePFuzz", "TestSupport",
                // The kill -9 harness checks the database file itself (PRAGMA integrity_check).
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        .testTarget(name: "LineEditorTests", dependencies: ["LineEditor", "TestSupport"]),
        .testTarget(
            name: "ShellTests",
            dependencies: ["Shell", "OneP", "OnePCSV", "OnePJSON", "LineEditor", "OnePEmbedded", "OnePlatform", "TestSupport"]
        ),
        .testTarget(name: "EndToEndTests", dependencies: ["LineEditor", "OnePlatform", "TestSupport"]),
    ]
)
