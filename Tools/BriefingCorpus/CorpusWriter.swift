import BriefingModel
import Foundation

/// Writes generated readouts into a folder: one file each, `manifest.yaml` with the dates
/// their text cannot decide (as a user would write them), and optionally their truth as
/// JSON lines.
public enum CorpusWriter {
    /// The truth of every readout written, in file order.
    @discardableResult
    public static func write(_ options: ReadoutGenerator.Options, to folder: URL, truth: URL? = nil) throws -> [ReadoutTruth] {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var truths: [ReadoutTruth] = []
        var truthLines = Data()
        var manifest = ""
        for r in ReadoutGenerator(options) {
            try Data(r.text.utf8).write(to: folder.appendingPathComponent(r.name))
            if let day = r.manifestDate { manifest += "\(r.name):\n  date: \(day)\n" }
            if truth != nil {
                truthLines += try encoder.encode(r.truth)
                truthLines.append(0x0A)
            }
            truths.append(r.truth)
        }
        if !manifest.isEmpty {
            let header = "# Dates that these readouts' text cannot decide (no year, and the leaders' terms allow several).\n"
            try Data((header + manifest).utf8).write(to: folder.appendingPathComponent("manifest.yaml"))
        }
        if let truth { try truthLines.write(to: truth, options: .atomic) }
        return truths
    }
}
