import Foundation
import Testing

/// Corrections as the commands meet them, with the real binary: a scheduled run after an edit
/// of corrections.yaml revises the periods it touches and no other; `evaluate` and `analyze`
/// apply the corrections unless told `--no-corrections`.
@Suite(.serialized) struct CorrectionsCommandTests {
    static let fixture = packageRoot.appendingPathComponent("Tests/Fixtures/corrections")

    /// The shipped layouts with a monthly schedule from May 2019, and a copy of the fixture folder.
    func workspace(_ name: String) throws -> URL {
        let root = try temporaryFolder(name)
        let layouts = root.appendingPathComponent("layouts")
        try FileManager.default.copyItem(at: packageRoot.appendingPathComponent("layouts"), to: layouts)
        try FileManager.default.copyItem(at: Self.fixture, to: root.appendingPathComponent("input"))
        try Data("""
            schedules:
              monthly:
                cadence: monthly
                time_zone: UTC
                start: 2019-05-01
                layouts: [analysis]
                output: "monthly/{key}/{layout}"
            """.utf8).write(to: layouts.appendingPathComponent("schedules.yaml"))
        return root
    }

    func edit(_ root: URL, _ from: String, _ to: String) throws {
        let url = root.appendingPathComponent("input/corrections.yaml")
        let text = try String(contentsOf: url, encoding: .utf8)
        #expect(text.contains(from))
        try Data(text.replacingOccurrences(of: from, with: to).utf8).write(to: url)
    }

    /// The editions a run produced: "2019-12 edition 2", from its log lines.
    func produced(_ root: URL) throws -> [String] {
        let r = try runBriefing(["schedule", "run", "--input", "input", "--now", "2020-01-15T00:00:00Z"], in: root)
        #expect(r.status == 0, "\(r.stderr)")
        return r.stdout.split(separator: "\n").compactMap { line in
            guard let at = line.range(of: "monthly ")?.upperBound, let colon = line.range(of: ": edition ") else { return nil }
            let edition = line[colon.upperBound...].prefix { $0.isNumber }
            return "\(line[at..<colon.lowerBound]) edition \(edition)"
        }
    }

    @Test func anEditedCorrectionRevisesOnlyThePeriodsItTouches() throws {
        let root = try workspace("schedule")
        defer { try? FileManager.default.removeItem(at: root) }
        let first = try produced(root)
        #expect(first.count == 8 && first.allSatisfy { $0.hasSuffix("edition 1") }, "\(first)")
        // The corrected date puts the September summit in October.
        let october = try Data(contentsOf: root.appendingPathComponent("output/monthly/2019-10/analysis.json"))
        #expect(String(decoding: october, as: UTF8.self).contains("011_summit_september.txt"))

        // An entry of the December readout fixed: December alone is revised.
        try edit(root, "{line: 3, text: \"The leaders shared the view\"}", "{line: 8, text: \"The leaders shared the view\"}")
        #expect(try produced(root) == ["2019-12 edition 2"])
        let december = try Data(contentsOf: root.appendingPathComponent("output/monthly/2019-12/analysis.edition-2.json"))
        #expect(String(decoding: december, as: UTF8.self).contains("\"kind\":\"drop\""))

        // The corrected date taken out: the summit's old period and its new one are revised.
        try edit(root, "    date: 2019-10-02\n", "")
        #expect(try produced(root) == ["2019-09 edition 2", "2019-10 edition 2"])

        // Nothing edited: nothing owed.
        #expect(try produced(root) == [])
    }

    @Test func evaluateScoresWithCorrectionsUnlessToldNot() throws {
        let root = try workspace("evaluate")
        defer { try? FileManager.default.removeItem(at: root) }
        try Data("""
            [{"file": "010_telephone_may.txt", "date": "2019-05-14", "kinds": ["telephone talk"], "place": "Tokyo"}]
            """.utf8).write(to: root.appendingPathComponent("truth.json"))
        let with = try runBriefing(["evaluate", "--truth", "truth.json", "--input", "input"], in: root)
        let without = try runBriefing(["evaluate", "--truth", "truth.json", "--input", "input", "--no-corrections"], in: root)
        #expect(with.status == 0 && without.status == 0, "\(with.stderr)\(without.stderr)")
        #expect(with.stdout.contains("place exact: 1/1"), "\(with.stdout)")
        #expect(without.stdout.contains("place exact: 0/1"), "\(without.stdout)")
    }

    @Test func analyzePrintsStaleCorrectionsAndCanLeaveThemAside() throws {
        let root = try workspace("analyze")
        defer { try? FileManager.default.removeItem(at: root) }
        let with = try runBriefing(["analyze", "--input", "input", "--json", "a.json"], in: root)
        #expect(with.status == 0, "\(with.stderr)")
        let yaml = try String(contentsOf: Self.fixture.appendingPathComponent("corrections.yaml"), encoding: .utf8)
        let line = yaml.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.hasPrefix("013_withdrawn_readout.txt:") }! + 1
        #expect(with.stderr.contains("input/corrections.yaml:\(line): warning: 013_withdrawn_readout.txt: no such readout"), "\(with.stderr)")
        #expect(with.stdout.contains("Warnings: 4"), "\(with.stdout)")
        let without = try runBriefing(["analyze", "--input", "input", "--json", "b.json", "--no-corrections"], in: root)
        #expect(!without.stderr.contains("corrections.yaml") && without.stdout.contains("Warnings: 0"), "\(without.stderr)")
        let a = String(decoding: try Data(contentsOf: root.appendingPathComponent("a.json")), as: UTF8.self)
        let b = String(decoding: try Data(contentsOf: root.appendingPathComponent("b.json")), as: UTF8.self)
        #expect(a.contains("\"source\":\"analyst\"") && a.contains("\"corrections\": ["))
        #expect(!b.contains("\"source\"") && !b.contains("\"corrections\""))
    }

    /// Rendering from readouts applies the corrections too, unless told `--no-corrections`,
    /// which a saved analysis (corrected or not when written) does not take.
    @Test func renderingFromReadoutsCanLeaveTheCorrectionsAside() throws {
        let root = try workspace("render")
        defer { try? FileManager.default.removeItem(at: root) }
        func appendix(_ args: [String]) throws -> String {
            let r = try runBriefing(["book", "--input", "input", "-o", "b.pdf"] + args, in: root)
            #expect(r.status == 0, "\(r.stderr)")
            let p = Process()
            p.executableURL = URL(fileURLWithPath: "/usr/bin/pdftotext")
            p.arguments = [root.appendingPathComponent("b.pdf").path, "-"]
            let out = Pipe()
            p.standardOutput = out
            try p.run()
            let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            p.waitUntilExit()
            return text
        }
        #expect(try appendix([]).contains("Corrections in force"))
        let plain = try appendix(["--no-corrections"])
        #expect(!plain.contains("Corrections in force") && !plain.contains("†"))
        #expect(try runBriefing(["analyze", "--input", "input", "--json", "a.json", "--quiet"], in: root).status == 0)
        let refused = try runBriefing(["brief", "--analysis", "a.json", "--no-corrections", "-o", "c.pdf"], in: root)
        #expect(refused.status == 64 && refused.stderr.contains("--no-corrections goes with --input"), "\(refused.stderr)")
    }
}
