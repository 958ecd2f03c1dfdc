import BriefingConfig
import BriefingExtract
import BriefingIngest
import BriefingModel
import Dispatch
import Foundation

/// A folder of readouts -> an Analysis: finds the readouts, extracts each on all cores, and
/// aggregates topic frequencies and commitment threads.
public struct CorpusAnalyzer: Sendable {
    public struct Options: Sendable {
        /// Keep each statement's speaker, topics and section (every statement's id, line and
        /// text are kept).
        public var keepStatements = false
        /// Keep the sentences at all; off, meetings hold none (`statements` nil) and a book
        /// reads its quoted readouts' again (`sentences(of:)`).
        public var keepSentences = true
        /// Latest date a missing year may be inferred for; today by default.
        public var asOf: CalendarDay?
        /// Told how many readouts are extracted, as they are.
        public var progress: ProgressHandler?
        /// Apply the input folder's `corrections.yaml`, when it has one (off: the extractor alone).
        public var applyCorrections = true
        /// Done to each meeting as soon as it is extracted and corrected: `analyze` encodes its
        /// sentences then (`AnalysisWriter.encodeStatements`), so 50,000 readouts' sentences
        /// wait for the export in their written form.
        public var finish: (@Sendable (inout Meeting) -> Void)?
        public init(keepStatements: Bool = false, keepSentences: Bool = true, asOf: CalendarDay? = nil,
                    progress: ProgressHandler? = nil, applyCorrections: Bool = true) {
            self.keepStatements = keepStatements
            self.keepSentences = keepSentences
            self.asOf = asOf
            self.progress = progress
            self.applyCorrections = applyCorrections
        }
    }

    /// Bumped whenever extraction would give a different result for the same bytes: caches
    /// key on it.
    public static let extractorVersion = "1.1.0"
    public static let generator = "BriefingBook extractor \(extractorVersion)"

    public let configuration: Configuration
    public let options: Options
    let extractor: MeetingExtractor
    let corrector: MeetingCorrector

    public init(configuration: Configuration, options: Options = .init()) {
        self.configuration = configuration
        self.options = options
        extractor = MeetingExtractor(configuration: configuration, asOf: options.asOf ?? CorpusAnalyzer.today(),
                                     keepStatements: options.keepStatements, keepSentences: options.keepSentences)
        corrector = MeetingCorrector(extractor: extractor, relationship: configuration.relationship, people: configuration.people)
    }

    static func today() -> CalendarDay {
        CalendarDay(dayNumber: Int((Date().timeIntervalSince1970 / 86_400).rounded(.down)))
    }

    /// Readout files in a folder (not recursive), by name. Hidden files and the manifest are
    /// skipped; so are names that are not valid UTF-8, which a URL cannot hold (`analyze`
    /// reads those by their bytes; `readoutURLs` names them).
    public func readoutFiles(in folder: URL) throws -> [URL] {
        try readoutURLs(in: folder).urls
    }

    /// The readout files a URL can name, and the names (escaped) of those it cannot.
    public func readoutURLs(in folder: URL) throws -> (urls: [URL], unnamed: [String]) {
        let names = try readoutNames(in: folder).map(\.name)
        return (names.filter { $0.raw == nil }.map { folder.appendingPathComponent($0.display, isDirectory: false) },
                names.filter { $0.raw != nil }.map(\.display))
    }

    /// A readout's name in its folder, and whether the listing says it is a regular file.
    struct Listed: Sendable {
        var name: FileName
        var isRegular: Bool
    }

