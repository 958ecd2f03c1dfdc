import ArgumentParser
import BriefingModel
import Foundation

/// Runs extraction on a folder of readouts for the render commands (`--input DIR`).
enum AnalysisFromReadouts {
    static func analyze(folder: URL, layouts: URL) throws -> Analysis {
        throw ValidationError("--input needs the extraction stage, which is not merged yet; use --analysis FILE")
    }
}
