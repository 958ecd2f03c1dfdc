import BriefingCorpus
import BriefingModel
import Foundation
import Testing

@Suite struct CorpusWriterTests {
    @Test func writesReadoutsManifestAndTruth() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("corpus-writer-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let options = ReadoutGenerator.Options(count: 120, seed: 5, formats: [.txt, .html])
        let truthURL = folder.appendingPathComponent("truth.jsonl")
        let truth = try CorpusWriter.write(options, to: folder.appendingPathComponent("corpus"), truth: truthURL)

        let generated = Array(ReadoutGenerator(options))
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("corpus").path).sorted()
        let owed = generated.filter { $0.manifestDate != nil }
        #expect(!owed.isEmpty, "some year-less readouts need the manifest")
        #expect(names == (generated.map(\.name) + ["manifest.yaml"]).sorted())
        for r in generated {
            let text = try String(contentsOf: folder.appendingPathComponent("corpus/\(r.name)"), encoding: .utf8)
            #expect(text == r.text, "\(r.name)")
        }
        let manifest = try String(contentsOf: folder.appendingPathComponent("corpus/manifest.yaml"), encoding: .utf8)
        for r in owed { #expect(manifest.contains("\(r.name):\n  date: \(r.truth.date)\n"), "\(r.name)") }
        #expect(manifest.components(separatedBy: "  date: ").count - 1 == owed.count)

        let lines = try String(contentsOf: truthURL, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 120)
        #expect(truth == generated.map(\.truth))
        let first = try #require(JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
        #expect(Set(first.keys) == ["file", "date", "year_in_text", "kinds", "participants", "place", "duration_minutes",
                                    "topics", "commitments"])
        let call = try #require(truth.firstIndex { $0.place == nil }, "a call among 120 readouts")
        let row = try #require(JSONSerialization.jsonObject(with: Data(lines[call].utf8)) as? [String: Any])
        #expect(row["place"] is NSNull)
        #expect(try JSONDecoder().decode(ReadoutTruth.self, from: Data(lines[call].utf8)) == truth[call])
    }
}
