import BriefingAggregate
import BriefingConfig
import BriefingIngest
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
        // A folder named like a readout is not one: a warning, and it is not counted.
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("unreadable.txt"), withIntermediateDirectories: true)
        try write(folder, "manifest.yaml", Array("good.txt:\n  date: 2018-03-09\nmissing.txt:\n  date: 2020-01-01\n".utf8))

        let a = try analyzer.analyze(folder: folder)
        func diag(_ file: String) -> Diagnostic? { a.diagnostics.first { $0.file.hasSuffix(file) && $0.severity == .error } }
        #expect(diag("empty.txt")?.message.contains("empty") == true)
        #expect(diag("binary.html")?.message.contains("not a text file") == true)
        #expect(diag("nodate.txt")?.message.contains("no date") == true)
        #expect(diag("nobody.txt")?.message.contains("no participants") == true)
        #expect(a.diagnostics.contains { $0.file.hasSuffix("unreadable.txt") && $0.severity == .warning && $0.message.contains("is a folder") })
        #expect(a.diagnostics.contains { $0.file.hasSuffix("manifest.yaml") && $0.message.contains("missing.txt") && $0.line == 3 })
        #expect(a.meetings.contains { $0.file == "good.txt" && $0.date?.description == "2018-03-09" && $0.commitments.count == 1 })
        #expect(a.summary.failed == 4)
        #expect(a.summary.readouts == 5)
        for d in a.diagnostics { #expect(d.description.contains(": error: ") || d.description.contains(": warning: ")) }
    }

    /// Files that are no readout at all are warnings and never opened (a FIFO would wait for
    /// a writer for ever); a file over the size limit is refused unread; a name in any bytes is
    /// read and shown escaped.
    @Test func onlyRegularFilesAreReadAndAnyNameIsShown() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.path
        #expect(mkfifo(path + "/x.txt", 0o644) == 0)
        #expect(symlink("loop.txt", path + "/loop.txt") == 0)
        #expect(symlink("nowhere.txt", path + "/dangling.txt") == 0)
        try write(folder, "good.txt", Array(good.utf8))
        #expect(symlink("good.txt", path + "/link.txt") == 0)
        var big = Array(good.utf8)
        while big.count <= ReadoutText.sizeLimit { big += Array(good.utf8) }
        try write(folder, "big.txt", big)
        // "café.txt" in Latin-1: not valid UTF-8.
        let raw: [UInt8] = Array(path.utf8) + Array("/caf".utf8) + [0xE9] + Array(".txt".utf8)
        let fd = open(raw.map { CChar(bitPattern: $0) } + [0], O_WRONLY | O_CREAT | O_EXCL, 0o644)
        #expect(fd >= 0)
        _ = Array(good.utf8).withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
        close(fd)

        // The rest of the hostile folder of `scripts/hostile_check.py`, at sizes a test affords.
        try write(folder, "nested.html", Array(("<html><body>" + String(repeating: "<b>", count: 200_000) + "The leaders met."
                                                + String(repeating: "</b>", count: 200_000) + "</body></html>").utf8))
        try write(folder, "nul.txt", Array(good.utf8) + [0, 0, 0] + Array(good.utf8))
        try write(folder, "broken-front-matter.md", Array("---\ndate: [2018-03-09\ntitle: \"unclosed\n---\n\(good)".utf8))
        let laughs = "<!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;\">]>"
        try write(folder, "entities.html", Array("\(laughs)<html><body><p>&lol2;</p></body></html>".utf8))
        try write(folder, "utf16-no-bom.txt", Array(good.utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        try write(folder, "utf16.txt", [0xFF, 0xFE] + Array(good.replacingOccurrences(of: "March 9", with: "March 10").utf16)
            .flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })

        let a = try analyzer.analyze(folder: folder)
        func diag(_ file: String) -> Diagnostic? { a.diagnostics.first { $0.file.hasSuffix("/" + file) } }
        for bad in ["nested.html", "nul.txt", "broken-front-matter.md", "entities.html", "utf16-no-bom.txt"] {
            #expect(diag(bad)?.severity == .error, "\(bad): \(a.diagnostics.filter { $0.file.hasSuffix(bad) })")
        }
        // libyaml notices the unclosed list on the next line.
        #expect(diag("broken-front-matter.md")?.line == 3)
        #expect(diag("x.txt")?.severity == .warning)
        #expect(diag("x.txt")?.message.contains("is a FIFO") == true)
        #expect(diag("loop.txt")?.message.contains("link loop") == true)
        #expect(diag("loop.txt")?.severity == .warning)
        #expect(diag("dangling.txt")?.message.contains("link to nothing") == true)
        #expect(diag("big.txt")?.severity == .error)
        #expect(diag("big.txt")?.message.contains("refused above 2 MB") == true)
        #expect(a.meetings.map(\.file).sorted() == ["caf\\xE9.txt", "good.txt", "link.txt", "utf16.txt"])
        #expect(a.summary.failed == 6)
        #expect(a.summary.readouts == 10)
        for d in a.diagnostics { #expect(!d.description.contains("\n")) }
    }

    /// A readout with an error is reported and counted as failed, and adds nothing: no
    /// meeting, no topic mention, no commitment, no thread.
    @Test func aFailedReadoutAddsNothingToTheResults() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try write(folder, "good.txt", Array(good.utf8))
        let alone = try analyzer.analyze(folder: folder)
        // Dated, with topics and commitments, but no participant: an error.
        try write(folder, "nobody.txt", Array("""
            Working-level consultations
            March 10, 2018
            The delegations agreed to maintain maximum pressure on North Korea and decided to resolve the abductions issue.
            They confirmed that they will strengthen the Alliance and expand trade and investment.
            """.utf8))
        let a = try analyzer.analyze(folder: folder)
        #expect(a.diagnostics.contains { $0.file.hasSuffix("nobody.txt") && $0.severity == .error })
        #expect(a.meetings.map(\.file) == ["good.txt"])
        #expect(a.topics == alone.topics)
        #expect(a.threads == alone.threads)
        #expect(a.summary.commitmentsByStrength == alone.summary.commitmentsByStrength)
        #expect(a.summary.failed == 1)
        #expect(a.summary.readouts == 2)
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
}
