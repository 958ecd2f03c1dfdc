import BriefingModel
import Foundation
import Testing
@testable import BriefingIngest

/// Reading a readout: only regular files (and links to them), never past the size limit.
@Suite struct RegularFileTests {
    func folder() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("briefing-regular-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test func aFIFOIsAWarningAndNeverOpened() throws {
        let dir = try folder(); defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(mkfifo(dir + "/x.txt", 0o644) == 0)
        // Opening it for reading would block until a writer came: this returns at once.
        do {
            _ = try ReadoutText.readBytes(dir + "/x.txt")
            Issue.record("a FIFO was read")
        } catch {
            #expect(error.severity == .warning)
            #expect(error.message.hasPrefix("is a FIFO (named pipe), not a readout file"))
        }
    }

    @Test func foldersLinksAndSizes() throws {
        let dir = try folder(); defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createDirectory(atPath: dir + "/f.txt", withIntermediateDirectories: false)
        #expect(symlink("loop.txt", dir + "/loop.txt") == 0)
        #expect(symlink("none.txt", dir + "/dangling.txt") == 0)
        try Data("hello".utf8).write(to: URL(fileURLWithPath: dir + "/a.txt"))
        #expect(symlink("a.txt", dir + "/link.txt") == 0)
        try Data(count: ReadoutText.sizeLimit + 1).write(to: URL(fileURLWithPath: dir + "/big.txt"))
        try Data(count: ReadoutText.sizeLimit).write(to: URL(fileURLWithPath: dir + "/limit.txt"))

        #expect(throws: RegularFile.Failure.notRegular("a folder")) { try RegularFile.read(dir + "/f.txt", limit: 10) }
        #expect(throws: RegularFile.Failure.brokenLink(loop: true)) { try RegularFile.read(dir + "/loop.txt", limit: 10) }
        #expect(throws: RegularFile.Failure.brokenLink(loop: false)) { try RegularFile.read(dir + "/dangling.txt", limit: 10) }
        #expect(throws: RegularFile.Failure.missing) { try RegularFile.read(dir + "/none.txt", limit: 10) }
        #expect(throws: RegularFile.Failure.tooLarge(5)) { try RegularFile.read(dir + "/a.txt", limit: 4) }
        #expect(try RegularFile.read(dir + "/link.txt", limit: 5) == Array("hello".utf8))
        #expect(try RegularFile.read(dir + "/limit.txt", limit: ReadoutText.sizeLimit).count == ReadoutText.sizeLimit)
        do {
            _ = try ReadoutText.readBytes(dir + "/big.txt")
            Issue.record("an oversized readout was read")
        } catch {
            #expect(error.severity == .error)
            #expect(error.message.contains("refused above 2 MB"))
        }
        #expect(throws: IngestError.self) { try ReadoutText.parse([UInt8](repeating: 0x41, count: ReadoutText.sizeLimit + 1), file: "a.txt", path: "a.txt") }
    }

    @Test func aDeviceIsNeverOpened() throws {
        do {
            _ = try ReadoutText.readBytes("/dev/zero")
            Issue.record("a device was read")
        } catch {
            #expect(error.severity == .warning)
            #expect(error.message.hasPrefix("is a character device"))
        }
    }
}
