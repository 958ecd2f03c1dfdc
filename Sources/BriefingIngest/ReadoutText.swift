import Foundation
import HTMLText

/// A readout after ingest: decoded, front matter split off, HTML reduced to text, every line
/// classified, with its line number in the original file.
public struct ReadoutText: Sendable {
    public enum Format: String, Sendable { case text, markdown, html }

    /// File name without folder.
    public var file: String
    /// Path as the user gave it.
    public var path: String
    public var format: Format
    public var frontMatter: FrontMatter?
    /// The page's <title>, for HTML.
    public var pageTitle: String?
    /// Dates from the page's metadata, for HTML.
    public var metadataDates: [String]
    public var lines: [SourceLine]
    /// Warnings from decoding (Windows-1252 fallback), with line 1.
    public var notes: [String]

    public var prose: [SourceLine] { lines.filter { $0.role == .prose } }

    /// File extensions read as readouts.
    public static let extensions: Set<String> = ["txt", "md", "markdown", "html", "htm"]

    /// Reads and classifies one readout file.
    public static func load(_ url: URL, displayPath: String? = nil) throws(IngestError) -> ReadoutText {
        try load(path: url.path, displayPath: displayPath)
    }

    /// Reads and classifies the readout at `path`; `displayPath` names it in diagnostics.
    public static func load(path: String, displayPath: String? = nil) throws(IngestError) -> ReadoutText {
        let file = path.utf8.lastIndex(of: 0x2F).map { String(path[path.index(after: $0)...]) } ?? path
        return try parse(readBytes(path), file: file, path: displayPath ?? path)
    }

    /// The whole file, read with one open and as few reads as its size allows.
    static func readBytes(_ path: String) throws(IngestError) -> [UInt8] {
        func failure(_ why: String) -> IngestError {
            IngestError(line: nil, "cannot be read (\(why)); check that it exists and is readable")
        }
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw failure(String(cString: strerror(errno))) }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw failure(String(cString: strerror(errno))) }
        if st.st_mode & S_IFMT == S_IFDIR { throw failure("it is a folder") }
        // One byte more than the size, so the end of the file is seen without growing.
        var bytes = [UInt8](repeating: 0, count: max(Int(st.st_size), 0) + 1)
        var filled = 0
        while true {
            if filled == bytes.count { bytes.append(contentsOf: repeatElement(0, count: bytes.count)) }
            let got = bytes.withUnsafeMutableBufferPointer { read(fd, $0.baseAddress! + filled, $0.count - filled) }
            if got < 0 {
                if errno == EINTR { continue }
                throw failure(String(cString: strerror(errno)))
            }
            if got == 0 { break }
            filled += got
        }
        bytes.removeLast(bytes.count - filled)
        return bytes
    }

    public static func parse(_ bytes: [UInt8], file: String, path: String) throws(IngestError) -> ReadoutText {
        let ext = (file as NSString).pathExtension.lowercased()
        var format: Format = ext == "html" || ext == "htm" ? .html : (ext == "md" || ext == "markdown" ? .markdown : .text)
        // A page saved as plain text under an .html name: read it as text.
        if format == .html, !looksLikeHTML(bytes) { format = .text }
        var notes: [String] = []
        if format == .html {
            if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
                throw IngestError(line: nil, "is empty; a readout needs at least a date line and the meeting's text")
            }
            if let reason = TextDecoding.binaryReason(bytes[...]) {
                throw IngestError(line: nil, "is not a text file (\(reason)); remove it from the input folder")
            }
            guard let page = HTMLText.parse(bytes) else {
                throw IngestError(line: nil, "could not be parsed as HTML")
            }
            let raw = page.lines.map { RawLine(text: $0.text, number: $0.sourceLine, heading: $0.isHeading) }
            let lines = LineClassifier.classify(raw, format: .html)
            guard lines.contains(where: { $0.role == .prose }) else {
                throw IngestError(line: nil, "has no readable text once navigation and scripts are removed")
            }
            return ReadoutText(file: file, path: path, format: .html, frontMatter: nil, pageTitle: page.title,
                               metadataDates: page.metadataDates, lines: lines, notes: notes)
        }
        var text: String
        switch TextDecoding.decode(bytes) {
        case .empty:
            throw IngestError(line: nil, "is empty; a readout needs at least a date line and the meeting's text")
        case .binary(let reason):
            throw IngestError(line: nil, "is not a text file (\(reason)); remove it from the input folder")
        case .text(let s, let note):
            text = s
            if let note { notes.append(note) }
        }
        var front: FrontMatter?
        var offset = 0
        if let (fm, body) = try FrontMatter.split(text) {
            front = fm
            offset = fm.lineCount
            text = String(body)
        }
        var raw: [RawLine] = []
        var n = offset
        text.withUTF8 { utf8 in
            guard let base = utf8.baseAddress, !utf8.isEmpty else {
                n += 1
                raw.append(RawLine(text: "", number: n, heading: false))
                return
            }
            var start = 0
            while true {
                let rest = utf8.count - start
                let newline = memchr(base + start, 0x0A, rest).map { UnsafePointer($0.assumingMemoryBound(to: UInt8.self)) - base }
                let end = newline ?? utf8.count
                n += 1
                raw.append(RawLine(text: String(decoding: UnsafeBufferPointer(start: base + start, count: end - start), as: UTF8.self),
                                   number: n, heading: false))
                guard let newline else { break }
                start = newline + 1
            }
        }
        let lines = LineClassifier.classify(raw, format: format)
        guard lines.contains(where: { $0.role == .prose }) else {
            throw IngestError(line: nil, "has no running text (only titles, dates or navigation); is it a readout?")
        }
        return ReadoutText(file: file, path: path, format: format, frontMatter: front, pageTitle: nil,
                           metadataDates: [], lines: lines, notes: notes)
    }
}

/// Whether the bytes contain markup: a "<" followed by a letter, "!" or "/".
func looksLikeHTML(_ bytes: [UInt8]) -> Bool {
    var i = 0
    while i + 1 < bytes.count {
        if bytes[i] == 0x3C {
            let c = bytes[i + 1] | 0x20
            if (c >= 0x61 && c <= 0x7A) || bytes[i + 1] == 0x21 || bytes[i + 1] == 0x2F { return true }
        }
        i += 1
    }
    return false
}

/// A line before classification.
struct RawLine {
    var text: String
    var number: Int
    var heading: Bool
}
