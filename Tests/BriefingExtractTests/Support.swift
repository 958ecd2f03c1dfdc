import BriefingConfig
import BriefingIngest
import BriefingModel
import Foundation
@testable import BriefingExtract

let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// The shipped layouts, loaded once for all tests.
let shippedConfiguration: Configuration = {
    try! Configuration.load(layoutsFolder: packageRoot.appendingPathComponent("layouts")).0
}()

let extractor = MeetingExtractor(configuration: shippedConfiguration, asOf: CalendarDay(year: 2026, month: 11, day: 21)!)

/// Extracts a readout given as text (a one-paragraph readout is enough for most rules).
func extract(_ text: String, file: String = "t.txt", manifest: Manifest.Entry? = nil) throws -> (Meeting, [Diagnostic]) {
    let r = try ReadoutText.parse(Array(text.utf8), file: file, path: file)
    return extractor.extract(r, manifest: manifest, manifestFile: nil)
}

func extractFile(_ path: String, manifest: Manifest? = nil) throws -> (Meeting, [Diagnostic]) {
    let url = packageRoot.appendingPathComponent(path)
    let r = try ReadoutText.load(url)
    return extractor.extract(r, manifest: manifest?[url.lastPathComponent], manifestFile: manifest?.file)
}

/// Commitments of one sentence placed in a minimal readout.
func commitments(_ sentence: String) throws -> [Commitment] {
    let text = """
    Japan-U.S. Summit Meeting
    March 9, 2018
    On March 9, Mr. Shinzo Abe, Prime Minister of Japan, held a summit meeting with the Honorable Donald Trump, President of the United States of America.
    \(sentence)
    """
    return try extract(text).0.commitments.filter { $0.line == 4 }
}
