// swift-tools-version: 6.1
import PackageDescription

// Lede's libFuzzer targets: a package of their own, so that `swift build` and `swift test` of the
// main package never build them. `make fuzz` builds and runs them (see README.md).
// SwiftPM names a path dependency after its directory (`main` here, but a clone may be called
// anything), so the identity of `../` is derived from where this manifest lives.
let ledeIdentity = String(Context.packageDirectory.split(separator: "/").dropLast().last ?? "lede").lowercased()

func fuzzTarget(_ name: String, _ products: [String]) -> Target {
    .executableTarget(
        name: name,
        dependencies: ["FuzzSupport"] + products.map { .product(name: $0, package: ledeIdentity) }
    )
}

let package = Package(
    name: "LedeFuzz",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(path: "../")
    ],
    targets: [
        .target(
            name: "FuzzSupport",
            dependencies: [.product(name: "LedeIO", package: ledeIdentity)]
        ),
        fuzzTarget("FuzzJSONScanner", ["LedeIO", "LedeSample"]),
        fuzzTarget("FuzzTokenizer", ["LedeText", "LedeSample"]),
        fuzzTarget("FuzzChunkReader", ["LedeIO", "LedeSample"]),
        fuzzTarget("FuzzZstdFrames", ["LedeIO", "LedeSample"]),
    ],
    swiftLanguageModes: [.v6]
)
