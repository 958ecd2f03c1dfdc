import BriefingModel
import Foundation

/// One readout's extraction as the schedule ledger's cache keeps it: its meeting (nil when the
/// readout could not be used) and the findings about it, in the analysis file's own keys:
/// `{"diagnostics":[...],"format_version":1,"meeting":{...}}`.
public struct ReadoutRecord: Sendable, Hashable {
    /// The analysis file's format version. Required on reading: an entry written in another
    /// shape (before the key table) has none and is refused rather than half read.
    static let formatVersion = 1

    var formatVersion = ReadoutRecord.formatVersion
    public var meeting: Meeting?
    public var diagnostics: [Diagnostic]

    public init(meeting: Meeting?, diagnostics: [Diagnostic]) {
        self.meeting = meeting
        self.diagnostics = diagnostics
    }

    /// The record as bytes.
    public func encoded() -> Data {
        let w = JSONWriter(capacity: 4096)
        Self.write(self, to: w)
        return w.withBytes { Data($0) }
    }

    /// A record from what `encoded()` wrote, every field read; an error says at which byte and
    /// key it stopped (a cache entry of another format is one).
    public static func decode(_ data: Data) throws(AnalysisReadError) -> ReadoutRecord {
        do {
            return try data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) throws -> ReadoutRecord in
                var p = JSONPull(raw.bindMemory(to: UInt8.self))
                let r = try read(from: &p)
                p.ws()
                guard p.i == p.b.count else { throw p.fail("more after the record") }
                guard r.formatVersion == formatVersion else { throw p.fail("format \(r.formatVersion), not \(formatVersion)") }
                return r
            }
        } catch {
            let at = (error as? JSONPullError).map { " at byte \($0.offset)" } ?? ""
            throw AnalysisReadError(file: "extraction cache", line: nil, kind: .invalid, "not a cached readout (\(error)\(at))")
        }
    }
}
