import BriefingModel
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A readout as the scheduler sees it: where it is, its content hash, and its meeting date
/// (from the extraction cache).
public struct ReadoutEntry: Hashable, Sendable {
    /// Path relative to the input folder.
    public var file: String
    public var url: URL
    public var sha256: String
    /// What the extraction cache is keyed on: the content hash, combined with the readout's
    /// extraction context (manifest entry) when it has one.
    public var cacheKey: String
    public var date: CalendarDay?

    public init(file: String, url: URL, sha256: String, context: String = "", date: CalendarDay? = nil) {
        self.file = file
        self.url = url
        self.sha256 = sha256
        self.cacheKey = context.isEmpty ? sha256 : ContentHash.sha256("\(sha256)\u{0}\(context)")
        self.date = date
    }
}

/// The input folder at one moment: every readout hashed, and every readout's date known,
/// extracting only what the cache does not already hold.
public struct CorpusSnapshot: Sendable {
    public var readouts: [ReadoutEntry]
    /// Readouts whose extraction was taken from the cache.
    public var cached: Int
    /// Readouts extracted now (or, for a plan, that would be).
    public var extracted: Int
    /// Readouts whose bytes were read to hash them (the others' stat was unchanged).
    public var hashed: Int

    /// Files larger than this are not hashed by content (twice the readout size limit).
    static let hashLimit = 4 << 20

    /// Scans `input`. With `store` false (plan) nothing is extracted or written: uncached
    /// readouts are listed with no date.
    static func scan(input: URL, analyzer: any ReadoutAnalyzer, ledger: ScheduleLedger?,
                     store: Bool, now: Date, log: (String) -> Void, progress: ProgressHandler? = nil) throws -> CorpusSnapshot {
        let files: [URL]
        do { files = try analyzer.readoutFiles(in: input) } catch {
            throw ScheduleError.inputUnreadable(path: input.path, reason: "\(error.localizedDescription)")
        }
        let root = input.path.hasSuffix("/") ? String(input.path.dropLast()) : input.path
        let oldStats = try ledger?.readoutStats() ?? [:]
        var newStats: [String: ReadoutStat] = [:]
        var entries: [ReadoutEntry] = []
        entries.reserveCapacity(files.count)
        var hashed = 0
        for (n, url) in files.enumerated() {
            if let progress, n % 256 == 0 { progress("hashing readouts", n, files.count) }
            let full = url.path
            let name = full.lastIndex(of: "/").map { String(full[full.index(after: $0)...]) } ?? full
            let rel = full.hasPrefix(root + "/") ? String(full.dropFirst(root.count + 1)) : name
            let context = analyzer.extractionContext(forReadoutNamed: name)
            // Only a regular file (or a link to one) is a readout: a folder, FIFO, socket or
            // broken link named like one is reported and left out, never opened, and the run goes on.
            let st: stat
            do { st = try RegularFile.check(full) } catch {
                log("\(full): warning: \(error.message); not a readout, left out")
                continue
            }
            let size = Int64(st.st_size), inode = Int64(st.st_ino)
            let modified = Int64(st.st_mtim.tv_sec) * 1_000_000_000 + Int64(st.st_mtim.tv_nsec)
            if let old = oldStats[rel], old.size == size, old.modified == modified, old.inode == inode {
                entries.append(ReadoutEntry(file: rel, url: url, sha256: old.sha256,
                                            context: context))
                continue
            }
            let hash: String
            do {
                hash = ContentHash.sha256(Data(try RegularFile.read(full, limit: hashLimit)))
            } catch .tooLarge {
                // Far larger than any readout (extraction refuses it): known by its identity,
                // so it is not read whole at every change.
                hash = ContentHash.sha256("oversized file: \(size) bytes, inode \(inode), modified \(modified)")
            } catch {
                log("\(full): warning: \(error.message); not a readout, left out")
                continue
            }
            hashed += 1
            entries.append(ReadoutEntry(file: rel, url: url, sha256: hash,
                                        context: context))
            newStats[rel] = ReadoutStat(size: size, modified: modified, inode: inode, sha256: hash)
        }

        var dates = try ledger?.cachedDates(extractor: analyzer.cacheKey) ?? [:]
        var missing: [Int] = []
        var seen = Set<String>()
        for (i, e) in entries.enumerated() where dates[e.cacheKey] == nil && !seen.contains(e.cacheKey) {
            seen.insert(e.cacheKey)
            missing.append(i)
        }
        let cachedCount = entries.count - missing.count
        if store, let ledger, !missing.isEmpty {
            log("extracting \(missing.count) new or changed readout(s); \(cachedCount) from the cache")
            dates.merge(try extract(missing.map { entries[$0] }, analyzer: analyzer, ledger: ledger, now: now,
                                    log: log, progress: progress)) { $1 }
        }
        for i in entries.indices { entries[i].date = dates[entries[i].cacheKey] ?? nil }
        if store, let ledger {
            let present = Set(entries.map(\.file))
            try ledger.storeReadoutStats(newStats, removing: oldStats.keys.filter { !present.contains($0) })
        }
        return CorpusSnapshot(readouts: entries, cached: cachedCount, extracted: missing.count, hashed: hashed)
    }

    /// Extracts on every core, storing results in batches so memory stays flat.
    private static func extract(_ uncached: [ReadoutEntry], analyzer: any ReadoutAnalyzer, ledger: ScheduleLedger,
                                now: Date, log: (String) -> Void, progress: ProgressHandler?) throws -> [String: CalendarDay?] {
        let batch = 512
        var dates: [String: CalendarDay?] = [:]
        let workers = max(1, ProcessInfo.processInfo.activeProcessorCount)
        for start in stride(from: 0, to: uncached.count, by: batch) {
            let slice = Array(uncached[start..<min(uncached.count, start + batch)])
            let results = SlotArray<(hash: String, date: CalendarDay?, result: Data)?>(count: slice.count, repeating: nil)
            DispatchQueue.concurrentPerform(iterations: workers) { w in
                var i = w
                while i < slice.count {
                    let r = analyzer.extract(readoutAt: slice[i].url)
                    results[i] = (slice[i].cacheKey, r.meeting?.date, r.encoded())
                    i += workers
                }
            }
            let entries = results.values.compactMap { $0 }
            try ledger.storeCache(entries, extractor: analyzer.cacheKey, at: now)
            for e in entries { dates[e.hash] = .some(e.date) }
            if uncached.count > batch { log("  extracted \(min(uncached.count, start + batch))/\(uncached.count)") }
            progress?("extracting readouts", min(uncached.count, start + batch), uncached.count)
        }
        return dates
    }
}