    /// The names of the readout files in a folder, sorted. (Names, not URLs: a URL weighs a few
    /// hundred bytes, and a corpus of 50,000 readouts held them all through extraction.) Names
    /// in any bytes are listed: one that is not valid UTF-8 is kept as bytes and shown escaped.
    func readoutNames(in folder: URL) throws -> [Listed] {
        // readdir, not FileManager: no stat per entry, which a folder of 50,000 readouts feels.
        guard let dir = opendir(folder.path) else {
            throw CorpusError.unreadableFolder(folder.path, String(cString: strerror(errno)))
        }
        defer { closedir(dir) }
        var names: [Listed] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                FileName(bytes: UnsafeRawBufferPointer(rebasing: raw[..<(raw.firstIndex(of: 0) ?? raw.count)]))
            }
            let display = name.display
            guard !display.hasPrefix("."), let dot = display.lastIndex(of: "."),
                  ReadoutText.extensions.contains(display[display.index(after: dot)...].lowercased()) else { continue }
            // The entry's type comes with it; anything but a regular file (a link, a FIFO, a
            // file system that does not say) is looked at before it is opened.
            names.append(Listed(name: name, isRegular: entry.pointee.d_type == UInt8(DT_REG)))
        }
        return names.sorted { $0.name.display < $1.name.display }
    }

    /// The folder's manifest, if any; a malformed one is an error diagnostic, not a stop.
    public func loadManifest(in folder: URL) -> (Manifest?, [Diagnostic]) {
        do {
            guard let (m, d) = try Manifest.load(inFolder: folder) else { return (nil, []) }
            return (m, d)
        } catch {
            return (nil, [error.diagnostic])
        }
    }

    /// The folder's corrections, checked against this configuration's sides and topics; nil
    /// when there are none or `applyCorrections` is off. A malformed file is an error
    /// diagnostic, not a stop.
    public func loadCorrections(in folder: URL) -> (Corrections?, [Diagnostic]) {
        guard options.applyCorrections else { return (nil, []) }
        do {
            guard let (c, d) = try Corrections.load(inFolder: folder, vocabulary: .init(configuration)) else { return (nil, []) }
            return (c, d)
        } catch {
            return (nil, [error.diagnostic])
        }
    }

    /// Warnings for the corrections' entries that name no readout of `names`: stale, not applied.
    public static func unmatchedCorrections(_ corrections: Corrections, readouts names: Set<String>, folder: String) -> [Diagnostic] {
        corrections.entries.filter { !names.contains($0.key) }.map { name, entry in
            Diagnostic(.warning, file: corrections.file, line: entry.line,
                       "\(name): no such readout in \(folder); its corrections are not applied (stale)")
        }.sorted { ($0.line ?? 0) < ($1.line ?? 0) }
    }

    /// Reads and extracts one readout, then applies its corrections. Never throws: problems are diagnostics.
    public func extract(readoutAt url: URL, manifest: Manifest?, corrections: Corrections? = nil) -> ReadoutResult {
        extract(ReadoutPath(url), manifest: manifest, corrections: corrections)
    }

    /// Where a readout is: the path to open (its bytes, NUL-terminated: a name need not be
    /// UTF-8), the path to name in diagnostics (as the user wrote the folder, the name escaped
    /// when it is not UTF-8), and the file name the manifest is keyed by.
    struct ReadoutPath: Sendable {
        var open: [CChar]
        var display: String
        var name: String
        /// The folder listing said it is a regular file.
        var isRegular = false

        init(_ url: URL) {
            (display, name) = (url.relativePath, url.lastPathComponent)
            open = Array(url.path.utf8CString)
        }

        /// Paths in `folder` by plain string joins, which give what `init(_:)` gives for
        /// `folder.appendingPathComponent(name)` without building a URL for each of 50,000 files.
        struct Joiner: Sendable {
            let openPrefix: [UInt8]
            let displayPrefix: String

            init(folder: URL) {
                let probe = folder.appendingPathComponent("x", isDirectory: false)
                openPrefix = Array(probe.path.dropLast().utf8)
                displayPrefix = String(probe.relativePath.dropLast())
            }

            func path(_ listed: Listed) -> ReadoutPath {
                let name = listed.name
                var open = [CChar]()
                open.reserveCapacity(openPrefix.count + name.display.utf8.count + 1)
                for b in openPrefix { open.append(CChar(bitPattern: b)) }
                if let raw = name.raw {
                    for b in raw { open.append(CChar(bitPattern: b)) }
                } else {
                    for b in name.display.utf8 { open.append(CChar(bitPattern: b)) }
                }
                open.append(0)
                return ReadoutPath(open: open, display: displayPrefix + name.display, name: name.display, isRegular: listed.isRegular)
            }
        }

        private init(open: [CChar], display: String, name: String, isRegular: Bool) {
            (self.open, self.display, self.name, self.isRegular) = (open, display, name, isRegular)
        }
    }

    func extract(_ file: ReadoutPath, manifest: Manifest?, corrections: Corrections?) -> ReadoutResult {
        let bytes: [UInt8]
        do {
            bytes = try file.open.withUnsafeBufferPointer { p in
                Result { () throws(IngestError) in try ReadoutText.readBytes(fileSystemPath: p.baseAddress!, knownRegular: file.isRegular) }
            }.get()
        } catch {
            return ReadoutResult(meeting: nil, diagnostics: [Diagnostic(error.severity, file: file.display, line: error.line, error.message)])
        }
        return extract(bytes: bytes, name: file.name, displayPath: file.display, manifest: manifest, corrections: corrections)
    }

    /// Ingests and extracts one readout from its bytes, as read from the file `name` (whose
    /// extension gives the format), named `displayPath` in diagnostics. Never throws: problems
    /// are diagnostics.
    public func extract(bytes: [UInt8], name: String, displayPath: String, manifest: Manifest?,
                        corrections: Corrections? = nil) -> ReadoutResult {
        let text: ReadoutText
        do {
            text = try ReadoutText.parse(bytes, file: name, path: displayPath)
        } catch {
            return ReadoutResult(meeting: nil, diagnostics: [Diagnostic(error.severity, file: displayPath, line: error.line, error.message)])
        }
        var (meeting, diags) = extractor.extract(text, manifest: manifest?[name], manifestFile: manifest?.file)
        if let corrections, let entry = corrections[name] {
            diags += corrector.apply(entry, to: &meeting, lastLine: text.lines.map(\.number).max() ?? 0, file: corrections.file)
        }
        options.finish?(&meeting)
        return ReadoutResult(meeting: meeting, diagnostics: diags)
    }

    /// Extracts every readout of the folder on all cores and aggregates.
    public func analyze(folder: URL, trace: StepTrace = StepTrace()) throws -> Analysis {
        // The listing and the manifest (a YAML parse of thousands of lines in a large corpus)
        // are independent: read side by side.
        let (listing, ((manifest, manifestDiags), (corrections, correctionDiags))) = concurrently(
            { Result { try readoutNames(in: folder) } },
            { (loadManifest(in: folder), loadCorrections(in: folder)) })
        let files = try listing.get()
        trace.mark("list \(files.count) readouts and the manifest")
        let joiner = ReadoutPath.Joiner(folder: folder)
        var results = extractAll(files.count, manifest: manifest, corrections: corrections) { joiner.path(files[$0]) }
        trace.mark("extract \(files.count) readouts")
        if !manifestDiags.isEmpty { results.append(ReadoutResult(meeting: nil, diagnostics: manifestDiags)) }
        if !correctionDiags.isEmpty { results.append(ReadoutResult(meeting: nil, diagnostics: correctionDiags)) }
        if let corrections {
            let stale = Self.unmatchedCorrections(corrections, readouts: Set(files.map(\.name.display)), folder: folder.relativePath)
            if !stale.isEmpty { results.append(ReadoutResult(meeting: nil, diagnostics: stale)) }
        }
        if let manifest {
            let names = Set(files.map(\.name.display))
            var unknown: [Diagnostic] = []
            for (name, entry) in manifest.entries where !names.contains(name) {
                unknown.append(Diagnostic(.warning, file: manifest.file, line: entry.line,
                                          "\(name): no such readout in \(folder.path); remove the entry or fix the name"))
            }
            if !unknown.isEmpty { results.append(ReadoutResult(meeting: nil, diagnostics: unknown.sorted { ($0.line ?? 0) < ($1.line ?? 0) })) }
        }
        if files.isEmpty {
            results.append(ReadoutResult(meeting: nil, diagnostics: [Diagnostic(.error, file: folder.path, line: nil,
                "no readouts (.txt, .md, .html) in this folder")]))
        }
        let analysis = Aggregator(configuration: configuration).aggregate(&results, input: folder.path,
                                                                          generator: CorpusAnalyzer.generator)
        trace.mark("aggregate")
        return analysis
    }

    /// Extracts files in parallel, results in file order.
    public func extractAll(_ files: [URL], manifest: Manifest?, corrections: Corrections? = nil) -> [ReadoutResult] {
        extractAll(files.count, manifest: manifest, corrections: corrections) { ReadoutPath(files[$0]) }
    }

    /// Extracts `count` files, the i-th at `path(i)`, on all cores; results in that order.
    func extractAll(_ count: Int, manifest: Manifest?, corrections: Corrections?,
                    path: @Sendable @escaping (Int) -> ReadoutPath) -> [ReadoutResult] {
        let box = SlotArray<ReadoutResult?>(count: count, repeating: nil)
        let workers = max(1, ProcessInfo.processInfo.activeProcessorCount)
        let chunk = max(1, min(64, count / (workers * 8) + 1))
        let chunks = (count + chunk - 1) / chunk
        let done = options.progress.map { _ in ProgressCount() }
        DispatchQueue.concurrentPerform(iterations: chunks) { c in
            let lo = c * chunk, hi = min(count, lo + chunk)
            for i in lo..<hi {
                box[i] = extract(path(i), manifest: manifest, corrections: corrections)
            }
            if let done, let progress = options.progress { progress("extracting readouts", done.add(hi - lo), count) }
        }
        return box.values.map { $0! }
    }

    /// The sentences of `meetings`, read again from their readouts (`Meeting.path`), by file:
    /// for an analysis made without them (`keepSentences` off) whose book quotes a few. A
    /// readout that no longer reads is left out (its Sources entry then says so).
    public func sentences(of meetings: [Meeting]) -> [String: [Statement]] {
        var options = self.options
        options.keepSentences = true
        options.progress = nil
        options.finish = nil
        let reader = CorpusAnalyzer(configuration: configuration, options: options)
        var out: [String: [Statement]] = [:]
        for m in meetings {
            if let s = reader.extract(readoutAt: URL(fileURLWithPath: m.path), manifest: nil).meeting?.statements { out[m.file] = s }
        }
        return out
    }

    /// Aggregates extracted readouts: meetings in date order, topic frequencies, threads.
    public func aggregate(_ results: [ReadoutResult], input: String) -> Analysis {
        var results = results
        return Aggregator(configuration: configuration).aggregate(&results, input: input, generator: CorpusAnalyzer.generator)
    }
}

public enum CorpusError: Error, CustomStringConvertible {
    case unreadableFolder(String, String)
    public var description: String {
        switch self {
        case let .unreadableFolder(path, why): "\(path): error: cannot read the input folder (\(why))"
        }
    }
}

/// Work done so far, added to from every thread.
final class ProgressCount: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0

    /// Adds `n` and returns the new total.
    func add(_ n: Int) -> Int { lock.withLock { value += n; return value } }
}
