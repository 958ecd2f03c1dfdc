import Testing
@testable import briefing

@Suite struct TerminalProgressTests {
    @Test func countsAreGroupedByThousands() {
        #expect(TerminalProgress.grouped(0) == "0")
        #expect(TerminalProgress.grouped(999) == "999")
        #expect(TerminalProgress.grouped(1_000) == "1,000")
        #expect(TerminalProgress.grouped(50_000) == "50,000")
        #expect(TerminalProgress.grouped(1_234_567) == "1,234,567")
    }

    @Test func quietOrNotATerminalMeansNoLine() throws {
        #expect(TerminalProgress.make(command: "analyze", quiet: true) == nil)
        // Under `swift test` standard error is a pipe: the real binary writes no progress there.
        let r = try runBriefing(["analyze", "--input", "seeds"])
        #expect(r.status == 0)
        #expect(!r.stderr.contains("extracting readouts") && !r.stderr.contains("\u{1B}[K"))
    }
}
