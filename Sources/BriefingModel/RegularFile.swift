#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a file users and scripts drop into a folder (a readout, a manifest, a layout) only
/// when it is a regular file or a link to one, and only up to a size limit: a FIFO would make
/// `open` wait for a writer for ever, a device can act when opened, a folder or a dangling
/// link is not a file at all, and a huge file would take the run's memory.
public enum RegularFile {
    public enum Failure: Error, Sendable, Equatable {
        /// No such file (and not a link).
        case missing
        /// A folder, FIFO, socket or device, described ("a FIFO (named pipe)").
        case notRegular(String)
        /// A symbolic link that loops or points at nothing.
        case brokenLink(loop: Bool)
        /// Larger than the limit (the size seen, in bytes).
        case tooLarge(Int)
        /// Any other failure, as the system describes it.
        case unreadable(String)
    }

    /// The bytes of the file at `path` (any bytes, NUL-terminated), at most `limit` of them.
    /// `knownRegular`: the folder listing already said it is a regular file (`readdir`'s
    /// `d_type`), so its type needs no `stat` of its own before it is opened.
    public static func read(path: UnsafePointer<CChar>, limit: Int, knownRegular: Bool = false) throws(Failure) -> [UInt8] {
        // The type first: opening is what would hang or act.
        if !knownRegular {
            let st = try check(path: path)
            if Int(st.st_size) > limit { throw .tooLarge(Int(st.st_size)) }
        }
        // O_NONBLOCK in case the file was swapped for a FIFO since the check; fstat then says
        // what was opened.
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY)
        guard fd >= 0 else { throw .unreadable(String(cString: strerror(errno))) }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw .unreadable(String(cString: strerror(errno))) }
        if let kind = kind(st.st_mode) { throw .notRegular(kind) }
        if Int(st.st_size) > limit { throw .tooLarge(Int(st.st_size)) }
        // One byte more than the size, so the end of the file is seen without growing; never
        // more than one byte past the limit, however much the file grows meanwhile.
        var bytes = [UInt8](repeating: 0, count: min(max(Int(st.st_size), 0), limit) + 1)
        var filled = 0
        while true {
            if filled == bytes.count {
                guard filled <= limit else { throw .tooLarge(filled) }
                bytes.append(contentsOf: repeatElement(0, count: min(bytes.count, limit + 1 - bytes.count)))
            }
            let got = bytes.withUnsafeMutableBufferPointer { Glibc.read(fd, $0.baseAddress! + filled, $0.count - filled) }
            if got < 0 {
                if errno == EINTR { continue }
                throw .unreadable(String(cString: strerror(errno)))
            }
            if got == 0 { break }
            filled += got
        }
        bytes.removeLast(bytes.count - filled)
        return bytes
    }

    /// The file's status when it is a regular file or a link to one; never opens it.
    public static func check(path: UnsafePointer<CChar>) throws(Failure) -> stat {
        var st = stat()
        if stat(path, &st) != 0 {
            let why = errno
            var link = stat()
            if lstat(path, &link) == 0, link.st_mode & S_IFMT == S_IFLNK, why == ELOOP || why == ENOENT {
                throw .brokenLink(loop: why == ELOOP)
            }
            if why == ENOENT { throw .missing }
            throw .unreadable(String(cString: strerror(why)))
        }
        if let kind = kind(st.st_mode) { throw .notRegular(kind) }
        return st
    }

    public static func check(_ path: String) throws(Failure) -> stat {
        try path.withCString { p in Result { () throws(Failure) in try check(path: p) } }.get()
    }

    public static func read(_ path: String, limit: Int) throws(Failure) -> [UInt8] {
        try path.withCString { p in Result { () throws(Failure) in try read(path: p, limit: limit) } }.get()
    }

    /// What a file that is not a regular file is, for messages; nil for a regular file.
    static func kind(_ mode: mode_t) -> String? {
        switch mode & S_IFMT {
        case S_IFREG: nil
        case S_IFDIR: "a folder"
        case S_IFIFO: "a FIFO (named pipe)"
        case S_IFSOCK: "a socket"
        case S_IFCHR: "a character device"
        case S_IFBLK: "a block device"
        default: "not a regular file"
        }
    }
}

extension RegularFile.Failure {
    /// The failure as the end of a sentence about the file: "is a FIFO (named pipe), not a
    /// regular file".
    public var message: String {
        switch self {
        case .missing: "does not exist"
        case .notRegular(let kind): "is \(kind), not a regular file"
        case .brokenLink(let loop): loop ? "is a link loop" : "is a link to nothing"
        case .tooLarge(let size): "is \(size / 1024) KB"
        case .unreadable(let why): "cannot be read (\(why))"
        }
    }
}
