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
        /// Keep every statement in the export (large).
        public var keepStatements = false
        /// Latest date a missing year may be inferred for; today by default.
        public var asOf: CalendarDay?
        /// Told how many readouts are extracted, as they are.
        public var progress: ProgressHandler?
        public init(keepStatements: Bool = false, asOf: CalendarDay? = nil, progress: ProgressHandler? = nil) {
            self.keepStatements = keepStatements
            self.asOf = asOf
            self.progress = progress
        }
    }

    /// Bumped whenever extraction would give a different result for the same bytes: caches
    /// key on it.
    public static let extractorVersion = "1.0.0"
    public static let generator = "BriefingBook extractor \(extractorVersion)"

    public let configuration: Configuration
    public let options: Options
    let extractor: MeetingExtractor

    public init(configuration: Configuration, options: Options = .init()) {
        self.configuration = configuration
        self.options = options
        extractor = MeetingExtractor(configuration: configuration, asOf: options.asOf ?? CorpusAnalyzer.today(),
                                     keepStatements: options.keepStatements)
    }

    static func today() -> CalendarDay {
        CalendarDay(dayNumber: Int((Date().timeIntervalSince1970 / 86_400).rounded(.down)))
    }

    /// Readout files in a folder (not recursive), by name. Hidden files and the manifest are skipped.
    public func readoutFiles(in folder: URL) throws -> [URL] {
        try readoutNames(in: folder).map { folder.appendingPathComponent($0, isDirectory: false) }
    }

    /// The names of the readout files in a folder, sorted. (Names, not URLs: a URL weighs a few
    /// hundred bytes, and a corpus of 50,000 readouts held them all through extraction.)
    func readoutNames(in folder: URL) throws -> [String] {
        // readdir, not FileManager: no stat per entry, which a folder of 50,000 readouts feels.
        guard let dir = opendir(folder.path) else {
            throw CorpusError.unreadableFolder(folder.path, String(cString: strerror(errno)))
        }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(cString: raw.baseAddress!.assumingMemoryBound(to: CChar.self))
            }
            guard !name.hasPrefix("."), let dot = name.lastIndex(of: "."),
                  ReadoutText.extensions.contains(name[name.index(after: dot)...].lowercased()) else { continue }
            names.append(name)
        }
        return names.sorted()
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

    /// Reads and extracts one readout. Never throws: problems are diagnostics.
    public func extract(readoutAt url: URL, manifest: Manifest?) -> ReadoutResult {
        extract(ReadoutPath(url), manifest: manifest)
    }

    /// Where a readout is: the path to open, the path to name in diagnostics (as the user
    /// wrote the folder), and the file name the manifest is keyed by.
    struct ReadoutPath: Sendable {
        var open: String
        var display: String
        var name: String

        init(_ url: URL) {
            (open, display, name) = (url.path, url.relativePath, url.lastPathComponent)
        }

        /// Paths in `folder` by plain string joins, which give what `init(_:)` gives for
        /// `folder.appendingPathComponent(name)` without building a URL for each of 50,000 files.
        struct Joiner: Sendable {
            let openPrefix: String
            let displayPrefix: String

            init(folder: URL) {
                let probe = folder.appendingPathComponent("x", isDirectory: false)
                openPrefix = String(probe.path.dropLast())
                displayPrefix = String(probe.relativePath.dropLast())
            }

            func path(_ name: String) -> ReadoutPath {
                ReadoutPath(open: openPrefix + name, display: displayPrefix + name, name: name)
            }
        }

        private init(open: String, display: String, name: String) { (self.open, self.display, self.name) = (open, display, name) }
    }

    func extract(_ file: ReadoutPath, manifest: Manifest?) -> ReadoutResult {
        let text: ReadoutText
        do {
            text = try ReadoutText.load(path: file.open, displayPath: file.display)
        } catch {
            return ReadoutResult(meeting: nil, diagnostics: [Diagnostic(.error, file: file.display, line: error.line, error.message)])
        }
        let (meeting, diags) = extractor.extract(text, manifest: manifest?[file.name], manifestFile: manifest?.file)
        return ReadoutResult(meeting: meeting, diagnostics: diags)
    }

    /// Extracts every readout of the folder on all cores and aggregates.
    public func analyze(folder: URL, trace: StepTrace = StepTrace()) throws -> Analysis {
        // The listing and the manifest (a YAML parse of thousands of lines in a large corpus)
        // are independent: read side by side.
        let (listing, (manifest, manifestDiags)) = concurrently(
            { Result { try readoutNames(in: folder) } },
            { loadManifest(in: folder) })
        let files = try listing.get()
        trace.mark("list \(files.count) readouts and the manifest")
        let joiner = ReadoutPath.Joiner(folder: folder)
        var results = extractAll(files.count, manifest: manifest) { joiner.path(files[$0]) }
        trace.mark("extract \(files.count) readouts")
        if !manifestDiags.isEmpty { results.append(ReadoutResult(meeting: nil, diagnostics: manifestDiags)) }
        if let manifest {
            let names = Set(files)
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
    public func extractAll(_ files: [URL], manifest: Manifest?) -> [ReadoutResult] {
        extractAll(files.count, manifest: manifest) { ReadoutPath(files[$0]) }
    }

    /// Extracts `count` files, the i-th at `path(i)`, on all cores; results in that order.
    func extractAll(_ count: Int, manifest: Manifest?, path: @Sendable @escaping (Int) -> ReadoutPath) -> [ReadoutResult] {
        let box = SlotArray<ReadoutResult?>(count: count, repeating: nil)
        let workers = max(1, ProcessInfo.processInfo.activeProcessorCount)
        let chunk = max(1, min(64, count / (workers * 8) + 1))
        let chunks = (count + chunk - 1) / chunk
        let done = options.progress.map { _ in ProgressCount() }
        DispatchQueue.concurrentPerform(iterations: chunks) { c in
            let lo = c * chunk, hi = min(count, lo + chunk)
            for i in lo..<hi {
                box[i] = extract(path(i), manifest: manifest)
            }
            if let done, let progress = options.progress { progress("extracting readouts", done.add(hi - lo), count) }
        }
        return box.values.map { $0! }
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
