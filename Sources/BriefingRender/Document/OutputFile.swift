import Foundation

/// Writes go to a temporary file in the destination's folder and are renamed into place, so a
/// reader never sees half a PDF and a failed render leaves the old file alone.
public struct OutputFile {
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

    public func discard() {
        try? FileManager.default.removeItem(at: temporary)
    }
}
