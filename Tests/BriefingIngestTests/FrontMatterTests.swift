import Testing
@testable import BriefingIngest

/// Front matter goes through the configuration's YAML loader; what is wrong is named at the
/// file's line.
@Suite struct FrontMatterTests {
    func failure(_ md: String) -> IngestError? {
        do { _ = try ReadoutText.parse(Array(md.utf8), file: "a.md", path: "a.md"); return nil } catch { return error }
    }

    @Test func plainAndYAMLFrontMatterGiveTheSameFields() throws {
        let plain = try #require(try FrontMatter.split("---\ndate: 2019-05-14\nplace: Tokyo\n---\nBody\n"))
        let quoted = try #require(try FrontMatter.split("---\ndate: \"2019-05-14\"\nplace: 'Tokyo'\nkinds: [summit, lunch]\n---\nBody\n"))
        #expect(plain.0.fields == ["date": "2019-05-14", "place": "Tokyo"])
        #expect(quoted.0.fields == ["date": "2019-05-14", "place": "Tokyo", "kinds": "summit; lunch"])
        #expect(quoted.0.lines == ["date": 2, "place": 3, "kinds": 4])
        #expect(quoted.0.lineCount == 5 && quoted.body == "Body\n")
    }

    @Test func problemsAreAtTheFilesLines() {
        let broken = failure("---\ntitle: x\ndate: [2019\n---\nBody\n")
        #expect(broken?.line == 4 || broken?.line == 3, "\(String(describing: broken))")
        #expect(broken?.message.hasPrefix("front matter: not valid YAML") == true)
        let twice = failure("---\ndate: \"2019-05-14\"\ndate: \"2019-05-15\"\n---\nBody\n")
        #expect(twice?.line == 2 && twice?.message == "front matter: 'date' given twice in one mapping (first here); keep one")
        #expect(failure("---\ndate: 2019-05-14\ndate: 2019-05-15\n---\nBody\n")?.line == 2, "plain lines too")
        let list = failure("---\n- a\n- b\n---\nBody\n")
        #expect(list?.line == 2 && list?.message == "front matter: front matter must be `key: value` lines")
        #expect(failure("---\ndate: x\n")?.message.contains("never closed") == true)
    }
}
