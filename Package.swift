// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "planmerge",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "planmerge", targets: ["planmerge"]),
        .library(name: "PlanModel", targets: ["PlanModel"]),
        .library(name: "GitKit", targets: ["GitKit"]),
        .library(name: "PlanGit", targets: ["PlanGit"]),
        .library(name: "PlanRender", targets: ["PlanRender"]),
        .library(name: "PlanImport", targets: ["PlanImport"]),
        .executable(name: "planmerge-serve", targets: ["PlanServe"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "5.0.1"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.19"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.0"),
        // The web app (planmerge-serve) only; the planmerge executable does not depend on them.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.0.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.0.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibgit2",
            pkgConfig: "libgit2",
            providers: [.apt(["libgit2-dev", "pkg-config"])]
        ),
        .target(
            name: "PlanModel",
            dependencies: [.product(name: "Yams", package: "Yams")]
        ),
        // The libgit2 wrapper: the only target that imports CLibgit2; its public API names
        // no C type.
        .target(
            name: "GitKit",
            dependencies: ["CLibgit2"]
        ),
        .target(
            name: "PlanGit",
            dependencies: ["GitKit", "PlanModel"]
        ),
        .target(
            name: "PlanRender",
            dependencies: [
                "PlanModel",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "CSV", package: "CSV.swift"),
            ]
        ),
        // Reads a council's existing plan (Word, spreadsheet, CSV) into a planmerge plan.
        .target(
            name: "PlanImport",
            dependencies: [
                "PlanModel",
                .product(name: "Yams", package: "Yams"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "CSV", package: "CSV.swift"),
            ]
        ),
        .executableTarget(
            name: "planmerge",
            dependencies: [
                "PlanModel", "GitKit", "PlanGit", "PlanRender", "PlanImport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // planmerge-serve: the web app for partner officers and the coordinator.
        .target(
            name: "PlanServeCore",
            dependencies: [
                "PlanModel", "GitKit", "PlanGit", "PlanRender",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "Mustache", package: "swift-mustache"),
            ]
        ),
        .executableTarget(
            name: "PlanServe",
            dependencies: ["PlanServeCore"]
        ),
        .testTarget(
            name: "PlanServeCoreTests",
            dependencies: [
                "PlanServeCore", "PlanModel", "GitKit", "PlanGit",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ]
        ),
        .testTarget(
            name: "PlanModelTests",
            dependencies: ["PlanModel"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "PlanGitTests",
            dependencies: ["GitKit", "PlanGit", "PlanModel"]
        ),
        .testTarget(
            name: "PlanRenderTests",
            dependencies: ["PlanRender", "PlanModel"],
            resources: [.copy("Fixtures")]
        ),
        // Depends on the executable so that `swift build --build-tests` and `swift test`
        // always rebuild the binary the CLI tests run (and the help tests can read the
        // commands' configurations).
        .testTarget(
            name: "PlanImportTests",
            dependencies: [
                "PlanImport", "PlanRender", "PlanModel",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        .testTarget(
            name: "CLITests",
            dependencies: [
                "PlanModel", "planmerge", .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
    ]
)
