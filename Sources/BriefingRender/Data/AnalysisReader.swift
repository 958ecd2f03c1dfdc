import BriefingModel
import Dispatch
import Foundation

/// Reads a saved analysis (the snake_case JSON `briefing analyze --json` writes) straight into
/// the model, in one pass over the bytes. Foundation's JSONDecoder takes about 9 s for a
/// 50,000-meeting export on this machine; this takes a fraction of a second. Anything it does
/// not expect falls back to `AnalysisCoding`, the canonical decoder. What either reads is then
/// checked (`AnalysisCheck`), so a hand-edited or hostile file is one clear error, not a
/// wrong or failing render.
public enum AnalysisReader {
    /// With `full == false` the fields rendering never shows are skipped unread: a
    /// commitment's clause, cue and concepts, a thread occurrence's text (the commitment's own
    /// text is kept), a meeting's statements.
    public static func load(from url: URL, full: Bool = false) throws(AnalysisReadError) -> Analysis {
        let path = url.path
        // A regular file only: mapping or reading a FIFO would wait for a writer for ever.
        do { _ = try RegularFile.check(path) } catch {
            throw AnalysisReadError(file: path, line: nil, kind: .unreadable, "the analysis \(error.message)")
        }
        let data: Data
        do { data = try Data(contentsOf: url, options: .alwaysMapped) } catch {
            throw AnalysisReadError(file: path, line: nil, kind: .unreadable, "cannot read the analysis (\(error.localizedDescription))")
        }
        return try decode(data, file: path, full: full)
    }

    /// Reads and checks an analysis from its bytes; `file` names it in the error.
    public static func decode(_ data: Data, file: String, full: Bool = false) throws(AnalysisReadError) -> Analysis {
        let analysis: Analysis
        do {
            analysis = try read(data, full: full)
        } catch let fast {
            // Cut short (the reader ran off the end): no decoder can read it, and the canonical
            // one would take seconds on a large file to say so.
            if let e = fast as? JSONPullError, e.offset >= data.count {
                throw AnalysisReadError(file: file, line: AnalysisReadError.line(of: e.offset, in: data), kind: .invalid,
                                        "the analysis ends early (\(e.what) at byte \(e.offset), the end of the file): it was cut short; write it again with `briefing analyze --json`")
            }
            do {
                analysis = try AnalysisCoding.decoder().decode(Analysis.self, from: data)
            } catch {
                // The fast reader knows the byte it stopped at; the canonical decoder's error
                // says little more than "corrupted".
                let offset = (fast as? JSONPullError)?.offset
                let what = (fast as? JSONPullError)?.what ?? "\(fast)"
                let at = offset.map { " at byte \($0)" } ?? ""
                throw AnalysisReadError(file: file, line: offset.map { AnalysisReadError.line(of: $0, in: data) }, kind: .invalid,
                                        "not a saved analysis, or a damaged one (\(what)\(at)); write it again with `briefing analyze --json`")
            }
        }
        do { try AnalysisCheck.check(analysis) } catch {
            throw AnalysisReadError(file: file, line: nil, kind: .invalid, "\(error.path): \(error.message)")
        }
        return analysis
    }

