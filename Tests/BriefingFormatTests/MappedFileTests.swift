import BriefingCorpus
import Foundation
import Testing
@testable import BriefingFormat

/// A saved analysis is mapped, and the pages the reader has turned into the model leave the
/// process's memory: a 50,000-readout export is not resident on top of its model.
@Suite struct MappedFileTests {
    /// Resident kilobytes of the mapping that starts at `base` (`/proc/self/smaps`).
    static func residentKB(_ base: UnsafePointer<UInt8>) throws -> Int {
        let start = String(UInt(bitPattern: base), radix: 16)
        // Read to the end: /proc files give no size to read up to.
        let handle = try #require(FileHandle(forReadingAtPath: "/proc/self/smaps"))
        defer { try? handle.close() }
        let smaps = String(decoding: handle.readDataToEndOfFile(), as: UTF8.self)
        var inMapping = false
        for line in smaps.split(separator: "\n") {
            if let dash = line.firstIndex(of: "-"), line[..<dash].allSatisfy(\.isHexDigit) {
                inMapping = line[..<dash].drop { $0 == "0" } == Substring(start)
            } else if inMapping, line.hasPrefix("Rss:") {
                return Int(line.split(separator: " ")[1])!
            }
        }
        throw CocoaError(.fileReadUnknown)
    }

    static func temporaryFile(_ bytes: [UInt8]) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("mapped-\(UUID().uuidString)")
        try Data(bytes).write(to: url)
        return url
    }

    @Test func releasedPagesLeaveMemoryAndReadBackAsTheFile() throws {
        let bytes = (0..<(4 << 20)).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 12) }
        let url = try Self.temporaryFile(bytes)
        defer { try? FileManager.default.removeItem(at: url) }
        let file = try MappedFile(path: url.path)
        let base = try #require(file.bytes.baseAddress)
        #expect(file.bytes.elementsEqual(bytes))
        #expect(try Self.residentKB(base) >= 4 * 1024 - 64)
        // Only whole pages inside the range go: the first and last partial pages stay.
        file.release(100..<(3 << 20) + 100)
        let after = try Self.residentKB(base)
        #expect(after <= 1024 + 16, "\(after) kB still resident")
        #expect(file.bytes.elementsEqual(bytes), "a released page reads back as the file")
    }

    @Test func anEmptyFileMapsToNoBytes() throws {
        let url = try Self.temporaryFile([])
        defer { try? FileManager.default.removeItem(at: url) }
        let file = try MappedFile(path: url.path)
        #expect(file.bytes.isEmpty)
        file.release(0..<10)
        #expect(throws: MappingError.self) { try MappedFile(path: url.path + ".missing") }
    }

    /// Reading a large export through the mapping hands back what it has read: afterwards
    /// little of the file is resident, and the analysis is the one written.
    @Test func readingALargeExportHandsBackItsPages() throws {
        let a = SyntheticAnalysis.make(meetings: 8_000, threads: 20, seed: 9)
        let data = AnalysisWriter.data(a)
        let url = try Self.temporaryFile(Array(data))
        defer { try? FileManager.default.removeItem(at: url) }
        #expect(data.count > 8 << 20, "large enough to be read in parallel chunks")
        let file = try MappedFile(path: url.path)
        let read = try AnalysisReader.decode(file.bytes, file: url.path, full: true, release: { file.release($0) })
        #expect(read.meetings.map(\.file) == a.meetings.map(\.file))
        let resident = try Self.residentKB(try #require(file.bytes.baseAddress))
        #expect(resident * 1024 < data.count / 4, "\(resident) kB of \(data.count / 1024) kB still resident")
    }
}
