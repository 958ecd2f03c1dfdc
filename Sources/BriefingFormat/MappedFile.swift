import Foundation

/// A saved analysis mapped read-only for one pass. The reader hands back the pages of each part
/// it has turned into the model (`release`), so the file (a quarter of a gigabyte for 50,000
/// readouts) is not resident on top of the model built from it.
final class MappedFile: @unchecked Sendable {
    let bytes: UnsafeBufferPointer<UInt8>
    private let length: Int
    private static let page = Int(sysconf(Int32(_SC_PAGESIZE)))

    /// Maps the regular file at `path`; the error is the system's, as text.
    init(path: String) throws(MappingError) {
        // O_NONBLOCK: a FIFO swapped in since the caller's check must not block the open.
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY)
        guard fd >= 0 else { throw MappingError(String(cString: strerror(errno))) }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw MappingError(String(cString: strerror(errno))) }
        guard (st.st_mode & S_IFMT) == S_IFREG else { throw MappingError("not a regular file") }
        length = Int(st.st_size)
        guard length > 0 else {
            bytes = UnsafeBufferPointer(start: nil, count: 0)
            return
        }
        guard let base = mmap(nil, length, PROT_READ, MAP_PRIVATE, fd, 0), base != MAP_FAILED else {
            throw MappingError(String(cString: strerror(errno)))
        }
        bytes = UnsafeBufferPointer(start: base.assumingMemoryBound(to: UInt8.self), count: length)
    }

    deinit {
        if let base = bytes.baseAddress { munmap(UnsafeMutableRawPointer(mutating: base), length) }
    }

    /// Hands back the whole pages inside `range`: they leave the process's memory and, read
    /// again, come back from the file (a private mapping never written to reads as the file).
    func release(_ range: Range<Int>) {
        guard let base = bytes.baseAddress else { return }
        let lo = (max(0, range.lowerBound) + Self.page - 1) / Self.page * Self.page
        let hi = min(length, range.upperBound) / Self.page * Self.page
        guard hi > lo else { return }
        _ = madvise(UnsafeMutableRawPointer(mutating: base + lo), hi - lo, MADV_DONTNEED)
    }
}

struct MappingError: Error {
    let message: String
    init(_ message: String) { self.message = message }
}
