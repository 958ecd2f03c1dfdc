import Foundation
import Testing
@testable import BriefingRender

extension RenderSuite {
@Suite struct LayoutLoaderTests {
    func parse(_ yaml: String, kind: Layout.Kind = .book) throws -> Layout {
        try LayoutLoader(file: "test.yaml").parse(yaml, kind: kind)
    }

    func error(_ yaml: String, kind: Layout.Kind = .book) -> LayoutError? {
        do { _ = try parse(yaml, kind: kind); return nil } catch let e as LayoutError { return e } catch { return nil }
    }

    @Test func shippedLayoutsLoad() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("layouts")
        let book = try LayoutLoader.load(name: "book", kind: .book, folder: folder)
        #expect(book.sections.count == 10 && book.sections.contains(.since) && book.sections.last == .sources)
        #expect(book.limits.sourceReadouts == 60 && book.limits.sinceLines == 20)
        let letter = try LayoutLoader.load(name: "letter-book", kind: .book, folder: folder)
        #expect(letter.page.width == 612 && letter.page.height == 792)
        let brief = try LayoutLoader.load(name: "brief", kind: .brief, folder: folder)
        #expect(brief.kind == .brief)
    }

    @Test func partialLayoutKeepsDefaults() throws {
        let l = try parse("title: Hello\nlimits:\n  meeting_pages: 5\n")
        #expect(l.title == "Hello")
        #expect(l.limits.meetingPages == 5)
        #expect(l.limits.topicThreads == Layout.defaults(for: .book).limits.topicThreads)
    }

    @Test func sinceAndSourcesAreSectionsWithLimits() throws {
        let l = try parse("sections: [cover, since, summary]\nlimits:\n  source_readouts: 0\n  since_lines: 4\n")
        #expect(l.sections == [.cover, .since, .summary])
        #expect(l.limits.sourceReadouts == 0 && l.limits.sinceLines == 4)
        let brief = try parse("sections: [headline, since]\n", kind: .brief)
        #expect(brief.sections == [.headline, .since])
        let e = error("sections: [cover, sources]\n")
        #expect(e == nil)
        let wrong = error("kind: brief\nsections: [headline, sources]\n", kind: .brief)
        #expect(wrong?.file == "test.yaml" && wrong?.line == 2 && wrong?.key == "sections")
        let negative = error("limits:\n  since_lines: -1\n")
        #expect(negative?.key == "limits.since_lines" && negative?.line == 2)
    }

    @Test func unknownKeyNamesKeyAndLine() {
        let e = error("title: x\npage:\n  size: a4\n  colour: red\n")
        #expect(e?.key == "page.colour")
        #expect(e?.line == 4)
    }

    @Test func wrongTypeNamesKeyAndLine() {
        let e = error("fonts:\n  size: big\n")
        #expect(e?.key == "fonts.size")
        #expect(e?.line == 2)
        #expect(e?.description.hasPrefix("test.yaml:2: error: fonts.size:") == true)
    }

    @Test func badColourAndStrengthCount() {
        #expect(error("colors:\n  ink: blue\n")?.key == "colors.ink")
        let e = error("colors:\n  strength: [\"#000000\"]\n")
        #expect(e?.key == "colors.strength" && e?.line == 2)
    }

    @Test func unknownSectionAndWrongKind() {
        let e = error("sections: [cover, index]\n")
        #expect(e?.key == "sections" && e?.line == 1)
        #expect(error("kind: brief\n", kind: .book)?.key == "kind")
        #expect(error("sections: [cover]\n", kind: .brief)?.key == "sections")
    }

    @Test func brokenYamlGivesItsLine() {
        let e = error("title: x\nlimits: [unclosed\n")
        #expect(e?.line == 3 || e?.line == 2)
        #expect(e?.message.contains("not valid YAML") == true)
    }

    @Test func aKeyGivenTwiceOrAnUnknownMarginNamesItsLine() {
        let twice = error("title: x\nlimits:\n  sources: 3\n  sources: 4\n")
        #expect(twice?.line == 3 && twice?.message.contains("'sources' given twice") == true)
        let side = error("page:\n  margins:\n    top: 20\n    middle: 20\n")
        #expect(side?.key == "page.margins.middle" && side?.line == 4)
        let lanes = error("limits:\n  summary_topics: 4\n  timeline_lanes_per_page: 0\n")
        #expect(lanes?.key == "limits.timeline_lanes_per_page" && lanes?.line == 3)
    }

    @Test func marginsThatLeaveNoRoomAreRejected() {
        #expect(error("page:\n  margins: 200\n")?.key == "page")
    }
}
}
