// swift-tools-version:6.0
// libFuzzer targets for planmerge's parsers and merge. libFuzzer brings its own `main`, so
// these executables live outside the main package and are built only by `make fuzz`:
//   swift build -c debug --scratch-path .build-fuzz -Xswiftc -sanitize=fuzzer,address
// (from the repository root: `make fuzz`, which runs Fuzz/run; see Fuzz/README.md).
import PackageDescription

/// One fuzz executable per entry point: `-parse-as-library` so that Swift emits no `main`.
func fuzzTarget(_ name: String) -> Target {
    .executableTarget(
        name: name,
        dependencies: ["FuzzDriver", .product(name: "PlanModel", package: "planmerge")],
        path: "Sources/\(name)",
        swiftSettings: [.unsafeFlags(["-parse-as-library"])]
    )
}

let package = Package(
    name: "planmerge-fuzz",
    platforms: [.macOS(.v13)],
    dependencies: [.package(name: "planmerge", path: "..")],
    targets: [
        .target(name: "CFuzzerDriver", path: "Sources/CFuzzerDriver"),
        .target(name: "FuzzDriver", dependencies: ["CFuzzerDriver"], path: "Sources/FuzzDriver"),
        fuzzTarget("FuzzSectionParser"),
        fuzzTarget("FuzzManifestReader"),
        fuzzTarget("FuzzDueDateReader"),
        fuzzTarget("FuzzSectionMerge"),
    ]
)
