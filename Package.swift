// swift-tools-version: 6.1
// sal: execute, verify and learn from LLM-written solution programs.
//
// Stages depend downward only; each target's comment reads "input -> output".
import PackageDescription

let optimize: [SwiftSetting] = [
    .unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release)),
]

let package = Package(
    name: "sal",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "sal", targets: ["SalCommand"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
        .package(url: "https://github.com/attaswift/BigInt", from: "6.0.1"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        // Python source text -> tokens -> AST, or diagnostics with ranges and stable ids.
        .target(name: "PythonSyntax", exclude: ["README.md"], swiftSettings: optimize),

        // Outcomes of running one program -> the records `sal exec` and the reference both produce.
        .target(name: "ProgramOutcome", exclude: ["README.md"], swiftSettings: optimize),

        // AST -> bytecode -> sandboxed execution: values, output, exceptions, limit breaches,
        // pausing at host-function calls.
        .target(
            name: "PythonRuntime",
            dependencies: [
                "PythonSyntax", "ProgramOutcome",
                .product(name: "BigInt", package: "BigInt"),
                .product(name: "OrderedCollections", package: "swift-collections"),
            ],
            exclude: ["README.md"],
            swiftSettings: optimize
        ),

        // programs.jsonl -> results.jsonl: many programs in parallel under answer conventions.
        .target(name: "Execution", dependencies: ["PythonRuntime", "ProgramOutcome"], exclude: ["README.md"], swiftSettings: optimize),

        // The CPython C API (libpython3, via pkg-config python3-embed).
        .systemLibrary(name: "CPython", pkgConfig: "python3-embed",
                       providers: [.apt(["libpython3-dev"])]),

        // program -> the outcome CPython 3.11 gives it, in process (the differential-testing reference).
        .target(name: "Reference", dependencies: ["CPython", "ProgramOutcome"], exclude: ["README.md"]),

        // programs -> divergences between sal and CPython, shrunk reproductions, generated programs.
        .target(
            name: "Differential",
            dependencies: ["PythonSyntax", "PythonRuntime", "ProgramOutcome", "Execution", "Reference"],
            exclude: ["README.md"]
        ),

        // helper calls -> answers: recorded store (SQLite) and OpenAI-compatible HTTP backends.
        .target(name: "Oracle", dependencies: ["ProgramOutcome", .product(name: "GRDB", package: "GRDB.swift")], exclude: ["README.md"]),

        // candidate programs per question -> votes, clusters, supervision, pairs and a report.
        .target(
            name: "Verifier",
            dependencies: ["Execution", "Oracle", "PythonSyntax", "PythonRuntime", "ProgramOutcome",
                           .product(name: "GRDB", package: "GRDB.swift")],
            exclude: ["README.md"],
            swiftSettings: optimize
        ),

        // The CBLAS interface of OpenBLAS (pkg-config openblas).
        .systemLibrary(name: "COpenBLAS", pkgConfig: "openblas",
                       providers: [.apt(["libopenblas-dev"])]),

        // matrices -> products: every BLAS call, thread-count setting, naive reference kernels.
        .target(name: "LinearAlgebra", dependencies: ["COpenBLAS"], exclude: ["README.md"], swiftSettings: optimize),

        // GGUF / safetensors files + tokenizer -> a Llama-family model: logits, sampling, generation.
        .target(name: "Model", dependencies: ["LinearAlgebra"], exclude: ["README.md"], swiftSettings: optimize),

        // supervision.jsonl + base model -> LoRA adapters (PEFT format), checkpoints, loss curve.
        .target(name: "Training", dependencies: ["Model", "LinearAlgebra"], exclude: ["README.md"], swiftSettings: optimize),

        // command line -> the stages above (`sal run|check|exec|diff|verify|train|generate ...`).
        .executableTarget(
            name: "SalCommand",
            dependencies: [
                "PythonSyntax", "PythonRuntime", "Execution", "ProgramOutcome", "Reference", "Differential", "Oracle", "Verifier",
                "LinearAlgebra", "Model", "Training",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: optimize
        ),

        // files named on the command line -> each replayed through a fuzzing target's exercise.
        .target(name: "FuzzReplay", path: "Fuzz/FuzzReplay"),

        // untrusted bytes -> parse, compile and a limited run, with no crash (libFuzzer target; replays inputs otherwise).
        .executableTarget(name: "ProgramFuzzer", dependencies: ["PythonSyntax", "PythonRuntime", "ProgramOutcome", "FuzzReplay"],
                          path: "Fuzz/ProgramFuzzer", exclude: ["python.dict"], swiftSettings: optimize),

        // untrusted bytes -> JSON round trip, `sal exec` lines, `sal verify` input, with no crash (libFuzzer target).
        .executableTarget(name: "InputFuzzer", dependencies: ["ProgramOutcome", "Execution", "Verifier", "FuzzReplay"],
                          path: "Fuzz/InputFuzzer", swiftSettings: optimize),

        // Release-mode benchmark: LoRA training tokens/s and peak memory on the SmolLM2-135M shape.
        .executableTarget(name: "TrainingBenchmark", dependencies: ["Training", "Model", "LinearAlgebra"],
                          path: "Benchmarks/TrainingBenchmark", swiftSettings: optimize),

        .testTarget(name: "PythonSyntaxTests", dependencies: ["PythonSyntax"]),
        .testTarget(name: "PythonRuntimeTests", dependencies: ["PythonRuntime", "PythonSyntax", "ProgramOutcome"], exclude: ["Fixtures"]),
        .testTarget(name: "ExecutionTests", dependencies: ["Execution", "ProgramOutcome"]),
        .testTarget(name: "ReferenceTests", dependencies: ["Reference", "ProgramOutcome"]),
        .testTarget(name: "DifferentialTests", dependencies: ["Differential", "PythonSyntax", "PythonRuntime", "ProgramOutcome", "Execution", "Reference"]),
        .testTarget(name: "OracleTests", dependencies: ["Oracle", "ProgramOutcome"]),
        .testTarget(name: "VerifierTests", dependencies: ["Verifier", "Oracle", "PythonSyntax", "ProgramOutcome"]),
        .testTarget(name: "LinearAlgebraTests", dependencies: ["LinearAlgebra"]),
        .testTarget(name: "ModelTests", dependencies: ["Model", "LinearAlgebra"], exclude: ["Fixtures"]),
        .testTarget(name: "TrainingTests", dependencies: ["Training", "Model"], exclude: ["Fixtures"]),
    ],
    swiftLanguageModes: [.v6]
)
