import BriefingConfig
import BriefingModel
import Foundation
import Testing

/// The one YAML loader: every problem names the file, the key and the line.
@Suite struct YAMLNodeTests {
    func error(_ text: String, firstLine: Int = 1, _ walk: (YAMLNode) throws(ConfigurationError) -> Void = { _ in })
        -> ConfigurationError? {
        do {
            guard let root = try YAMLNode.parse(text, file: "f.yaml", firstLine: firstLine) else { return nil }
            try walk(root)
            return nil
        } catch { return error }
    }

    @Test func aKeyGivenTwiceIsAnErrorAtTheFirst() {
        let e = error("topics:\n  - id: a\n    label: A\n    label: B\n")
        #expect(e?.description == "f.yaml:3: error: 'label' given twice in one mapping (first here); keep one")
    }

    @Test func anUnknownKeyIsNamedAtItsOwnLine() {
        // The value is a mapping on the next lines: the line is the key's, not the value's.
        let e = error("id: x\nextra:\n  a: 1\n") { root throws(ConfigurationError) in try root.allowOnly(["id"]) }
        #expect(e?.key == "extra" && e?.line == 2 && e?.message == "unknown key; expected one of id")
    }

    @Test func valuesOfTheWrongKindNameTheirKeyAndLine() {
        let e = error("page:\n  width: wide\n") { root throws(ConfigurationError) in
            _ = try root.required("page").required("width").number(in: 1...10)
        }
        #expect(e?.description == "f.yaml:2: error: page.width: expected a number, got 'wide'")
        let range = error("n: 12\n") { root throws(ConfigurationError) in _ = try root.required("n").integer(in: 0...10) }
        #expect(range?.message == "12 is out of range 0–10")
        let list = error("n: [1, 2]\n") { root throws(ConfigurationError) in _ = try root.required("n").integer(in: 0...10) }
        #expect(list?.message == "expected a whole number, got 'a list or mapping'")
    }

    /// A document that starts further down its file (front matter) counts the file's lines.
    @Test func linesAreTheFilesWhenTheDocumentStartsLater() throws {
        let e = error("date: [2019\n", firstLine: 2)
        #expect(e?.line == 3 && e?.message.hasPrefix("not valid YAML") == true, "\(String(describing: e))")
        let root = try #require(try YAMLNode.parse("a: 1\nb:\n  c: 2\n", file: "f.yaml", firstLine: 2))
        #expect(root.keyLines() == ["a": 2, "b": 3])
        #expect(root["b"]?["c"]?.line == 4)
    }

    @Test func whatYamsCannotReadIsOneFindingWithoutYamsOwnPrefix() {
        // A control character: Yams' reader error, whose description starts "2:25: error:".
        let e = error("title: x\nnote: a\u{01}b\n")
        #expect(e?.line == 2 && e?.message == "not valid YAML: control characters are not allowed", "\(String(describing: e))")
        #expect(e.map { !$0.description.contains("\n") && $0.description.components(separatedBy: "error:").count == 2 } == true)
    }

    @Test func findingsAreDiagnosticsWithTheirSeverity() throws {
        let root = try #require(try YAMLNode.parse("a:\n  b: x\n", file: "f.yaml"))
        let d = try #require(root["a"]?["b"]).finding(.warning, "looks odd")
        #expect(d == Diagnostic(.warning, file: "f.yaml", line: 2, "a.b: looks odd"))
    }

    @Test func filesAreReadOnlyWhenTheyAreSmallUTF8RegularFiles() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("yaml-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try YAMLNode.readFile(folder.appendingPathComponent("none.yaml").path, what: "file") == nil)
        let big = folder.appendingPathComponent("big.yaml")
        try Data(repeating: 0x61, count: 3000).write(to: big)
        #expect(throws: ConfigurationError(file: big.path, line: nil, key: nil, "the schedules file is 2 KB; at most 2 KB is read")) {
            try YAMLNode.readFile(big.path, what: "schedules file", limit: 2048)
        }
        let latin1 = folder.appendingPathComponent("latin1.yaml")
        try Data("a: 1\nb: caf\u{E9}\n".utf8.map { $0 }.prefix(11) + [0xE9, 0x0A]).write(to: latin1)
        do {
            _ = try YAMLNode.readFile(latin1.path, what: "manifest")
            Issue.record("not UTF-8, read")
        } catch {
            #expect(error.line == 2 && error.message.contains("not UTF-8"))
        }
        #expect(throws: ConfigurationError.self) { try YAMLNode.readFile(folder.path, what: "layout") }
    }
}
