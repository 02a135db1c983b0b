// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "Lede",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "lede", targets: ["lede"]),
        .library(name: "LedePipeline", targets: ["LedePipeline"]),
        // The stages the fuzz targets (Fuzz/, a package of its own) link alone, without the
        // pipeline's dependencies.
        .library(name: "LedeIO", targets: ["LedeIO"]),
        .library(name: "LedeText", targets: ["LedeText"]),
        .library(name: "LedeSample", targets: ["LedeSample"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CZstd",
            pkgConfig: "libzstd",
            providers: [.apt(["libzstd-dev"])]
        ),
        .target(name: "LedeIO", dependencies: ["CZstd", "CLedeSystem"]),
        .target(name: "LedeText"),
        // A header-only C module: the prefetch hint the perceptron decoder needs.
        .systemLibrary(name: "CLedePrefetch"),
        // Header-only too: the Linux and glibc calls Swift does not import (CPU affinity for `lede bench`,
        // malloc_trim, sync_file_range).
        .systemLibrary(name: "CLedeSystem"),
        .target(name: "LedeEntities", dependencies: ["LedeText", "CLedePrefetch"]),
        .target(name: "LedeAggregation", dependencies: ["LedeEntities", "LedeIO"]),
        .target(name: "LedeSample"),
        .target(
            name: "LedeStore",
            dependencies: [
                "LedeAggregation", "LedeEntities", "LedeIO",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ]
        ),
        .target(
            name: "LedePipeline",
            dependencies: [
                "LedeIO", "LedeText", "LedeEntities", "LedeAggregation", "LedeSample", "LedeStore", "CLedeSystem",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        .executableTarget(
            name: "lede",
            dependencies: [
                "LedePipeline", "LedeStore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(name: "LedeIOTests", dependencies: ["LedeIO", "LedeSample"]),
        .testTarget(name: "LedeTextTests", dependencies: ["LedeText", "LedeSample"]),
        .testTarget(name: "LedeEntitiesTests", dependencies: ["LedeEntities", "LedeText"]),
        .testTarget(name: "LedeAggregationTests", dependencies: ["LedeAggregation", "LedeEntities", "LedeIO", "LedeSample"]),
        .testTarget(name: "LedeSampleTests", dependencies: ["LedeSample"]),
        .testTarget(
            name: "LedeStoreTests",
            dependencies: [
                "LedeStore", "LedeAggregation", "LedeEntities", "LedeIO", .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        .testTarget(
            name: "LedePipelineTests",
            dependencies: [
                "LedePipeline", "LedeAggregation", "LedeIO", "LedeSample", "LedeStore",
                .product(name: "Logging", package: "swift-log"), .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        .testTarget(name: "LedeCLITests"),
    ],
    swiftLanguageModes: [.v6]
)