    public static func read(_ data: Data, full: Bool = true) throws -> Analysis {
        try data.withUnsafeBytes { raw in
            var p = JSONPull(raw.bindMemory(to: UInt8.self))
            p.full = full
            return try p.analysis()
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
    static func line(of offset: Int, in data: Data) -> Int {
        data.prefix(max(0, offset)).reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
    }
}

struct JSONPullError: Error { let offset: Int; let what: String }

/// An object key as it stands in the bytes; `switch key { case "file": ... }` compares bytes.
struct JSONKey {
    let bytes: UnsafeBufferPointer<UInt8>
    /// Set only for a key with escapes.
    let decoded: String?

    var string: String { decoded ?? String(decoding: bytes, as: UTF8.self) }

    static func ~= (pattern: StaticString, key: JSONKey) -> Bool {
        if let d = key.decoded { return d == pattern.description }
        let n = pattern.utf8CodeUnitCount
        guard n == key.bytes.count else { return false }
        return n == 0 || memcmp(pattern.utf8Start, key.bytes.baseAddress!, n) == 0
    }
}

/// A pull parser over UTF-8 bytes with typed reads, for the analysis shape only.
struct JSONPull {
    let b: UnsafeBufferPointer<UInt8>
    var i = 0
    var full = true
    /// Objects and arrays open around the position: a file nested deeper than any analysis is
    /// refused rather than recursed into until the stack runs out.
    var depth = 0
    static let maxDepth = 64

    init(_ bytes: UnsafeBufferPointer<UInt8>) { b = bytes }

    func fail(_ what: String) -> JSONPullError { JSONPullError(offset: i, what: what) }

    mutating func ws() {
        while i < b.count, b[i] == 0x20 || b[i] == 0x0A || b[i] == 0x0D || b[i] == 0x09 { i += 1 }
    }

    mutating func expect(_ c: UInt8) throws {
        ws()
        guard i < b.count, b[i] == c else { throw fail("expected \(Character(UnicodeScalar(c)))") }
        i += 1
    }

    /// True (and consumed) when the next value is null.
    mutating func null() -> Bool {
        ws()
        if i + 3 < b.count, b[i] == 0x6E, b[i + 1] == 0x75, b[i + 2] == 0x6C, b[i + 3] == 0x6C { i += 4; return true }
        return false
    }

    /// Calls `body` with each key of an object, positioned at its value.
    mutating func object(_ body: (inout JSONPull, JSONKey) throws -> Void) throws {
        try expect(0x7B)
        try enter()
        defer { depth -= 1 }
        ws()
        if i < b.count, b[i] == 0x7D { i += 1; return }
        while true {
            let key = try self.key()
            try expect(0x3A)
            try body(&self, key)
            ws()
            guard i < b.count else { throw fail("unterminated object") }
            if b[i] == 0x2C { i += 1; continue }
            if b[i] == 0x7D { i += 1; return }
            throw fail("expected , or }")
        }
    }

    mutating func enter() throws {
        depth += 1
        guard depth <= Self.maxDepth else { throw fail("nested more than \(Self.maxDepth) deep") }
    }

    mutating func array<T>(_ element: (inout JSONPull) throws -> T) throws -> [T] {
        try expect(0x5B)
        try enter()
        defer { depth -= 1 }
        var out: [T] = []
        ws()
        if i < b.count, b[i] == 0x5D { i += 1; return out }
        while true {
            out.append(try element(&self))
            ws()
            guard i < b.count else { throw fail("unterminated array") }
            if b[i] == 0x2C { i += 1; continue }
            if b[i] == 0x5D { i += 1; return out }
            throw fail("expected , or ]")
        }
    }

    /// An object's key, matched against literals in place (no String is made for it unless it
    /// has escapes).
    mutating func key() throws -> JSONKey {
        if let r = try plainString() { return JSONKey(bytes: UnsafeBufferPointer(rebasing: b[r]), decoded: nil) }
        return JSONKey(bytes: UnsafeBufferPointer(start: nil, count: 0), decoded: try string())
    }

    /// At a string's opening quote: when the string has no escapes, its bytes' range, with the
    /// position moved past its closing quote; otherwise nil, the position unchanged.
    mutating func plainString() throws -> Range<Int>? {
        try expect(0x22)
        let start = i
        while i < b.count, b[i] != 0x22, b[i] != 0x5C { i += 1 }
        guard i < b.count else { throw fail("unterminated string") }
        guard b[i] == 0x22 else {
            i = start - 1
            return nil
        }
        i += 1
        return start..<(i - 1)
    }

    mutating func string() throws -> String {
        if let r = try plainString() { return String(decoding: UnsafeBufferPointer(rebasing: b[r]), as: UTF8.self) }
        try expect(0x22)
        let start = i
        while b[i] != 0x5C { i += 1 }
        var bytes = Array(b[start..<i])
        while i < b.count {
            let c = b[i]
            if c == 0x22 { i += 1; return String(decoding: bytes, as: UTF8.self) }
            if c != 0x5C { bytes.append(c); i += 1; continue }
            i += 1
            guard i < b.count else { break }
            let e = b[i]
            i += 1
            switch e {
            case 0x6E: bytes.append(0x0A)
            case 0x74: bytes.append(0x09)
            case 0x72: bytes.append(0x0D)
            case 0x62: bytes.append(0x08)
            case 0x66: bytes.append(0x0C)
            case 0x75:
                var scalar = try hex4()
                // A high surrogate pairs only with a low one that follows; anything else is
                // U+FFFD, as JSONDecoder reads it, and what follows is read on its own.
                if (0xD800..<0xDC00).contains(scalar), i + 5 < b.count, b[i] == 0x5C, b[i + 1] == 0x75 {
                    let at = i
                    i += 2
                    let low = try hex4()
                    if (0xDC00..<0xE000).contains(low) {
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    } else {
                        i = at
                    }
                }
                bytes.append(contentsOf: Array(String(Character(UnicodeScalar(scalar) ?? "\u{FFFD}")).utf8))
            default: bytes.append(e)
            }
        }
        throw fail("unterminated string")
    }

    /// Index of the quote that closes a string whose content starts at `j` (SIMD memchr for the
    /// quote, then a look back for escaping backslashes).
    func closingQuote(from j: Int) -> Int? {
        var j = j
        guard let base = b.baseAddress else { return nil }
        while j < b.count {
            guard let hit = memchr(base + j, 0x22, b.count - j) else { return nil }
            let q = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            var backslashes = 0
            while q - backslashes - 1 >= j, b[q - backslashes - 1] == 0x5C { backslashes += 1 }
            if backslashes % 2 == 0 { return q }
            j = q + 1
        }
        return nil
    }

    /// Steps over a string without building it.
    mutating func skipString() throws {
        try expect(0x22)
        guard let q = closingQuote(from: i) else { throw fail("unterminated string") }
        i = q + 1
    }

    mutating func hex4() throws -> UInt32 {
        guard i + 4 <= b.count else { throw fail("bad \\u escape") }
        var v: UInt32 = 0
        for _ in 0..<4 {
            let c = b[i]
            i += 1
            let d: UInt32
            switch c {
            case 0x30...0x39: d = UInt32(c - 0x30)
            case 0x41...0x46: d = UInt32(c - 0x41 + 10)
            case 0x61...0x66: d = UInt32(c - 0x61 + 10)
            default: throw fail("bad \\u escape")
            }
            v = v * 16 + d
        }
        return v
    }

    mutating func optionalString() throws -> String? { null() ? nil : try string() }

    mutating func int() throws -> Int {
        ws()
        var neg = false
        if i < b.count, b[i] == 0x2D { neg = true; i += 1 }
        let start = i
        // Accumulated negative, so that -9223372036854775808 fits; a number that does not fit
        // an Int is refused rather than wrapped (its negation would trap).
        var v = 0
        while i < b.count, b[i] >= 0x30, b[i] <= 0x39 {
            let (tens, o1) = v.multipliedReportingOverflow(by: 10)
            let (next, o2) = tens.subtractingReportingOverflow(Int(b[i] - 0x30))
            guard !o1, !o2 else { throw fail("a number out of range") }
            v = next
            i += 1
        }
        guard i > start else { throw fail("expected a number") }
        if i < b.count, b[i] == 0x2E || b[i] == 0x65 || b[i] == 0x45 { throw fail("expected a whole number") }
        if neg { return v }
        guard v != .min else { throw fail("a number out of range") }
        return -v
    }

    mutating func optionalInt() throws -> Int? { null() ? nil : try int() }

    mutating func bool() throws -> Bool {
        ws()
        if i + 3 < b.count, b[i] == 0x74 { i += 4; return true }
        if i + 4 < b.count, b[i] == 0x66 { i += 5; return false }
        throw fail("expected true or false")
    }

    mutating func day() throws -> CalendarDay? {
        if null() { return nil }
        // Fast path for "YYYY-MM-DD" (no allocation); anything else goes through CalendarDay(iso:).
        if i + 11 < b.count, b[i] == 0x22, b[i + 11] == 0x22, b[i + 5] == 0x2D, b[i + 8] == 0x2D {
            func digits(_ from: Int, _ n: Int) -> Int? {
                var v = 0
                for k in from..<(from + n) {
                    let c = b[k]
                    guard c >= 0x30, c <= 0x39 else { return nil }
                    v = v * 10 + Int(c - 0x30)
                }
                return v
            }
            if let y = digits(i + 1, 4), let m = digits(i + 6, 2), let d = digits(i + 9, 2),
               let day = CalendarDay(year: y, month: m, day: d) {
                i += 12
                return day
            }
        }
        let s = try string()
        guard let d = CalendarDay(iso: s) else { throw fail("not an ISO date: \(s)") }
        return d
    }

    mutating func strings() throws -> [String] { try array { try $0.string() } }

    /// Skips any value.
    mutating func skip() throws {
        ws()
        guard i < b.count else { throw fail("unexpected end") }
        switch b[i] {
        case 0x7B: try object { p, _ in try p.skip() }
        case 0x5B: _ = try array { try $0.skip() }
        case 0x22: try skipString()
        default:
            while i < b.count, ![0x2C, 0x7D, 0x5D, 0x20, 0x0A, 0x0D, 0x09].contains(b[i]) { i += 1 }
        }
    }
}

extension JSONPull {
    mutating func analysis() throws -> Analysis {
        var format = 1, generator = "", input = ""
        var summary: Analysis.Summary?
        var relationship: Analysis.RelationshipInfo?
        var taxonomy: [Analysis.TopicLabel] = [], meetings: [Meeting] = [], topics: [TopicFrequency] = []
        var threads: [CommitmentThread] = [], diagnostics: [Diagnostic] = []
        try object { p, key in
            switch key {
            case "format_version": format = try p.int()
            case "generator": generator = try p.string()
            case "input": input = try p.string()
            case "summary": summary = try p.summary()
            case "relationship": relationship = try p.relationship()
            case "taxonomy":
                taxonomy = try p.array { q in
                    var id = "", label = ""
                    try q.object { r, k in
                        switch k { case "id": id = try r.string(); case "label": label = try r.string(); default: try r.skip() }
                    }
                    return Analysis.TopicLabel(id: id, label: label)
                }
            case "meetings": meetings = try p.parallelArray { try $0.meeting() }
            case "topics": topics = try p.array { try $0.topicFrequency() }
            case "threads": threads = try p.parallelArray { try $0.thread() }
            case "diagnostics": diagnostics = try p.array { try $0.diagnostic() }
            default: try p.skip()
            }
        }
        guard let summary else { throw fail("no summary") }
        return Analysis(formatVersion: format, generator: generator, input: input, summary: summary,
                        relationship: relationship, taxonomy: taxonomy,
                        meetings: meetings, topics: topics, threads: threads, diagnostics: diagnostics)
    }

    mutating func relationship() throws -> Analysis.RelationshipInfo {
        var r = Analysis.RelationshipInfo(id: "", title: "", label: "", bookTitle: "", briefTitle: "", sides: [])
        try object { p, key in
            switch key {
            case "id": r.id = try p.string()
            case "title": r.title = try p.string()
            case "label": r.label = try p.string()
            case "book_title": r.bookTitle = try p.string()
            case "brief_title": r.briefTitle = try p.string()
            case "sides":
                r.sides = try p.array { q in
                    var side = Analysis.RelationshipInfo.Side(id: "", label: "", country: "")
                    try q.object { s, k in
                        switch k {
                        case "id": side.id = try s.string()
                        case "label": side.label = try s.string()
                        case "country": side.country = try s.string()
                        default: try s.skip()
                        }
                    }
                    return side
                }
            default: try p.skip()
            }
        }
        return r
    }

    mutating func summary() throws -> Analysis.Summary {
        var s = Analysis.Summary(readouts: 0, meetings: 0, failed: 0, firstDate: nil, lastDate: nil,
                                 commitmentsByStrength: [:], threads: 0, warnings: 0, errors: 0)
        try object { p, key in
            switch key {
            case "readouts": s.readouts = try p.int()
            case "meetings": s.meetings = try p.int()
            case "failed": s.failed = try p.int()
            case "first_date": s.firstDate = try p.day()
            case "last_date": s.lastDate = try p.day()
            case "commitments_by_strength": try p.object { q, k in s.commitmentsByStrength[k.string] = try q.int() }
            case "threads": s.threads = try p.int()
            case "warnings": s.warnings = try p.int()
            case "errors": s.errors = try p.int()
            default: try p.skip()
            }
        }
        return s
    }

    mutating func participant() throws -> Participant {
        var x = Participant(name: "", role: nil, country: nil, side: nil, known: false)
        try object { p, key in
            switch key {
            case "name": x.name = try p.string()
            case "role": x.role = try p.optionalString()
            case "country": x.country = try p.optionalString()
            case "side": x.side = try p.optionalString()
            case "known": x.known = try p.bool()
            default: try p.skip()
            }
        }
        return x
    }

    mutating func strength() throws -> Commitment.Strength {
        let v = try int()
        guard let s = Commitment.Strength(rawValue: v) else { throw fail("strength \(v)") }
        return s
    }

    mutating func meeting() throws -> Meeting {
        var m = Meeting(file: "", path: "")
        try object { p, key in
            switch key {
            case "file": m.file = try p.string()
            case "path": m.path = try p.string()
            case "title": m.title = try p.optionalString()
            case "date": m.date = try p.day()
            case "date_inferred": m.dateInferred = try p.bool()
            case "date_source":
                let s = try p.string()
                guard let d = Meeting.DateSource(rawValue: s) else { throw p.fail("date_source \(s)") }
                m.dateSource = d
            case "kinds": m.kinds = try p.strings()
            case "parts":
                m.parts = try p.array { q in
                    var part = MeetingPart(kind: "")
                    try q.object { r, k in
                        switch k {
                        case "kind": part.kind = try r.string()
                        case "start_time": part.startTime = try r.optionalString()
                        case "duration_minutes": part.durationMinutes = try r.optionalInt()
                        default: try r.skip()
                        }
                    }
                    return part
                }
            case "participants": m.participants = try p.array { try $0.participant() }
            case "mentioned": m.mentioned = try p.array { try $0.participant() }
            case "place": m.place = try p.optionalString()
            case "start_time": m.startTime = try p.optionalString()
            case "duration_minutes": m.durationMinutes = try p.optionalInt()
            case "sections": m.sections = try p.strings()
            case "statement_count": m.statementCount = try p.int()
            case "topics":
                m.topics = try p.array { q in
                    var t = TopicCount(id: "", mentions: 0)
                    try q.object { r, k in
                        switch k { case "id": t.id = try r.string(); case "mentions": t.mentions = try r.int(); default: try r.skip() }
                    }
                    return t
                }
            case "commitments": m.commitments = try p.array { try $0.commitment() }
            case "statements":
                // Not used by rendering; the canonical decoder keeps them if a caller needs them.
                if !p.null() { try p.skip(); m.statements = nil }
            default: try p.skip()
            }
        }
        return m
    }

    mutating func commitment() throws -> Commitment {
        var c = Commitment(text: "", clause: "", actor: "", strength: .sharedView, cue: "", topics: [], concepts: [], file: "", line: 0)
        // The clause is stored as an offset into the text, so it is set once the text is known
        // (keys come sorted: "clause" before "text").
        var clause: String?
        try object { p, key in
            switch key {
            case "text": c.text = try p.string()
            case "clause": if p.full { clause = try p.string() } else { try p.skip() }
            case "actor": c.actor = try p.string()
            case "strength": c.strength = try p.strength()
            case "cue": if p.full { c.cue = try p.string() } else { try p.skip() }
            case "topics": c.topics = try p.strings()
            case "concepts": if p.full { c.concepts = try p.strings() } else { try p.skip() }
            case "file": c.file = try p.string()
            case "line": c.line = try p.int()
            default: try p.skip()
            }
        }
        if let clause { c.clause = clause }
        return c
    }

    mutating func topicFrequency() throws -> TopicFrequency {
        var t = TopicFrequency(id: "", label: "", mentions: 0, meetings: 0, commitments: 0, firstDate: nil, lastDate: nil, byYear: [])
        try object { p, key in
            switch key {
            case "id": t.id = try p.string()
            case "label": t.label = try p.string()
            case "mentions": t.mentions = try p.int()
            case "meetings": t.meetings = try p.int()
            case "commitments": t.commitments = try p.int()
            case "first_date": t.firstDate = try p.day()
            case "last_date": t.lastDate = try p.day()
            case "by_year":
                t.byYear = try p.array { q in
                    var y = TopicFrequency.YearCount(year: 0, mentions: 0, meetings: 0)
                    try q.object { r, k in
                        switch k {
                        case "year": y.year = try r.int()
                        case "mentions": y.mentions = try r.int()
                        case "meetings": y.meetings = try r.int()
                        default: try r.skip()
                        }
                    }
                    return y
                }
            default: try p.skip()
            }
        }
        return t
    }

    mutating func thread() throws -> CommitmentThread {
        var id = "", label = "", topic = "", groupedBy = ""
        var trend = CommitmentThread.Trend.new
        var occurrences: [CommitmentThread.Occurrence] = []
        try object { p, key in
            switch key {
            case "id": id = try p.string()
            case "label": label = try p.string()
            case "topic": topic = try p.string()
            case "grouped_by": groupedBy = try p.string()
            case "trend":
                let s = try p.string()
                guard let t = CommitmentThread.Trend(rawValue: s) else { throw p.fail("trend \(s)") }
                trend = t
            case "occurrences":
                occurrences = try p.array { q in
                    var o = CommitmentThread.Occurrence(file: "", date: nil, strength: .sharedView, actor: "", text: "", line: 0)
                    try q.object { r, k in
                        switch k {
                        case "file": o.file = try r.string()
                        case "date": o.date = try r.day()
                        case "strength": o.strength = try r.strength()
                        case "actor": o.actor = try r.string()
                        case "text": if r.full { o.text = try r.string() } else { try r.skip() }
                        case "line": o.line = try r.int()
                        default: try r.skip()
                        }
                    }
                    return o
                }
            default: try p.skip() // first_date, last_date, strengths: recomputed from occurrences
            }
        }
        return CommitmentThread(id: id, label: label, topic: topic, groupedBy: groupedBy, occurrences: occurrences, trend: trend)
    }

    mutating func diagnostic() throws -> Diagnostic {
        var severity = Diagnostic.Severity.warning, file = "", line: Int?, message = ""
        try object { p, key in
            switch key {
            case "severity":
                let s = try p.string()
                guard let v = Diagnostic.Severity(rawValue: s) else { throw p.fail("severity \(s)") }
                severity = v
            case "file": file = try p.string()
            case "line": line = try p.optionalInt()
            case "message": message = try p.string()
            default: try p.skip()
            }
        }
        return Diagnostic(severity, file: file, line: line, message)
    }
}
