import BriefingModel
import BriefingSchedule
import Foundation

/// Readouts for tests: a `.txt` whose first line is `date: YYYY-MM-DD` (or `date: none`).
struct FakeAnalyzer: ReadoutAnalyzer {
    var cacheKey = "fake-1"
    let extractions = Counter()
    /// Manifest-like dates by file name, overriding the text's.
    var manifest: [String: String] = [:]

    func extractionContext(forReadoutNamed name: String) -> String {
        manifest[name].map { "date: \($0)" } ?? ""
    }

    func readoutFiles(in folder: URL) throws -> [URL] {
        try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "txt" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
    }

    func extract(readoutAt url: URL) -> ExtractedReadout {
        extractions.increment()
        let text = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
        let first = text.split(separator: "\n").first.map(String.init) ?? ""
        let date = manifest[url.lastPathComponent].flatMap { CalendarDay(iso: $0) }
            ?? CalendarDay(iso: first.replacingOccurrences(of: "date: ", with: ""))
        let meeting = Meeting(file: url.lastPathComponent, path: url.path, title: first, date: date)
        return ExtractedReadout(meeting: meeting, diagnostics: date == nil
            ? [Diagnostic(.warning, file: url.path, line: 1, "no date")] : [])
    }

    func aggregate(_ readouts: [ExtractedReadout], input: String) -> Analysis {
        let meetings = readouts.compactMap(\.meeting).sorted { ($0.date!, $0.file) < ($1.date!, $1.file) }
        return Analysis(generator: "fake", input: input,
                        summary: .init(readouts: readouts.count, meetings: meetings.count, failed: 0,
                                       firstDate: meetings.first?.date, lastDate: meetings.last?.date,
                                       commitmentsByStrength: [:], threads: 0, warnings: 0, errors: 0),
                        taxonomy: [], meetings: meetings, topics: [], threads: [], diagnostics: [])
    }
}

/// Writes deterministic bytes naming the period and its meetings, ending in "END"; can be told
/// to fail for some reports.
struct FakeRenderer: ReportRenderer {
    /// Called before a failure is thrown, with the target (to leave a partial file behind).
    var beforeFailing: (@Sendable (URL) -> Void)?
    var failure: (@Sendable (ReportKind, ReportContext) -> (any Error)?)?

    init(failure: (@Sendable (ReportKind, ReportContext) -> (any Error)?)? = nil, beforeFailing: (@Sendable (URL) -> Void)? = nil) {
        self.beforeFailing = beforeFailing
        self.failure = failure
    }

    func render(_ analysis: Analysis, kind: ReportKind, context: ReportContext, to url: URL) throws {
        if let error = failure?(kind, context) {
            beforeFailing?(url)
            throw error
        }
        var text = "\(kind.rawValue)\n\(context.title)\n"
        text += context.isEmpty ? "No readouts in this period.\n" : analysis.meetings.map { "\($0.date!) \($0.file)\n" }.joined()
        text += "END\n"
        guard kind == .charts else { return try Data(text.utf8).write(to: url) }
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: false)
        for chart in ["frequency.pdf", "timeline.pdf"] {
            try Data("\(chart)\n\(text)".utf8).write(to: url.appendingPathComponent(chart))
        }
    }
}

final class Counter: @unchecked Sendable {
    private var n = 0
    private let lock = NSLock()
    func increment() { lock.lock(); n += 1; lock.unlock() }
    var value: Int { lock.lock(); defer { lock.unlock() }; return n }
    func reset() { lock.lock(); n = 0; lock.unlock() }
}

/// An input and an output folder under a fresh temporary folder.
struct Workspace {
    let root: URL
    var input: URL { root.appendingPathComponent("input") }
    var output: URL { root.appendingPathComponent("output") }
    var ledgerURL: URL { ScheduleLedger.url(inOutput: output) }

    init() {
        root = FileManager.default.temporaryDirectory
            .appendingPathComponent("briefing-schedule-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: root.appendingPathComponent("input"), withIntermediateDirectories: true)
    }

    func remove() { try? FileManager.default.removeItem(at: root) }

    @discardableResult
    func addReadout(_ name: String, date: String, body: String = "The leaders met.") -> URL {
        let url = input.appendingPathComponent(name)
        try! Data("date: \(date)\n\(body)\n".utf8).write(to: url)
        return url
    }

    func runner(_ schedules: [ScheduleDefinition], now: String, analyzer: FakeAnalyzer = FakeAnalyzer(),
                renderer: any ReportRenderer = FakeRenderer(), faults: FaultHook? = nil) -> ScheduleRunner {
        var options = ScheduleRunner.Options(input: input, output: output, now: ISOTime.parse(now)!)
        options.faults = faults
        return ScheduleRunner(schedules: schedules, analyzer: analyzer, renderer: renderer, options: options)
    }

    @discardableResult
    func run(_ schedules: [ScheduleDefinition], now: String, analyzer: FakeAnalyzer = FakeAnalyzer(),
             renderer: any ReportRenderer = FakeRenderer(), faults: FaultHook? = nil) throws -> RunReport {
        try runner(schedules, now: now, analyzer: analyzer, renderer: renderer, faults: faults).run()
    }

    func ledger() throws -> ScheduleLedger { try ScheduleLedger.open(at: ledgerURL, create: false)! }

    /// Every file under output/ except the ledger folder, relative to output/.
    func reportFiles() -> [String] {
        let base = output.standardizedFileURL.path
        guard let e = FileManager.default.enumerator(atPath: base) else { return [] }
        var out: [String] = []
        while let rel = e.nextObject() as? String {
            if rel.hasPrefix(".briefing") { continue }
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: base + "/" + rel, isDirectory: &isDir), !isDir.boolValue {
                out.append(rel)
            }
        }
        return out.sorted()
    }

    func read(_ rel: String) -> String {
        (try? String(contentsOf: output.appendingPathComponent(rel), encoding: .utf8)) ?? ""
    }
}

extension ScheduleDefinition {
    static func weekly(_ name: String = "weekly", start: String = "2026-01-05", zone: String = "Asia/Tokyo",
                       layouts: [ReportKind] = [.book], first: Weekday = .monday, every: Int = 1) -> ScheduleDefinition {
        ScheduleDefinition(name: name, cadence: .weekly(firstWeekday: first), every: every, timeZone: zone,
                           start: CalendarDay(iso: start)!, layouts: layouts)
    }

    static func monthly(_ name: String = "monthly", start: String = "2026-01-01", zone: String = "America/New_York",
                        layouts: [ReportKind] = [.book], every: Int = 1) -> ScheduleDefinition {
        ScheduleDefinition(name: name, cadence: .monthly, every: every, timeZone: zone,
                           start: CalendarDay(iso: start)!, layouts: layouts)
    }

    static func quarterly(_ name: String = "quarterly", start: String = "2026-01-01", zone: String = "UTC",
                          layouts: [ReportKind] = [.brief]) -> ScheduleDefinition {
        ScheduleDefinition(name: name, cadence: .quarterly, timeZone: zone, start: CalendarDay(iso: start)!,
                           layouts: layouts)
    }
}

func day(_ s: String) -> CalendarDay { CalendarDay(iso: s)! }
