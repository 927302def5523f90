// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "rehearse",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "rehearse", targets: ["rehearse"]),
        .library(name: "RehearseCore", targets: ["RehearseCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CPCRE2",
            pkgConfig: "libpcre2-8",
            providers: [.apt(["libpcre2-dev"]), .brew(["pcre2"])]
        ),
        .target(name: "PCRE2", dependencies: ["CPCRE2"]),
        // Snowball stemmers (Debian libstemmer-dev ships no pkg-config file; the module map links it).
        .systemLibrary(name: "CStemmer", providers: [.apt(["libstemmer-dev"]), .brew(["snowball"])]),
        .systemLibrary(
            name: "CEditLine",
            pkgConfig: "libedit",
            providers: [.apt(["libedit-dev"]), .brew(["libedit"])]
        ),
        .target(
            name: "RehearseCore",
            dependencies: ["PCRE2", "CStemmer", .product(name: "Yams", package: "Yams")]
        ),
        .executableTarget(
            name: "rehearse",
            dependencies: [
                "RehearseCore",
                "CEditLine",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "rehearse-bench",
            dependencies: ["RehearseCore", "PCRE2"],
            path: "Benchmarks/rehearse-bench"
        ),
        .executableTarget(
            name: "rehearse-eval",
            dependencies: ["RehearseCore"],
            path: "Benchmarks/rehearse-eval"
        ),
        // libFuzzer targets (scripts/fuzz.sh); a plain build is a replayer of input files.
        .executableTarget(
            name: "rehearse-fuzz",
            dependencies: ["RehearseCore"],
            path: "Fuzz/rehearse-fuzz"
        ),
        // Golden-file checks shared by the test targets.
        .target(name: "RehearseTestSupport", path: "Tests/RehearseTestSupport"),
        .testTarget(name: "PCRE2Tests", dependencies: ["PCRE2"]),
        .testTarget(
            name: "RehearseCoreTests",
            dependencies: ["RehearseCore", "RehearseTestSupport", .product(name: "Yams", package: "Yams")],
            exclude: ["Snapshots", "Fixtures", "Interview/Fixtures"]),
        // RehearseCore builds the transcripts the end-to-end tests feed to the binary.
        .testTarget(
            name: "EndToEndTests", dependencies: ["RehearseCore", "RehearseTestSupport"],
            exclude: ["Fixtures", "Snapshots", "Practice/Fixtures"]),
    ]
)
