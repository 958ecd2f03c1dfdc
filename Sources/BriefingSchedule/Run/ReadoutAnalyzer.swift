import BriefingFormat
import BriefingModel
import Foundation

/// One readout's extraction as the cache stores it: the same shape as the aggregation stage's
/// `ReadoutResult`, so the command line converts between them field for field.
public struct ExtractedReadout: Sendable {
    public var meeting: Meeting?
    public var diagnostics: [Diagnostic]
    public init(meeting: Meeting?, diagnostics: [Diagnostic]) {
        self.meeting = meeting
        self.diagnostics = diagnostics
    }

    /// As the extraction cache keeps it: the analysis file's own keys (`ReadoutRecord`).
    func encoded() -> Data { ReadoutRecord(meeting: meeting, diagnostics: diagnostics).encoded() }

    /// What `encoded()` wrote; an entry of another format is an error.
    init(cached data: Data) throws(AnalysisReadError) {
        let r = try ReadoutRecord.decode(data)
        self.init(meeting: r.meeting, diagnostics: r.diagnostics)
    }

    /// The same extraction under another file name (identical bytes may sit in two files).
    func relocated(file: String, path: String) -> ExtractedReadout {
        guard var m = meeting, m.file != file || m.path != path else { return self }
        let old = m.path
        m.file = file
        m.path = path
        m.commitments = m.commitments.map { var c = $0; c.file = file; return c }
        m.statements = m.statements?.map { var s = $0; s.id = Statement.id(file: file, line: s.line, ordinal: Statement.ordinal(ofID: s.id)); return s }
        return ExtractedReadout(meeting: m, diagnostics: diagnostics.map {
            var d = $0
            if d.file == old { d.file = path }
            return d
        })
    }
}

/// The extraction and aggregation stages as the scheduler uses them. Injected, so the
/// scheduler never reaches into their internals and tests can use a fake.
public protocol ReadoutAnalyzer: Sendable {
    /// Changes whenever the same bytes could extract differently: the extractor version plus
    /// digests of the configuration and manifest. Keys the extraction cache.
    var cacheKey: String { get }
    /// The readouts in the input folder, in a stable order.
    func readoutFiles(in folder: URL) throws -> [URL]
    /// What besides its bytes decides one readout's extraction (its manifest and corrections
    /// entries), as text; "" when nothing. Part of that readout's cache key, so editing one
    /// entry re-extracts one readout, not the corpus, and revises only its periods.
    func extractionContext(forReadoutNamed name: String) -> String
    func extract(readoutAt url: URL) -> ExtractedReadout
    /// One period's readouts (any order) -> that period's analysis.
    func aggregate(_ readouts: [ExtractedReadout], input: String) -> Analysis
}

extension ReadoutAnalyzer {
    public func extractionContext(forReadoutNamed name: String) -> String { "" }
}
