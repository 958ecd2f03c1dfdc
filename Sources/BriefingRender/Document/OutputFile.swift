import Foundation

/// Writes go to a temporary file in the destination's folder and are renamed into place, so a
/// reader never sees half a PDF and a failed render leaves the old file alone.
public struct OutputFile: Sendable {
    public let destination: URL
    public let temporary: URL

    public init(_ destination: URL) throws {
        self.destination = destination
        let folder = destination.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        temporary = folder.appendingPathComponent(".\(destination.lastPathComponent).\(getpid()).tmp")
    }

    /// Renames `file` (by default the temporary) over the destination.
    public func commit(from file: URL? = nil) throws {
        let from = file ?? temporary
        if rename(from.path, destination.path) != 0 {
            let err = String(cString: strerror(errno))
            throw RenderError.write(destination.path, err)
        }
    }

    /// Writes `bytes` as the temporary file, for output made in memory (SVG, PNG). No fsync:
    /// as for every other output, the rename in `commit` is what makes it visible whole.
    public func write(_ bytes: [UInt8]) throws {
        let fd = open(temporary.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
        guard fd >= 0 else { throw RenderError.write(destination.path, String(cString: strerror(errno))) }
        defer { close(fd) }
        try bytes.withUnsafeBytes { raw in
            var done = 0
            while done < raw.count {
                let n = Foundation.write(fd, raw.baseAddress! + done, raw.count - done)
                if n < 0 {
                    if errno == EINTR { continue }
                    throw RenderError.write(destination.path, String(cString: strerror(errno)))
                }
                done += n
            }
        }
    }

    public func discard() {
        try? FileManager.default.removeItem(at: temporary)
    }
}
