import ArgumentParser
import BriefingAggregate
import BriefingConfig
import BriefingModel
import BriefingSchedule
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Plugs the extraction and rendering stages into the scheduler.
enum ScheduleWiring {
    /// The extraction stage over `layouts` and the input folder's manifest.
    static func analyzer(layouts: URL, relationship: String?, input: URL, now: Date) throws -> any ReadoutAnalyzer {
        let configuration: Configuration
        do {
            let (config, diagnostics) = try Configuration.load(layoutsFolder: layouts, relationship: relationship)
            for d in diagnostics { printError(d.description) }
            configuration = config
        } catch {
            printError(error.description)
            throw ExitCode(78)
        }
        // Years missing from a readout are inferred up to the run's --now, so replays agree.
        let asOf = CalendarDay(dayNumber: Int((now.timeIntervalSince1970 / 86_400).rounded(.down)))
        let corpus = CorpusAnalyzer(configuration: configuration, options: .init(asOf: asOf))
        let (manifest, diagnostics) = corpus.loadManifest(in: input)
        for d in diagnostics { printError(d.description) }
        let (corrections, correctionDiagnostics) = corpus.loadCorrections(in: input)
        for d in correctionDiagnostics { printError(d.description) }
        return CorpusReadoutAnalyzer(corpus: corpus, manifest: manifest, corrections: corrections,
                                     cacheKey: "extractor \(CorpusAnalyzer.extractorVersion); relationship \(configuration.relationship.id); configuration \(configurationDigest(layouts))")
    }

    /// SHA-256 over the extraction configuration (every YAML file under layouts/ but
    /// schedules.yaml): editing the taxonomy, a pack or the people re-extracts, editing a
    /// schedule does not.
    static func configurationDigest(_ layouts: URL) -> String {
        let names = ((FileManager.default.subpaths(atPath: layouts.path)) ?? [])
            .filter { ($0.hasSuffix(".yaml") || $0.hasSuffix(".yml")) && $0 != ScheduleFile.fileName }
            .sorted()
        var text = ""
        for name in names {
            let data = FileManager.default.contents(atPath: layouts.appendingPathComponent(name).path) ?? Data()
            text += "\(name)\t\(ContentHash.sha256(data))\n"
        }
        return ContentHash.sha256(text)
    }

    /// The rendering stage: the `analysis` layout is written by the scheduler; book, brief and
    /// charts by the Cairo renderer.
    static func renderer(layouts: URL) -> any ReportRenderer {
        AnalysisJSONRenderer(base: CairoReportRenderer(layoutsFolder: layouts))
    }

    /// `BRIEFING_FAULT=after-render:2` (or `after-rename:N`) SIGKILLs this process the Nth
    /// time a run reaches that point: for testing crash recovery with the real binary.
    static func faultHookFromEnvironment() -> FaultHook? {
        guard let spec = ProcessInfo.processInfo.environment["BRIEFING_FAULT"] else { return nil }
        let parts = spec.split(separator: ":")
        guard let first = parts.first, let point = FaultPoint(rawValue: String(first)) else { return nil }
        let target = parts.count > 1 ? Int(parts[1]) ?? 1 : 1
        let seen = FaultCount()
        return { p, _, _ in
            if p == point && seen.next() == target { kill(getpid(), SIGKILL) }
        }
    }
}

/// `CorpusAnalyzer` as the scheduler's `ReadoutAnalyzer`.
struct CorpusReadoutAnalyzer: ReadoutAnalyzer {
    let corpus: CorpusAnalyzer
    let manifest: Manifest?
    let corrections: Corrections?
    let cacheKey: String

    func readoutFiles(in folder: URL) throws -> [URL] {
        let (urls, unnamed) = try corpus.readoutURLs(in: folder)
        for name in unnamed {
            printError(Diagnostic(.warning, file: folder.path + "/" + name,
                                  "the file name is not valid UTF-8; schedules leave it out (rename it; `analyze` reads it)").description)
        }
        if let corrections {
            let names = Set(urls.map(\.lastPathComponent))
            for d in CorpusAnalyzer.unmatchedCorrections(corrections, readouts: names, folder: folder.path) { printError(d.description) }
        }
        return urls
    }

    /// The readout's manifest and corrections entries (not their lines: adding entries must
    /// not re-extract others). A changed corrections entry re-extracts its readout, whose
    /// periods (the old date's and the new) then get a revised edition.
    func extractionContext(forReadoutNamed name: String) -> String {
        var context = ""
        if let e = manifest?[name] {
            context = "date=\(e.date?.description ?? "")\u{1}place=\(e.place ?? "")\u{1}kind=\(e.kind ?? "")"
        }
        if let e = corrections?[name] { context += "\u{2}corrections=\(ContentHash.sha256(e.fingerprint))" }
        return context
    }

    func extract(readoutAt url: URL) -> ExtractedReadout {
        let r = corpus.extract(readoutAt: url, manifest: manifest, corrections: corrections)
        return ExtractedReadout(meeting: r.meeting, diagnostics: r.diagnostics)
    }

    func aggregate(_ readouts: [ExtractedReadout], input: String) -> Analysis {
        corpus.aggregate(readouts.map { ReadoutResult(meeting: $0.meeting, diagnostics: $0.diagnostics) }, input: input)
    }
}

private final class FaultCount: @unchecked Sendable {
    private var n = 0
    private let lock = NSLock()
    func next() -> Int { lock.lock(); defer { lock.unlock() }; n += 1; return n }
}
