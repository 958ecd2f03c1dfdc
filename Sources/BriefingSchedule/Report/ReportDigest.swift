import Foundation

/// The hash and size a report is recorded with: a file's SHA-256, or for a folder (charts) the
/// SHA-256 over its files' relative paths and hashes, sorted.
public enum ReportDigest {
    public static func of(_ url: URL) -> (sha256: String, bytes: Int)? {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDir) else { return nil }
        guard isDir.boolValue else {
            guard let data = FileManager.default.contents(atPath: url.path) else { return nil }
            return (ContentHash.sha256(data), data.count)
        }
        guard let names = FileManager.default.subpaths(atPath: url.path) else { return nil }
        var lines: [String] = []
        var bytes = 0
        for name in names.sorted() {
            let path = url.appendingPathComponent(name).path
            var sub: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &sub), !sub.boolValue else { continue }
            guard let data = FileManager.default.contents(atPath: path) else { return nil }
            lines.append("\(name)\t\(ContentHash.sha256(data))\n")
            bytes += data.count
        }
        return (ContentHash.sha256(lines.joined()), bytes)
    }

    /// Flushes a file, or a folder and every file in it, to disk.
    static func sync(_ url: URL) {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDir) else { return }
        if isDir.boolValue {
            for name in FileManager.default.subpaths(atPath: url.path) ?? [] {
                ScheduleRunner.sync(url.appendingPathComponent(name))
            }
        }
        ScheduleRunner.sync(url)
    }
}
