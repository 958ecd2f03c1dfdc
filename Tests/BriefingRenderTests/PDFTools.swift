import BriefingCorpus
import Foundation
import Testing
@testable import BriefingRender
import BriefingModel

/// Reads rendered files back with Debian's poppler-utils and qpdf, as a reader's tools would.
enum PDFTools {
    static func run(_ tool: String, _ args: [String]) throws -> (status: Int32, output: String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = [tool] + args
        let pipe = Pipe()
        p.standardOutput = pipe
        p.standardError = pipe
        try p.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    static func text(_ url: URL, layout: Bool = true, first: Int? = nil, last: Int? = nil) throws -> String {
        var args = [layout ? "-layout" : "-raw"]
        if let first { args += ["-f", String(first)] }
        if let last { args += ["-l", String(last)] }
        return try run("pdftotext", args + [url.path, "-"]).output
    }

    static func info(_ url: URL) throws -> [String: String] {
        var out: [String: String] = [:]
        for line in try run("pdfinfo", [url.path]).output.split(separator: "\n") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            out[String(line[..<colon])] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return out
    }

    static func pages(_ url: URL) throws -> Int { Int(try info(url)["Pages"] ?? "") ?? -1 }

    static func temporaryFolder(_ name: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("briefing-render-tests-\(getpid())-\(name)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// A fixed date so tests never depend on the environment.
    static let date = DocumentDate(epoch: 1_700_000_000)
}

/// Every render test runs under this one serialized suite: Pango is not thread-safe, and
/// Swift Testing runs suites in parallel.
@Suite(.serialized) struct RenderSuite {}

enum Fixtures {
    /// Small but complete: 40 meetings, 12 threads, Japanese names, warnings.
    static let small = SyntheticAnalysis.make(meetings: 40, threads: 12, seed: 7)
}
