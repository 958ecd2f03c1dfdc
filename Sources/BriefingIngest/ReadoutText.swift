import BriefingModel
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

    /// The largest readout read, in bytes. A real readout is a few KB; anything past this is
    /// refused before it is parsed, so one file cannot take the run's time or memory.
    public static let sizeLimit = 2 << 20

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
        try path.withCString { p in Result { () throws(IngestError) in try readBytes(fileSystemPath: p) } }.get()
    }

    /// The bytes of the readout at a file system path (any bytes, NUL-terminated). Only a
    /// regular file, or a link to one, is opened: anything else (a folder, FIFO, socket,
    /// device, a link loop or a dangling link) is a warning-level `IngestError`, since it is
    /// not a readout at all; a file over `sizeLimit` is an error, refused before it is read.
    public static func readBytes(fileSystemPath path: UnsafePointer<CChar>, knownRegular: Bool = false) throws(IngestError) -> [UInt8] {
        do {
            return try RegularFile.read(path: path, limit: sizeLimit, knownRegular: knownRegular)
        } catch {
            switch error {
            case .notRegular(let kind):
                throw IngestError(line: nil, "is \(kind), not a readout file; ignored (only regular files and links to them are read)",
                                  severity: .warning)
            case .brokenLink:
                throw IngestError(line: nil, "\(error.message); ignored (remove the link or restore what it points to)", severity: .warning)
            case .tooLarge(let size):
                throw tooLarge(size)
            case .missing:
                throw IngestError(line: nil, "cannot be read (it no longer exists); check that it exists and is readable")
            case .unreadable(let why):
                throw IngestError(line: nil, "cannot be read (\(why)); check that it exists and is readable")
            }
        }
    }

    static func tooLarge(_ size: Int) -> IngestError {
        IngestError(line: nil, "is \(size / 1024) KB; a readout is refused above \(sizeLimit >> 20) MB (a real one is a few KB): split it or remove it from the input folder")
    }

    public static func parse(_ bytes: [UInt8], file: String, path: String) throws(IngestError) -> ReadoutText {
        if bytes.count > sizeLimit { throw tooLarge(bytes.count) }
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
