import BriefingSchedule
import Foundation
import Testing

/// The exit statuses the README and each command's help promise, from the real binary.
@Suite(.serialized) struct ExitCodeTests {
    let seed = packageRoot.appendingPathComponent("seeds/000_3c473871ed6bfc76.txt")

    /// A copy of the shipped layouts with `schedules.yaml`, and a folder holding one readout.
    func workspace(_ name: String, schedules: String? = nil) throws -> URL {
        let root = try temporaryFolder(name)
        let layouts = root.appendingPathComponent("layouts"), input = root.appendingPathComponent("input")
        try FileManager.default.copyItem(at: packageRoot.appendingPathComponent("layouts"), to: layouts)
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: seed, to: input.appendingPathComponent("one.txt"))
        try Data((schedules ?? """
            schedules:
              monthly:
                cadence: monthly
                time_zone: UTC
                start: 2017-09-01
                layouts: [analysis]
                output: "monthly/{key}/{layout}"
            """).utf8).write(to: layouts.appendingPathComponent("schedules.yaml"))
        return root
    }

    @Test func analyzeSucceedsOrSaysWhichReadoutFailed() throws {
        let root = try workspace("analyze")
        defer { try? FileManager.default.removeItem(at: root) }
        let ok = try runBriefing(["analyze", "--input", "input", "--quiet", "--json", "a.json"], in: root)
        #expect(ok.status == 0, "\(ok.stderr)")
        try Data().write(to: root.appendingPathComponent("input/empty.txt"))
        let one = try runBriefing(["analyze", "--input", "input", "--quiet", "--json", "a.json"], in: root)
        #expect(one.status == 1)
        #expect(one.stderr.contains("input/empty.txt:"), "\(one.stderr)")
        #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("a.json").path), "the export is still written")
    }

    @Test func analyzeStatusesForBadInputLayoutsAndOutput() throws {
        let root = try workspace("analyze-bad")
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(try runBriefing(["analyze", "--input", "no-such-folder", "--quiet"], in: root).status == 66)
        #expect(try runBriefing(["analyze", "--input", "input", "--quiet", "--json", "input/one.txt/a.json"], in: root).status == 74, "a file where a folder should be")
        #expect(try runBriefing(["analyze", "--frobnicate"], in: root).status == 64)
        try Data("topics:\n  - id: [unclosed\n".utf8).write(to: root.appendingPathComponent("layouts/taxonomy.yaml"))
        let layout = try runBriefing(["analyze", "--input", "input", "--quiet"], in: root)
        #expect(layout.status == 78)
        #expect(layout.stderr.contains("taxonomy.yaml"), "\(layout.stderr)")
    }

    @Test func renderingStatuses() throws {
        let root = try workspace("render")
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(try runBriefing(["book", "-o", "b.pdf"], in: root).status == 64, "neither --input nor --analysis")
        #expect(try runBriefing(["book", "--analysis", "missing.json", "-o", "b.pdf"], in: root).status == 66)
        try Data("layout: {".utf8).write(to: root.appendingPathComponent("layouts/brief.yaml"))
        #expect(try runBriefing(["brief", "--input", "input", "-o", "b.pdf"], in: root).status == 78)
    }

    /// The book reads a quoted readout's sentences where the first read of the analysis left
    /// them; sentences that do not read there are one error naming the line, exit 65, no PDF.
    @Test func aBookWhoseQuotedSentencesDoNotReadWritesNothing() throws {
        let root = try workspace("render-sentences")
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(try runBriefing(["analyze", "--input", "input", "--quiet", "--json", "a.json"], in: root).status == 0)
        #expect(try runBriefing(["book", "--analysis", "a.json", "-o", "b.pdf"], in: root).status == 0)
        let a = root.appendingPathComponent("a.json")
        let text = try String(contentsOf: a, encoding: .utf8)
        // The first sentence's line as a string: valid JSON, not a statement.
        let damaged = text.replacing(#/("statements":\[\{"id":"[^"]*","line":)(\d+)/#, maxReplacements: 1) { "\($0.output.1)\"\($0.output.2)\"" }
        #expect(damaged != text)
        try Data(damaged.utf8).write(to: a)
        let book = try runBriefing(["book", "--analysis", "a.json", "-o", "c.pdf"], in: root)
        #expect(book.status == 65, "\(book.stderr)")
        #expect(book.stderr.hasPrefix(a.lastPathComponent + ":") || book.stderr.contains("a.json:"), "\(book.stderr)")
        #expect(book.stderr.contains("cannot read the statements"), "\(book.stderr)")
        let left = try FileManager.default.contentsOfDirectory(atPath: root.path)
        #expect(!left.contains { $0.hasPrefix("c.pdf") || $0.hasPrefix(".c.pdf") }, "\(left)")
    }

    @Test func scheduleStatuses() throws {
        let root = try workspace("schedule")
        defer { try? FileManager.default.removeItem(at: root) }
        let now = ["--now", "2017-11-01T00:00:00Z"]
        #expect(try runBriefing(["schedule", "run", "--input", "input", "--quiet", "--now", "someday"], in: root).status == 65)
        let held = try RunLock(at: RunLock.url(inOutput: root.appendingPathComponent("output")), wait: false)
        let busy = try runBriefing(["schedule", "run", "--input", "input", "--quiet"] + now, in: root)
        #expect(busy.status == 75)
        #expect(busy.stderr.contains("pid \(getpid())"), "\(busy.stderr)")
        held.release()
        #expect(try runBriefing(["schedule", "run", "--input", "input", "--quiet"] + now, in: root).status == 0)
        let ledger = root.appendingPathComponent("output/.briefing/ledger.sqlite")
        try FileManager.default.removeItem(at: root.appendingPathComponent("output/.briefing"))
        try FileManager.default.createDirectory(at: ledger.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(repeating: 0x5A, count: 4096).write(to: ledger)
        #expect(try runBriefing(["schedule", "status", "--input", "input"] + now, in: root).status == 74)
        try Data("schedules:\n  weekly:\n    cadence: fortnightly\n".utf8)
            .write(to: root.appendingPathComponent("layouts/schedules.yaml"))
        #expect(try runBriefing(["schedule", "run", "--input", "input", "--quiet"] + now, in: root).status == 65)
    }
}
