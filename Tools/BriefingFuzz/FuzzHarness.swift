import BriefingAggregate
import BriefingConfig
import BriefingFormat
import BriefingIngest
import BriefingModel
import BriefingRender
import BriefingSchedule
import Foundation

/// Runs fuzz inputs through the project's readers, with the shipped layouts. Made once per
/// process; `run` may be called from any thread.
public final class FuzzHarness: Sendable {
    let configuration: Configuration
    let analyzer: CorpusAnalyzer
    /// Where the export round trip writes (a RAM disk when there is one).
    let scratch: URL

    /// A readout written for the configuration, manifest and front-matter targets, which vary
    /// what it is read with rather than the readout itself.
    static let sampleReadout = """
        Japan-U.S. Foreign Ministers' Telephone Talk
        May 14, 2019
        On May 14, commencing at 9:00 a.m. for approximately 20 minutes, Mr. Taro Kono, Minister for Foreign Affairs of Japan, held a telephone talk with the Honorable Michael R. Pompeo, Secretary of State of the United States.
        1. The two ministers confirmed that they will continue to coordinate closely on North Korea, including the abductions issue.
        2. Minister Kono expressed his intention to work together toward a free and open Indo-Pacific and agreed to meet again in June.

        """

    public init(layouts: URL) throws {
        configuration = try Configuration.load(layoutsFolder: layouts).0
        analyzer = Self.analyzer(configuration)
        let shm = URL(fileURLWithPath: "/dev/shm", isDirectory: true)
        let base = FileManager.default.isWritableFile(atPath: shm.path) ? shm : FileManager.default.temporaryDirectory
        scratch = base.appendingPathComponent("briefing-fuzz-\(getpid())-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: scratch) }

    static func analyzer(_ configuration: Configuration) -> CorpusAnalyzer {
        // A fixed "today", so the same input always gives the same answer.
        CorpusAnalyzer(configuration: configuration, options: .init(asOf: CalendarDay(year: 2026, month: 11, day: 21)))
    }

    public func run(_ target: FuzzTarget, _ bytes: [UInt8]) -> FuzzOutcome {
        let outcome = answer(target, bytes)
        // Every message is one `path:line: severity: ...` line, whatever the input.
        for m in outcome.messages { invariant(!m.isEmpty && !m.contains("\n"), "a message over several lines: \(m)") }
        return outcome
    }

    private func answer(_ target: FuzzTarget, _ bytes: [UInt8]) -> FuzzOutcome {
        switch target {
        case .readoutText, .readoutMarkdown, .readoutHTML: readout(bytes, name: target.readoutName!)
        case .analysis: analysis(bytes)
        case .render: render(bytes)
        case .layout: text(bytes) { layout($0) }
        case .configuration: text(bytes) { configurationFile($0) }
        case .manifest: text(bytes) { manifest($0) }
        case .corrections: text(bytes) { corrections($0) }
        case .frontMatter: text(bytes) { frontMatter($0) }
        case .schedules: text(bytes) { schedules($0) }
        }
    }

    /// The YAML readers take UTF-8 text; anything else is refused before them, as
    /// `YAMLNode.readFile` does.
    private func text(_ bytes: [UInt8], _ body: (String) -> FuzzOutcome) -> FuzzOutcome {
        guard let s = String(validating: bytes, as: UTF8.self) else {
            return .rejected(Diagnostic(.error, file: "fuzz.yaml", line: nil, "not UTF-8 text").description)
        }
        return body(s)
    }

    // MARK: readouts

    /// One readout as `analyze` reads it, aggregated alone, written by the export writer and
    /// read back by the analysis reader. Invariants: every finding names the readout; a failed
    /// readout adds no meeting; the export reads back as what was written.
    func readout(_ bytes: [UInt8], name: String, analyzer: CorpusAnalyzer? = nil, manifest: Manifest? = nil,
                 corrections: Corrections? = nil) -> FuzzOutcome {
        let analyzer = analyzer ?? self.analyzer
        let result = analyzer.extract(bytes: bytes, name: name, displayPath: name, manifest: manifest, corrections: corrections)
        for d in result.diagnostics {
            invariant(!d.message.isEmpty, "a diagnostic without a message")
            invariant(!d.description.contains("\n"), "a diagnostic over several lines: \(d.description)")
            invariant(d.file == name || d.file == manifest?.file || d.file == corrections?.file,
                      "a diagnostic about \(d.file), not the readout \(name)")
        }
        let analysis = analyzer.aggregate([result], input: "fuzz")
        invariant(analysis.meetings.count == (result.failed ? 0 : 1), "a failed readout among the meetings, or a good one missing")
        invariant(analysis.summary.failed == (result.diagnostics.contains { $0.severity == .error } ? 1 : 0),
                  "the summary's failed count")
        roundTrip(analysis)
        return FuzzOutcome(accepted: !result.failed, messages: result.diagnostics.map(\.description))
    }

    /// Writes the analysis as `analyze --json` does and reads it back as `book --analysis` does.
    private func roundTrip(_ analysis: Analysis) {
        let url = scratch.appendingPathComponent("\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: url) }
        do {
            try AnalysisWriter.write(analysis, to: url)
            let back = try AnalysisReader.load(from: url, full: true)
            invariant(back.meetings == analysis.meetings, "the export's meetings read back differently")
            invariant(back.threads == analysis.threads, "the export's threads read back differently")
            invariant(back.topics == analysis.topics, "the export's topics read back differently")
            invariant(back.diagnostics == analysis.diagnostics, "the export's diagnostics read back differently")
        } catch {
            invariant(false, "the export of a readout cannot be read back: \(error)")
        }
    }

    // MARK: saved analyses

    /// A saved analysis as the render commands read it, then what they compute from it first.
    func analysis(_ bytes: [UInt8]) -> FuzzOutcome {
        let a: Analysis
        do { a = try AnalysisReader.decode(Data(bytes), file: "fuzz.json") } catch {
            invariant(!error.message.isEmpty, "an analysis error without a message")
            return .rejected(error.description)
        }
        // Every field the model derives reads without a trap.
        for m in a.meetings { for c in m.commitments { _ = c.clause } }
        for t in a.threads { _ = (t.firstDate, t.lastDate, t.strengths) }
        let digest = BriefingDigest(analysis: a)
        _ = digest.periodText
        for t in a.threads { _ = BriefingDigest.strengthPath(t) }
        if let first = digest.firstDate, let last = digest.lastDate {
            _ = AnalysisPeriod(from: first.adding(days: 1), to: last).apply(to: a)
        }
        _ = AnalysisPeriod(from: CalendarDay(year: 2018, month: 1, day: 1), to: nil).apply(to: a)
        return FuzzOutcome(accepted: true, messages: [])
    }

    /// An accepted analysis rendered as `brief`, `chart --all` and `book` would render it
    /// (links off: they would start qpdf at every run).
    func render(_ bytes: [UInt8]) -> FuzzOutcome {
        let a: Analysis
        do { a = try AnalysisReader.decode(Data(bytes), file: "fuzz.json") } catch {
            return .rejected(error.description)
        }
        let folder = scratch.appendingPathComponent(UUID().uuidString, isDirectory: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var out = FuzzOutcome(accepted: true, messages: [])
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let date = DocumentDate.resolve(analysis: a, environment: [:])
            let brief = Layout.defaults(for: .brief)
            _ = try BriefRenderer(layout: brief).render(a, to: folder.appendingPathComponent("brief.pdf"), date: date)
            var book = Layout.defaults(for: .book)
            book.links = false
            let charts = ChartExporter(layout: book)
            let format = ChartExporter.Format.allCases[bytes.count % ChartExporter.Format.allCases.count]
            for item in charts.overviewItems(a) + a.topics.prefix(3).map(charts.topicItem) {
                _ = try charts.write(item, format: format, folder: folder, date: date)
            }
            _ = try BookRenderer(layout: book).render(a, to: folder.appendingPathComponent("book.pdf"), date: date)
        } catch {
            out.messages.append(Diagnostic(.error, file: "fuzz.json", "\(error)").description)
        }
        return out
    }

    // MARK: YAML a user edits

    func layout(_ text: String) -> FuzzOutcome {
        var out = FuzzOutcome(accepted: false, messages: [])
        for kind in Layout.Kind.allCases {
            do {
                _ = try LayoutLoader(file: "fuzz.yaml").parse(text, kind: kind)
                out.accepted = true
            } catch {
                out.messages.append("\(error)")
            }
        }
        return out
    }

    /// Every extraction loader reads the text; each that accepts it replaces its part of the
    /// shipped configuration, which then extracts the sample readout.
    func configurationFile(_ text: String) -> FuzzOutcome {
        let root: YAMLNode
        do {
            guard let r = try YAMLNode.parse(text, file: "fuzz.yaml") else {
                return .rejected(Diagnostic(.error, file: "fuzz.yaml", line: nil, "empty").description)
            }
            root = r
        } catch {
            return .rejected(error.description)
        }
        var out = FuzzOutcome(accepted: false, messages: [])
        func attempt(_ change: (inout Configuration) throws(ConfigurationError) -> Void) {
            var c = configuration
            do { try change(&c) } catch {
                out.messages.append(error.description)
                return
            }
            out.accepted = true
            _ = readout(Array(Self.sampleReadout.utf8), name: "sample.txt", analyzer: Self.analyzer(c))
        }
        attempt { c throws(ConfigurationError) in c.taxonomy = try Taxonomy.load(root) }
        attempt { c throws(ConfigurationError) in c.people = try PeopleRegistry.load(root) }
        attempt { c throws(ConfigurationError) in c.relationship = try Relationship.load(root, id: "fuzz") }
        attempt { c throws(ConfigurationError) in c.meetings = try MeetingVocabulary.load(root) }
        attempt { c throws(ConfigurationError) in c.commitments = try CommitmentVocabulary.load(root) }
        attempt { c throws(ConfigurationError) in c.names = try NameVocabulary.load(root) }
        attempt { c throws(ConfigurationError) in c.taxonomy = try c.taxonomy.extended(by: root) }
        attempt { c throws(ConfigurationError) in c.meetings = try c.meetings.extended(byPlaces: root) }
        return out
    }

    /// A manifest; an accepted one then gives its first entries' readout names and fields to
    /// the sample readout.
    func manifest(_ text: String) -> FuzzOutcome {
        let manifest: Manifest
        let diagnostics: [Diagnostic]
        do { (manifest, diagnostics) = try Manifest.parse(text, file: "manifest.yaml") } catch {
            return .rejected(error.description)
        }
        for name in manifest.entries.keys.sorted().prefix(3) {
            guard let dot = name.lastIndex(of: "."), !name.contains("/"),
                  ReadoutText.extensions.contains(name[name.index(after: dot)...].lowercased()) else { continue }
            _ = readout(Array(Self.sampleReadout.utf8), name: name, manifest: manifest)
        }
        return FuzzOutcome(accepted: true, messages: diagnostics.map(\.description))
    }

    /// A corrections file, checked against the shipped relationship and taxonomy; an accepted
    /// one then corrects the sample readout under its first entries' names (so stale and
    /// applied corrections both run, and the export round trip holds the marks they leave).
    func corrections(_ text: String) -> FuzzOutcome {
        let corrections: Corrections
        let diagnostics: [Diagnostic]
        do {
            (corrections, diagnostics) = try Corrections.parse(text, file: "corrections.yaml", vocabulary: .init(configuration))
        } catch {
            return .rejected(error.description)
        }
        for d in diagnostics { invariant(d.file == "corrections.yaml" && !d.message.isEmpty, "a corrections finding: \(d)") }
        for name in corrections.entries.keys.sorted().prefix(3) {
            guard let dot = name.lastIndex(of: "."), !name.contains("/"),
                  ReadoutText.extensions.contains(name[name.index(after: dot)...].lowercased()) else { continue }
            _ = readout(Array(Self.sampleReadout.utf8), name: name, corrections: corrections)
        }
        return FuzzOutcome(accepted: true, messages: diagnostics.map(\.description))
    }

    /// Front matter on the sample readout, read as a Markdown readout.
    func frontMatter(_ text: String) -> FuzzOutcome {
        readout(Array("---\n\(text)\n---\n\(Self.sampleReadout)".utf8), name: "fuzz.md")
    }

    /// A schedules file, then the periods around a fixed day of every schedule it defines.
    func schedules(_ text: String) -> FuzzOutcome {
        let (definitions, diagnostics) = ScheduleFile.parse(text, file: "schedules.yaml")
        for d in diagnostics { invariant(!d.message.isEmpty, "a schedules diagnostic without a message") }
        for definition in definitions {
            guard let calendar = try? PeriodCalendar(definition) else { continue }
            let day = CalendarDay(year: 2026, month: 11, day: 23)!
            let i = calendar.index(containing: day)
            for index in [0, i - 1, i, i + 1] {
                let p = calendar.period(index)
                invariant(p.startDay < p.endDay, "a period that ends before it starts")
            }
            invariant(calendar.period(i).startDay <= day && day < calendar.period(i).endDay,
                      "the period containing a day does not contain it")
        }
        return FuzzOutcome(accepted: !definitions.isEmpty, messages: diagnostics.map(\.description))
    }
}

/// A broken invariant is a finding: it stops the fuzzer (and fails the regression test) with
/// the reason.
func invariant(_ condition: @autoclosure () -> Bool, _ what: @autoclosure () -> String) {
    if !condition() { fatalError("fuzz invariant broken: \(what())") }
}
