import BriefingModel
import Dispatch
import Foundation

/// Writes the analysis export atomically (a temporary file beside the target, then rename),
/// streaming meetings one at a time so a 50,000-readout export never sits in memory as one
/// string.
public enum AnalysisWriter {
    public static func write(_ analysis: Analysis, to url: URL) throws {
        let encoder = AnalysisCoding.encoder(pretty: false)
        let folder = url.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let tmp = folder.appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        guard FileManager.default.createFile(atPath: tmp.path, contents: nil) else {
            throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: tmp.path])
        }
        do {
            let handle = try FileHandle(forWritingTo: tmp)
            var buffer = Data()
            func emit(_ s: String) { buffer.append(contentsOf: Array(s.utf8)) }
            func flush(force: Bool = false) throws {
                if force || buffer.count > 1 << 20 {
                    try handle.write(contentsOf: buffer)
                    buffer.removeAll(keepingCapacity: true)
                }
            }
            func field<T: Encodable>(_ key: String, _ value: T, last: Bool = false) throws {
                emit("  \"\(key)\": ")
                buffer.append(try encoder.encode(value))
                emit(last ? "\n" : ",\n")
            }
            func list<T: Encodable>(_ key: String, _ items: [T], last: Bool = false) throws {
                emit("  \"\(key)\": [")
                for (i, item) in items.enumerated() {
                    emit(i == 0 ? "\n    " : ",\n    ")
                    buffer.append(try encoder.encode(item))
                    try flush()
                }
                emit(items.isEmpty ? "]" : "\n  ]")
                emit(last ? "\n" : ",\n")
            }
            /// The bulk (meetings, threads): encoded on all cores in pieces of about
            /// `pieceBytes` (from each item's estimated size), a few pieces at a time into
            /// buffers that are reused, and written in order.
            func fastList<T: Sendable>(_ key: String, _ items: [T], estimatedBytes: (T) -> Int,
                                       _ encode: @escaping @Sendable (ExportJSON, T) -> Void) throws {
                emit("  \"\(key)\": [")
                try flush(force: true)
                let pieceBytes = 1 << 17
                let pieces = Pieces(count: max(2, ProcessInfo.processInfo.activeProcessorCount))
                var start = 0
                while start < items.count {
                    // The next round: up to `pieces.count` ranges of about pieceBytes each.
                    var ranges: [Range<Int>] = []
                    var end = start
                    while end < items.count, ranges.count < pieces.count {
                        let lo = end
                        var size = 0
                        while end < items.count, end == lo || size + estimatedBytes(items[end]) <= pieceBytes {
                            size += estimatedBytes(items[end])
                            end += 1
                        }
                        ranges.append(lo..<end)
                    }
                    let round = ranges
                    DispatchQueue.concurrentPerform(iterations: round.count) { p in
                        pieces.fill(p) { json in
                            for i in round[p] {
                                json.raw(i == 0 ? "\n    " : ",\n    ")
                                encode(json, items[i])
                            }
                        }
                    }
                    for p in round.indices { try pieces.read(p) { try handle.write(contentsOf: $0) } }
                    start = end
                }
                emit(items.isEmpty ? "]" : "\n  ]")
                emit(",\n") // never the last key
            }
            // Keys in sorted order, as the pretty encoder would write them.
            emit("{\n")
            try list("diagnostics", analysis.diagnostics)
            try field("format_version", analysis.formatVersion)
            try field("generator", analysis.generator)
            try field("input", analysis.input)
            try fastList("meetings", analysis.meetings,
                         estimatedBytes: { 1_000 + 500 * $0.commitments.count + ($0.statements?.count ?? 0) * 300 }) { $0.meeting($1) }
            if let r = analysis.relationship { try field("relationship", r) }
            try field("summary", analysis.summary)
            try list("taxonomy", analysis.taxonomy)
            try fastList("threads", analysis.threads, estimatedBytes: { 300 + 300 * $0.occurrences.count }) { $0.thread($1) }
            try list("topics", analysis.topics, last: true)
            emit("}\n")
            try flush(force: true)
            try handle.synchronize()
            try handle.close()
            if rename(tmp.path, url.path) != 0 {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path,
                                                               NSLocalizedDescriptionKey: String(cString: strerror(errno))])
            }
        } catch {
            try? FileManager.default.removeItem(at: tmp)
            throw error
        }
    }
}

/// Reusable buffers for encoded pieces: during a round each is filled by one worker, then
/// read by the writer; distinct workers touch distinct buffers, rounds never overlap.
private final class Pieces: @unchecked Sendable {
    private let buffers: [ExportJSON]
    var count: Int { buffers.count }
    init(count: Int) { buffers = (0..<count).map { _ in ExportJSON(capacity: 1 << 18) } }
    func fill(_ i: Int, _ body: (ExportJSON) -> Void) {
        // A buffer grown past a few pieces (by a very large item) is let go.
        buffers[i].reset(shrinkingPast: 1 << 20)
        body(buffers[i])
    }
    func read(_ i: Int, _ body: (UnsafeRawBufferPointer) throws -> Void) rethrows { try buffers[i].withBytes(body) }
}
