import BriefingModel
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
            func list<T: Encodable>(_ key: String, _ items: [T], last: Bool = false,
                                    fast: ((inout ExportJSON, T) -> Void)? = nil) throws {
                emit("  \"\(key)\": [")
                var json = ExportJSON()
                for (i, item) in items.enumerated() {
                    emit(i == 0 ? "\n    " : ",\n    ")
                    if let fast {
                        json.bytes.removeAll(keepingCapacity: true)
                        fast(&json, item)
                        buffer.append(contentsOf: json.bytes)
                    } else {
                        buffer.append(try encoder.encode(item))
                    }
                    try flush()
                }
                emit(items.isEmpty ? "]" : "\n  ]")
                emit(last ? "\n" : ",\n")
            }
            // Keys in sorted order, as the pretty encoder would write them.
            emit("{\n")
            try list("diagnostics", analysis.diagnostics)
            try field("format_version", analysis.formatVersion)
            try field("generator", analysis.generator)
            try field("input", analysis.input)
            try list("meetings", analysis.meetings) { $0.meeting($1) }
            try field("summary", analysis.summary)
            try list("taxonomy", analysis.taxonomy)
            try list("threads", analysis.threads) { $0.thread($1) }
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
