// swift-tools-version: 6.1
import PackageDescription

// Lede's benchmarks: a package of their own, so that `swift test` and `swift build` of the main
// package never build package-benchmark. Run them from this directory with
// `swift package --disable-sandbox benchmark` (see README.md).
// SwiftPM names a path dependency after its directory (`main` here, but a clone may be called
// anything), so the identity of `../` is derived from where this manifest lives.
let ledeIdentity = String(Context.packageDirectory.split(separator: "/").dropLast().last ?? "lede").lowercased()

let package = Package(
    name: "LedeBenchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(path: "../"),
        .package(url: "https://github.com/ordo-one/package-benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "LedeBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "package-benchmark"),
                .product(name: "LedePipeline", package: ledeIdentity),
            ],
            path: "LedeBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "package-benchmark")]
        )
    ],
    swiftLanguageModes: [.v6]
)
