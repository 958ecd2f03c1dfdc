import BriefingFuzz
import Foundation
import Testing

let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
let harness = try! FuzzHarness(layouts: packageRoot.appendingPathComponent("layouts"))

/// Every input that ever crashed a fuzz target (`Tests/Fixtures/fuzz/<target>/`) goes through
/// the entry point the fuzzer called, and must now end with an answer: accepted, or rejected
/// with a message. A trap or a broken invariant stops the test process.
@Suite struct FuzzRegressionTests {
    static func fixtures(_ target: FuzzTarget) -> [URL] {
        let folder = packageRoot.appendingPathComponent("Tests/Fixtures/fuzz/\(target.rawValue)")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { !$0.hasPrefix(".") }.sorted().map { folder.appendingPathComponent($0) }
    }

    /// (`render` draws one document on its own thread, with that thread's Pango font map, as
    /// `chart --all`'s drawing threads do.)
    @Test(arguments: FuzzTarget.allCases)
    func everyCrashFoundIsNowAnAnswer(_ target: FuzzTarget) throws {
        for file in Self.fixtures(target) {
            let outcome = harness.run(target, Array(try Data(contentsOf: file)))
            #expect(outcome.accepted || !outcome.messages.isEmpty,
                    "\(target.rawValue)/\(file.lastPathComponent): rejected without a message")
            #expect(outcome.messages.allSatisfy { !$0.isEmpty }, "\(target.rawValue)/\(file.lastPathComponent)")
        }
    }

    /// The harness is no sieve: the project's own readouts and files pass every target.
    @Test func theProjectsOwnFilesAreAccepted() throws {
        for name in try FileManager.default.contentsOfDirectory(atPath: packageRoot.appendingPathComponent("seeds").path)
        where name.hasSuffix(".txt") {
            let outcome = harness.run(.readoutText, Array(try Data(contentsOf: packageRoot.appendingPathComponent("seeds/\(name)"))))
            #expect(outcome.accepted, "seeds/\(name): \(outcome.messages)")
        }
        let unseen = packageRoot.appendingPathComponent("Tests/Fixtures/unseen")
        for (ext, target) in [("md", FuzzTarget.readoutMarkdown), ("html", .readoutHTML)] {
            for name in try FileManager.default.contentsOfDirectory(atPath: unseen.path) where name.hasSuffix(".\(ext)") {
                let outcome = harness.run(target, Array(try Data(contentsOf: unseen.appendingPathComponent(name))))
                #expect(outcome.accepted, "unseen/\(name): \(outcome.messages)")
            }
        }
        let layouts = packageRoot.appendingPathComponent("layouts")
        func file(_ name: String) throws -> [UInt8] { Array(try Data(contentsOf: layouts.appendingPathComponent(name))) }
        for name in ["book.yaml", "brief.yaml", "letter-book.yaml"] { #expect(harness.run(.layout, try file(name)).accepted, "\(name)") }
        for name in ["taxonomy.yaml", "names.yaml", "meetings.yaml", "commitments.yaml", "people/japan.yaml",
                     "people/united-kingdom.yaml", "relationships/japan-us/relationship.yaml",
                     "relationships/uk-us/topics.yaml", "relationships/japan-us/places.yaml"] {
            #expect(harness.run(.configuration, try file(name)).accepted, "\(name)")
        }
        #expect(harness.run(.schedules, try file("schedules.yaml")).accepted)
        #expect(harness.run(.manifest, Array(try Data(contentsOf: packageRoot.appendingPathComponent("seeds/manifest.yaml")))).accepted)
        #expect(harness.run(.corrections, Array(try Data(contentsOf: packageRoot.appendingPathComponent(
            "Tests/Fixtures/corrections/corrections.yaml")))).accepted)
        #expect(harness.run(.frontMatter, Array("date: 2019-05-14\ntitle: Telephone talk\nplace: Tokyo".utf8)).accepted)
    }

    /// Clean rejections: the readers name what is wrong.
    @Test func hostileInputsAreRejectedWithAReason() {
        let cases: [(FuzzTarget, String, String)] = [
            (.readoutText, "", "empty"),
            (.readoutHTML, "<html><body><script>x</script></body></html>", "no readable text"),
            (.analysis, "{\"summary\": {\"readouts\": 1", "cut short"),
            (.analysis, "{\"summary\": [1, 2]}", "damaged"),
            (.analysis, "{\"format_version\": 1, \"summary\": {\"readouts\": -3}}", "summary.readouts"),
            (.layout, "page: {size: a5}", "a4 or letter"),
            (.schedules, "schedules:\n  w:\n    cadence: daily\n", "cadence"),
            (.manifest, "x.txt:\n  date: 2019-02-30\n", "YYYY-MM-DD"),
            (.corrections, "- x.txt\n- y.txt\n", "expected a mapping"),
            (.corrections, "x.txt:\n  drop: [{line: 3, text: \"a\"\n", "not valid YAML"),
        ]
        for (target, input, reason) in cases {
            let outcome = harness.run(target, Array(input.utf8))
            #expect(!outcome.accepted, "\(target.rawValue): \(input)")
            #expect(outcome.messages.contains { $0.contains(reason) }, "\(target.rawValue): \(outcome.messages)")
        }
    }
}
