import BriefingAggregate
import BriefingConfig
import BriefingModel
import Foundation
import Testing

/// Each kind of bad input gets one clear diagnostic naming the file; the others are still analysed.
@Suite struct BadInputTests {
    let good = """
    Japan-U.S. Summit Telephone Talk
    March 9, 2018
    On March 9, Mr. Shinzo Abe, Prime Minister of Japan, held a telephone talk with the Honorable Donald Trump, President of the United States of America. The two leaders agreed to cooperate closely on North Korea.
    """

    func write(_ folder: URL, _ name: String, _ bytes: [UInt8]) throws {
        try Data(bytes).write(to: folder.appendingPathComponent(name))
    }

    @Test func everyBadReadoutIsReportedAndTheRestAnalysed() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try write(folder, "good.txt", Array(good.utf8))
        try write(folder, "empty.txt", [])
        try write(folder, "binary.html", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D])
        try write(folder, "nodate.txt", Array("Readout\nThe President spoke today with Prime Minister Abe of Japan. They agreed to cooperate.\n".utf8))
        try write(folder, "nobody.txt", Array("Weather report\nMarch 9, 2018\nIt rained in Tokyo all day and the trains were late again.\n".utf8))
        // A folder named like a readout cannot be read as one.
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("unreadable.txt"), withIntermediateDirectories: true)
        try write(folder, "manifest.yaml", Array("good.txt:\n  date: 2018-03-09\nmissing.txt:\n  date: 2020-01-01\n".utf8))

        let a = try analyzer.analyze(folder: folder)
        func diag(_ file: String) -> Diagnostic? { a.diagnostics.first { $0.file.hasSuffix(file) && $0.severity == .error } }
        #expect(diag("empty.txt")?.message.contains("empty") == true)
        #expect(diag("binary.html")?.message.contains("not a text file") == true)
        #expect(diag("nodate.txt")?.message.contains("no date") == true)
        #expect(diag("nobody.txt")?.message.contains("no participants") == true)
        #expect(diag("unreadable.txt")?.message.contains("cannot be read") == true)
        #expect(a.diagnostics.contains { $0.file.hasSuffix("manifest.yaml") && $0.message.contains("missing.txt") && $0.line == 3 })
        #expect(a.meetings.contains { $0.file == "good.txt" && $0.date?.description == "2018-03-09" && $0.commitments.count == 1 })
        #expect(a.summary.failed == 5)
        for d in a.diagnostics { #expect(d.description.contains(": error: ") || d.description.contains(": warning: ")) }
    }

    @Test func malformedManifestNamesTheLine() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try write(folder, "good.txt", Array(good.utf8))
        try write(folder, "manifest.yaml", Array("good.txt:\n  date: 2018-13-45\n".utf8))
        let a = try analyzer.analyze(folder: folder)
        let d = try #require(a.diagnostics.first { $0.file.hasSuffix("manifest.yaml") })
        #expect(d.severity == .error)
        #expect(d.line == 2)
        #expect(d.message.contains("YYYY-MM-DD"))
        #expect(a.meetings.count == 1, "readouts still analysed")
    }

    @Test func malformedLayoutNamesFileKeyAndLine() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.removeItem(at: folder)
        try FileManager.default.copyItem(at: packageRoot.appendingPathComponent("layouts"), to: folder)
        try write(folder, "taxonomy.yaml", Array("topics:\n  - id: trade\n    label: Trade\n    includes: [tariff]\n".utf8))
        do {
            _ = try Configuration.load(layoutsFolder: folder)
            Issue.record("a misspelt key was accepted")
        } catch {
            #expect(error.file.hasSuffix("taxonomy.yaml"))
            #expect(error.line == 4)
            #expect(error.key == "topics[0].includes")
            #expect(error.description.contains("unknown key"))
        }
        try write(folder, "taxonomy.yaml", Array("topics:\n  - id: trade\n    label: [Trade\n".utf8))
        do {
            _ = try Configuration.load(layoutsFolder: folder)
            Issue.record("broken YAML was accepted")
        } catch {
            #expect(error.line != nil)
            #expect(error.message.contains("not valid YAML"))
        }
    }

    @Test func writerNeverLeavesAHalfWrittenFile() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let a = try analyzer.analyze(folder: packageRoot.appendingPathComponent("seeds"))
        let target = folder.appendingPathComponent("analysis.json")
        try AnalysisWriter.write(a, to: target)
        let before = try Data(contentsOf: target)
        // The target's folder is a file: writing fails, the earlier export stays as it was.
        #expect(throws: (any Error).self) {
            try AnalysisWriter.write(a, to: target.appendingPathComponent("x.json"))
        }
        #expect(try Data(contentsOf: target) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["analysis.json"])
    }
}
