import BriefingModel
import Dispatch
import Foundation

/// Reads a saved analysis (what `briefing analyze --json` writes) straight into the model, in
/// one pass over the memory-mapped bytes, through the key table; the bulk in parallel chunks.
/// What it reads is then checked (`AnalysisCheck`), so a hand-edited or hostile file is one
/// clear error naming the byte and line, not a wrong or failing render.
public enum AnalysisReader {
    /// With `full == false` the fields rendering never shows (marked `lean` in the key table)
    /// are skipped unread: a commitment's clause, cue and concepts, a thread occurrence's text
    /// (the commitment's own text is kept), a meeting's statements.
    public static func load(from url: URL, full: Bool = false) throws(AnalysisReadError) -> Analysis {
        let path = url.path
        // A regular file only: mapping or reading a FIFO would wait for a writer for ever.
        do { _ = try RegularFile.check(path) } catch {
            throw AnalysisReadError(file: path, line: nil, kind: .unreadable, "the analysis \(error.message)")
        }
        let file: MappedFile
        do { file = try MappedFile(path: path) } catch {
            throw AnalysisReadError(file: path, line: nil, kind: .unreadable, "cannot read the analysis (\(error.message))")
        }
        return try withExtendedLifetime(file) { () throws(AnalysisReadError) -> Analysis in
            try decode(file.bytes, file: path, full: full, release: { file.release($0) })
        }
    }

    /// Reads and checks an analysis from its bytes; `file` names it in the error.
    public static func decode(_ data: Data, file: String, full: Bool = false) throws(AnalysisReadError) -> Analysis {
        let outcome = data.withUnsafeBytes { raw -> Result<Analysis, AnalysisReadError> in
            Result { () throws(AnalysisReadError) -> Analysis in try decode(raw.bindMemory(to: UInt8.self), file: file, full: full) }
        }
        return try outcome.get()
    }

    /// Reads and checks an analysis from `bytes`; `release` is told each stretch of bytes the
    /// reader is done with.
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, file: String, full: Bool,
                       release: (@Sendable (Range<Int>) -> Void)? = nil) throws(AnalysisReadError) -> Analysis {
        let analysis: Analysis
        do {
            analysis = try read(bytes, full: full, release: release)
        } catch {
            // Ran off the end: the file was cut short (a copy or a write interrupted).
            if error.offset >= bytes.count {
                throw AnalysisReadError(file: file, line: AnalysisReadError.line(of: error.offset, in: bytes), kind: .invalid,
                                        "the analysis ends early (\(error) at byte \(error.offset), the end of the file): "
                                            + "it was cut short; write it again with `briefing analyze --json`")
            }
            throw AnalysisReadError(file: file, line: AnalysisReadError.line(of: error.offset, in: bytes), kind: .invalid,
                                    "not a saved analysis, or a damaged one (\(error) at byte \(error.offset)); "
                                        + "write it again with `briefing analyze --json`")
        }
        do { try AnalysisCheck.check(analysis) } catch {
            throw AnalysisReadError(file: file, line: nil, kind: .invalid, "\(error.path): \(error.message)")
        }
        return analysis
    }

    /// The analysis in `data`, unchecked; the error says at which byte and key reading stopped.
    static func read(_ data: Data, full: Bool = true) throws(JSONPullError) -> Analysis {
        let outcome = data.withUnsafeBytes { raw -> Result<Analysis, JSONPullError> in
            Result { () throws(JSONPullError) -> Analysis in try read(raw.bindMemory(to: UInt8.self), full: full) }
        }
        return try outcome.get()
    }

    static func read(_ bytes: UnsafeBufferPointer<UInt8>, full: Bool,
                     release: (@Sendable (Range<Int>) -> Void)? = nil) throws(JSONPullError) -> Analysis {
        var p = JSONPull(bytes)
        p.full = full
        p.release = release
        do {
            let a = try Analysis.read(from: &p)
            p.ws()
            guard p.i == p.b.count else { throw p.fail("more after the analysis") }
            return a
        } catch {
            // Every reader of the table throws JSONPullError.
            throw error as? JSONPullError ?? p.fail("\(error)")
        }
    }
}

/// A saved analysis that cannot be used, with the file (and the line, when known).
public struct AnalysisReadError: Error, Sendable, CustomStringConvertible {
    public enum Kind: Sendable { case unreadable, invalid }
    public var file: String
    public var line: Int?
    /// Unreadable (missing, not a regular file) or invalid (not an analysis, damaged, hostile).
    public var kind: Kind
    public var message: String

    public init(file: String, line: Int?, kind: Kind, _ message: String) {
        self.file = file
        self.line = line
        self.kind = kind
        self.message = message
    }

    public var description: String { Diagnostic(.error, file: file, line: line, message).description }

    /// The 1-based line holding byte `offset`.
    static func line<Bytes: Collection<UInt8>>(of offset: Int, in bytes: Bytes) -> Int {
        bytes.prefix(max(0, offset)).reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
    }
}

extension AnalysisReader {
    /// The statements a lean read of `url` skipped, read at the places it noted
    /// (`Meeting.statementsInFile`), by file: no pass over the rest of the file.
    public static func statements(from url: URL, at spans: [String: FileSpan]) throws(AnalysisReadError) -> [String: [Statement]] {
        let path = url.path
        guard !spans.isEmpty else { return [:] }
        let mapped: MappedFile
        do { mapped = try MappedFile(path: path) } catch {
            throw AnalysisReadError(file: path, line: nil, kind: .unreadable, "cannot read the analysis (\(error.message))")
        }
        return try withExtendedLifetime(mapped) { () throws(AnalysisReadError) -> [String: [Statement]] in
            let all = mapped.bytes
            var found: [String: [Statement]] = [:]
            for (file, span) in spans {
                var p = JSONPull(all)
                p.i = span.bytes.lowerBound
                do {
                    // The file changed since it was read when the value no longer ends where it did.
                    guard span.bytes.upperBound <= all.count else { throw p.fail("the analysis changed while it was read") }
                    found[file] = try [Statement].read(from: &p)
                    guard p.i == span.bytes.upperBound else { throw p.fail("the analysis changed while it was read") }
                } catch {
                    let e = error as? JSONPullError ?? p.fail("\(error)")
                    throw AnalysisReadError(file: path, line: AnalysisReadError.line(of: e.offset, in: all), kind: .invalid,
                                            "cannot read the statements (\(e) at byte \(e.offset))")
                }
            }
            return found
        }
    }
}
