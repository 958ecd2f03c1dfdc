import BriefingModel
@testable import BriefingSchedule
import Foundation
import Testing

@Suite("CorpusSnapshot: only regular files are readouts")
struct CorpusSnapshotTests {
    /// A FIFO, a socket-free stand-in for every non-file (a folder), a link loop, a dangling
    /// link and a file far over the readout size sit among the readouts: every period is still
    /// produced, each bad entry is reported once, and the FIFO is never opened (the run would
    /// wait for a writer for ever).
    @Test func hostileFilesInTheInputFolderStopNoPeriod() throws {
        let ws = Workspace(); defer { ws.remove() }
        ws.addReadout("a.txt", date: "2026-01-06")
        ws.addReadout("b.txt", date: "2026-01-13")
        ws.addReadout("c.txt", date: "2026-01-27")
        let input = ws.input.path
        #expect(mkfifo(input + "/x.txt", 0o644) == 0)
        try FileManager.default.createDirectory(atPath: input + "/folder.txt", withIntermediateDirectories: false)
        #expect(symlink("loop.txt", input + "/loop.txt") == 0)
        #expect(symlink("nowhere.txt", input + "/dangling.txt") == 0)
        // Over the hashing limit, and binary: hashed by identity, its extraction a warning.
        try Data(repeating: 0, count: CorpusSnapshot.hashLimit + 1).write(to: ws.input.appendingPathComponent("huge.txt"))
        let schedules = [ScheduleDefinition.weekly(zone: "UTC"), .monthly(zone: "UTC")]
        let lines = Lines()
        let report = try ws.runner(schedules, now: "2026-02-03T00:00:00Z").run { lines.add($0) }
        #expect(report.produced.map { "\($0.schedule) \($0.period)" } == [
            "weekly 2026-W02", "weekly 2026-W03", "weekly 2026-W04", "monthly 2026-01", "weekly 2026-W05",
        ])
        #expect(ws.read("weekly/2026-W05/briefing-book.pdf").contains("2026-01-27 c.txt"))
        let warnings = lines.all.filter { $0.contains(": warning: ") }
        for name in ["x.txt", "folder.txt", "loop.txt", "dangling.txt"] {
            #expect(warnings.filter { $0.contains("/\(name): warning: ") }.count == 1, "\(name): \(warnings)")
        }
        #expect(warnings.contains { $0.contains("/x.txt: warning: is a FIFO (named pipe)") })
        #expect(warnings.contains { $0.contains("/loop.txt: warning: is a link loop") })
        #expect(report.readouts == 4, "a, b, c and huge.txt are files; the others are left out")
        #expect(try LedgerInvariants.problems(ws, schedules: schedules, now: ISOTime.parse("2026-02-03T00:00:00Z")!, complete: true) == [])
        // Run again: nothing owed, the same entries left out, nothing opened.
        #expect(try ws.run(schedules, now: "2026-02-03T00:00:00Z").produced.isEmpty)
    }
}

private final class Lines: @unchecked Sendable {
    private var lines: [String] = []
    private let lock = NSLock()
    func add(_ s: String) { lock.lock(); lines.append(s); lock.unlock() }
    var all: [String] { lock.lock(); defer { lock.unlock() }; return lines }
}
