@testable import Reference
import Testing

@Suite("The embedded CPython is pinned and named")
struct ReferenceVersionTests {
    @Test func theEmbeddedSeriesIsThePinnedOne() throws {
        #expect(ReferenceInterpreter.embeddedSeries == ReferenceInterpreter.pinnedSeries)
        try ReferenceInterpreter.requirePinnedSeries()
    }

    @Test func theVersionStringNamesTheEmbeddedSeries() {
        let version = ReferenceInterpreter.shared.version
        #expect(version.hasPrefix(ReferenceInterpreter.pinnedSeries + "."), "\(version)")
    }

    @Test func aMismatchSaysWhatToInstall() {
        let mismatch = ReferenceSeriesMismatch(embedded: "3.12", pinned: "3.11")
        #expect(mismatch.description.contains("3.12") && mismatch.description.contains("libpython3.11-dev"))
    }
}
