import BriefingModel
import Dispatch
import Foundation

/// Writes the analysis export (what `briefing analyze --json` writes): the keys of the key
/// table, sorted, one top-level key a line and one meeting, thread, topic or diagnostic a line.
/// The bulk is encoded on all cores in pieces and streamed, so a 50,000-readout export never
/// sits in memory whole.
public enum AnalysisWriter {
    /// Writes atomically: a temporary file beside the target, then a rename.
    public static func write(_ analysis: Analysis, to url: URL) throws {
        let folder = url.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let tmp = folder.appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        guard FileManager.default.createFile(atPath: tmp.path, contents: nil) else {
            throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: tmp.path])
        }
        do {
            let handle = try FileHandle(forWritingTo: tmp)
            try write(analysis) { (bytes: UnsafeRawBufferPointer) throws in try handle.write(contentsOf: bytes) }
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

    /// Encodes a meeting's sentences now, as the export will write them, and lets the list go
    /// (`Meeting.statementsEncoded`): for a corpus held whole until it is written.
    public static func encodeStatements(of m: inout Meeting) {
        guard let statements = m.statements else { return }
        let w = JSONWriter(capacity: 64 + 200 * statements.count)
        [Statement].write(statements, to: w)
        m.statementsEncoded = w.bytes
        m.statements = nil
    }

    /// The bytes `write(_:to:)` puts in the file.
    public static func data(_ analysis: Analysis) -> Data {
        var out = Data()
        write(analysis) { (bytes: UnsafeRawBufferPointer) throws(Never) in out.append(contentsOf: bytes) }
        return out
    }

    /// Writes the export through `sink`, in order, a piece at a time.
    static func write<E: Error>(_ analysis: Analysis, into sink: (UnsafeRawBufferPointer) throws(E) -> Void) throws(E) {
        let head = JSONWriter(capacity: 1 << 16)
        func flush() throws(E) {
            try head.withBytes(sink)
            head.reset(shrinkingPast: 4 << 20)
        }
        let fields = Analysis.format.fields.filter { $0.isPresent?(analysis) ?? true }
        head.raw("{\n")
        for (n, f) in fields.enumerated() {
            head.raw("  \"")
            head.raw(f.key)
            head.raw("\": ")
            if let list = f.list {
                let count = list.count(analysis)
                head.byte(0x5B)
                if let estimate = list.estimatedBytes {
                    try flush()
                    try writeInPieces(count, estimatedBytes: { estimate(analysis, $0) },
                                      element: { w, i in list.element(w, analysis, i) }, into: sink)
                } else {
                    for i in 0..<count {
                        head.raw(i == 0 ? "\n    " : ",\n    ")
                        list.element(head, analysis, i)
                        if head.count > 1 << 20 { try flush() }
                    }
                }
                head.raw(count == 0 ? "]" : "\n  ]")
            } else {
                f.write(head, analysis)
            }
            head.raw(n == fields.count - 1 ? "\n" : ",\n")
        }
        head.raw("}\n")
        try flush()
    }

    /// Elements `0..<count`, one a line, encoded on all cores in pieces of about `pieceBytes`
    /// (from each element's estimated size), a few pieces at a time into buffers that are
    /// reused, and handed to `sink` in order.
    private static func writeInPieces<E: Error>(_ count: Int, estimatedBytes: (Int) -> Int,
                                                element: @escaping @Sendable (JSONWriter, Int) -> Void,
                                                into sink: (UnsafeRawBufferPointer) throws(E) -> Void) throws(E) {
        let pieceBytes = 1 << 17
        let pieces = Pieces(count: max(2, ProcessInfo.processInfo.activeProcessorCount))
        var start = 0
        while start < count {
            // The next round: up to `pieces.count` ranges of about pieceBytes each.
            var ranges: [Range<Int>] = []
            var end = start
            while end < count, ranges.count < pieces.count {
                let lo = end
                var size = 0
                while end < count, end == lo || size + estimatedBytes(end) <= pieceBytes {
                    size += estimatedBytes(end)
                    end += 1
                }
                ranges.append(lo..<end)
            }
            let round = ranges
            DispatchQueue.concurrentPerform(iterations: round.count) { p in
                pieces.fill(p) { json in
                    for i in round[p] {
                        json.raw(i == 0 ? "\n    " : ",\n    ")
                        element(json, i)
                    }
                }
            }
            for p in round.indices { try pieces.read(p, sink) }
            start = end
        }
    }
}

/// Reusable buffers for encoded pieces: during a round each is filled by one worker, then
/// read by the writer; distinct workers touch distinct buffers, rounds never overlap.
private final class Pieces: @unchecked Sendable {
    private let buffers: [JSONWriter]
    var count: Int { buffers.count }
    init(count: Int) { buffers = (0..<count).map { _ in JSONWriter(capacity: 1 << 18) } }
    func fill(_ i: Int, _ body: (JSONWriter) -> Void) {
        // A buffer grown past a few pieces (by a very large item) is let go.
        buffers[i].reset(shrinkingPast: 1 << 20)
        body(buffers[i])
    }
    func read<E: Error>(_ i: Int, _ body: (UnsafeRawBufferPointer) throws(E) -> Void) throws(E) { try buffers[i].withBytes(body) }
}
