import PythonSyntax
import Synchronization

/// What the verdicts take from a program's syntax tree: its structural cluster and the texts of the
/// helper calls visible in it. Small and kept, so the tree itself can be freed as soon as it is read.
public struct ProgramAnalysis: Sendable, Equatable {
    /// `StructuralSignature` hash; nil when the program does not parse.
    public var cluster: String?
    /// `StaticHelperCalls` texts, in the order the calls appear.
    public var staticHelperTexts: [String]

    /// The analysis of a parsed program, or of one that did not parse (`nil`: no cluster, no calls).
    ///
    /// One walk of the tree collects both the names the program binds and its helper calls, and a second
    /// writes the signature; the result equals `StructuralSignature(module).hash` and
    /// `StaticHelperCalls.find(in: module)`.
    public init(module: Module?) {
        guard let module else {
            cluster = nil
            staticHelperTexts = []
            return
        }
        var names = RenameTable()
        var calls: [StaticHelperCalls.Found] = []
        BoundNames.collect(module.body, into: &names, visit: { StaticHelperCalls.collect($0, into: &calls) })
        staticHelperTexts = calls.filter { names.numbers[$0.function] == nil }.map(\.text)
        cluster = StructuralSignature(module, boundNames: names).hash
    }
}

/// Analyses of programs by their text, recorded where the programs were parsed to be run, so the
/// verdicts need not parse every program a second time.
///
/// `SalInterpreter` records one for each program it parses (one lock per program, taken only to insert);
/// the verdicts read a `snapshot()`, a plain dictionary every thread reads without a lock, through
/// `VerifyOptions.analyses`, and parse only the programs it lacks. The trap: the recorded analyses must
/// come from the same parser as `VerifyOptions.parse` (sal's own), or a cluster would depend on which
/// path produced it; and one cache belongs to one run (it keeps every analysed program's text).
public final class ProgramAnalyses: Sendable {
    let byProgram = Mutex<[SampledText: ProgramAnalysis]>([:])

    public init() {}

    /// Records the analysis of `program` from its parsed `module` (nil when it did not parse); a program
    /// recorded before keeps its first analysis (an equal one: the parse of a text is always the same).
    public func record(_ program: String, module: Module?) {
        let analysis = ProgramAnalysis(module: module)
        let key = SampledText(program)
        byProgram.withLock { analyses in
            if analyses[key] == nil { analyses[key] = analysis }
        }
    }

    /// Every analysis recorded so far, by program text.
    public func snapshot() -> RecordedAnalyses {
        RecordedAnalyses(byProgram: byProgram.withLock { $0 })
    }
}

/// Analyses by program text, read by the verdicts on many threads without a lock (a value).
public struct RecordedAnalyses: Sendable {
    var byProgram: [SampledText: ProgramAnalysis]

    /// No analyses: the verdicts parse every program.
    public init() {
        byProgram = [:]
    }

    init(byProgram: [SampledText: ProgramAnalysis]) {
        self.byProgram = byProgram
    }

    public subscript(program program: String) -> ProgramAnalysis? {
        byProgram[SampledText(program)]
    }

    public var count: Int { byProgram.count }
}
