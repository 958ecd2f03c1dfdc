import Foundation
import Testing
@testable import BriefingIngest

let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

@Suite struct ReadoutTextTests {
    func load(_ name: String) throws -> ReadoutText {
        try ReadoutText.load(packageRoot.appendingPathComponent("seeds/\(name)"))
    }

    @Test func ministryPageNoiseIsKeptOutOfProse() throws {
        let r = try load("000_3c473871ed6bfc76.txt")
        let noise = r.lines.filter { $0.role == .noise }.map(\.text)
        #expect(noise.contains { $0.hasPrefix("photo1:") })
        #expect(noise.contains { $0.hasPrefix("photo2:") })
        #expect(noise.contains { $0.hasPrefix("Back to") })
        #expect(!r.prose.contains { $0.text.contains("Back to") || $0.text.hasPrefix("photo") })
        #expect(r.lines.first { $0.role == .dateline }?.text == "September 21, 2017")
        // Numbered paragraphs keep their marker and their line in the file.
        let first = try #require(r.prose.first { $0.marker == "1." })
        #expect(first.number == 9)
        #expect(first.text.hasPrefix("President Trump began the meeting"))
    }

    @Test func gistTagsAndPrintHeaderAreNoise() throws {
        let r = try load("001_89bd6e2a19a88483.txt")
        let noise = Set(r.lines.filter { $0.role == .noise }.map(\.text))
        #expect(noise.isSuperset(of: ["print PRINT", "Ambassador", "G7 Summit", "Ukraine"]))
        #expect(r.lines.contains { $0.role == .heading && $0.text == "Opening remarks" })
    }

    @Test func referenceListAndHeadingsAreRecognised() throws {
        let r = try load("004_ab724736b646953e.txt")
        #expect(r.lines.filter { $0.role == .noise && $0.text.hasSuffix("(PDF)") }.count == 5)
        let headings = r.lines.filter { $0.role == .heading }.map { "\($0.marker ?? "") \($0.text)" }
        #expect(headings.contains("(2) Security Affairs"))
        #expect(headings.contains("2. Promotion of a Free and Open Indo-Pacific"))
    }

    @Test func htmlDropsScriptsAndNavigationAndKeepsSourceLines() throws {
        let html = """
        <!DOCTYPE html><html><head><title>Readout &amp; notes</title>
        <meta property="article:published_time" content="2019-09-16T10:00:00Z">
        <script>var tracking = "The two leaders agreed to nothing";</script></head>
        <body><nav class="menu"><a href="/">Home</a> | <a href="/x">Policy</a></nav>
        <div class="breadcrumb">Home &gt; Policy &gt; Readouts</div>
        <h1>Japan-U.S. Summit Meeting</h1>
        <p>The two leaders&nbsp;agreed to strengthen the Alliance &mdash; and more.</p>
        <p>Prime Minister Abe expressed his condolences.<br>They confirmed that they will cooperate.</p>
        <footer>Copyright</footer></body></html>
        """
        let r = try ReadoutText.parse(Array(html.utf8), file: "page.html", path: "in/page.html")
        #expect(r.format == .html)
        #expect(r.pageTitle == "Readout & notes")
        #expect(r.metadataDates == ["2019-09-16T10:00:00Z"])
        let prose = r.prose.map(\.text)
        #expect(prose.first == "The two leaders agreed to strengthen the Alliance — and more.")
        #expect(prose.contains("They confirmed that they will cooperate."))
        #expect(!prose.contains { $0.contains("tracking") || $0.contains("Home") })
        #expect(r.prose.first?.number == 7)
    }

    @Test func longCaptionsAndCopyrightLinesAreNoise() throws {
        let text = "March 9, 2018\n(Photo: Prime Minister Abe and President Trump shake hands before their summit meeting in New York on Thursday.)\nThe two leaders agreed to cooperate closely on every issue before them.\nCopyright 2018 The Daily Newspaper Company, all rights reserved, reproduction in whole or in part is prohibited.\n"
        let r = try ReadoutText.parse(Array(text.utf8), file: "x.txt", path: "x.txt")
        #expect(r.prose.map(\.text) == ["The two leaders agreed to cooperate closely on every issue before them."])
    }

    @Test func plainTextSavedAsHTMLIsReadAsText() throws {
        let text = "March 9, 2018\nOn March 9, the two leaders held a telephone talk. They agreed to cooperate.\n"
        let r = try ReadoutText.parse(Array(text.utf8), file: "saved.html", path: "saved.html")
        #expect(r.format == .text)
        #expect(r.prose.count == 1)
    }

    @Test func markdownFrontMatterKeepsLineNumbers() throws {
        let md = "---\ndate: 2017-11-06\nplace: Tokyo\n---\n# Summit\n\nThe two leaders agreed to cooperate closely.\n"
        let r = try ReadoutText.parse(Array(md.utf8), file: "a.md", path: "a.md")
        #expect(r.frontMatter?.fields["date"] == "2017-11-06")
        #expect(r.frontMatter?.fields["place"] == "Tokyo")
        #expect(r.prose.first?.number == 7)
    }

    @Test func badFilesAreErrorsWithAMessage() {
        #expect(throws: IngestError.self) { try ReadoutText.parse([], file: "e.txt", path: "e.txt") }
        #expect(throws: IngestError.self) { try ReadoutText.parse([0, 1, 2, 3, 0, 0], file: "b.txt", path: "b.txt") }
        #expect(throws: IngestError.self) { try ReadoutText.parse(Array("---\ndate: x\n".utf8), file: "f.md", path: "f.md") }
        do {
            _ = try ReadoutText.load(packageRoot.appendingPathComponent("seeds/no-such-file.txt"))
            Issue.record("missing file read")
        } catch {
            #expect(error.message.contains("cannot be read"))
        }
    }

    @Test func navigationLinesAreShortAndAnyCaseIsNoise() throws {
        // isNoise looks a line up in the list only when it has at most four words.
        for line in LineClassifier.noiseLines {
            #expect(LineClassifier.wordCount(Substring(line)) <= 4, "\(line)")
        }
        let text = try ReadoutText.parse(Array("Japan-U.S. Summit Meeting\nSkip to Main Content\nPRINT THIS PAGE\nThe two leaders agreed to cooperate closely on every issue.\n".utf8),
                                         file: "x.txt", path: "x.txt")
        #expect(text.lines.filter { $0.role == .noise }.map(\.text) == ["Skip to Main Content", "PRINT THIS PAGE"])
    }

    @Test func aNewsSidebarOfOtherStoriesIsNoise() throws {
        let page = """
        Leaders Agree to Meet at Summit
        9:30 JST, June 2, 2024
        The prime minister spoke with the president by phone on Friday.
        They agreed to meet on the sidelines of the summit.
        "World" MOST READ
        -
        Chinese Ships Spotted Near Islands as Tensions Rise in Region
        -
        Chip Makers Expand Plants Amid Rare Earth Worries
        """
        let text = try ReadoutText.parse(Array(page.utf8), file: "n.txt", path: "n.txt")
        #expect(text.prose.map(\.text).allSatisfy { !$0.contains("Chinese") && !$0.contains("Chip") })
        #expect(text.prose.contains { $0.text.hasPrefix("They agreed") })
    }
}
