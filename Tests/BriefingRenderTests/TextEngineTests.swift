import CCairo
import Foundation
import Testing
@testable import BriefingRender

extension RenderSuite {
@Suite struct TextEngineTests {
    func canvas() -> (Canvas, OpaquePointer) {
        let surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 100, 100)!
        return (Canvas(context: cairo_create(surface)), surface)
    }

    @Test func japaneseNamesFindAGlyphThroughTheNamedFallback() {
        let (c, s) = canvas()
        defer { cairo_surface_destroy(s) }
        let style = TextStyle(font: FontSpec(families: "Noto Sans, Noto Sans CJK JP", size: 10))
        _ = c.text.layout("安倍晋三 and 高市早苗 met", style: style)
        #expect(c.text.unknownGlyphs == 0)
    }

    @Test func markupEscapesUserText() {
        let (c, s) = canvas()
        defer { cairo_surface_destroy(s) }
        var m = Markup()
        m.bold("<b>US & Japan</b>")
        let block = c.text.layout(markup: m, style: TextStyle(font: FontSpec(families: "Noto Sans", size: 10)))
        #expect(block.width > 50, "escaped markup must still draw its text")
        #expect(m.text == "<b>&lt;b&gt;US &amp; Japan&lt;/b&gt;</b>")
    }

    @Test func theSameTextInTheSameFrameIsShapedOnceAndStillCountsItsMissingGlyphs() {
        let (c, s) = canvas()
        defer { cairo_surface_destroy(s) }
        let style = TextStyle(font: FontSpec(families: "Noto Sans", size: 10))
        let a = c.text.layout("agreed", style: style, width: 80, maxLines: 1)
        #expect(c.text.layout("agreed", style: style, width: 80, maxLines: 1) === a)
        #expect(c.text.layout("agreed", style: style, width: 60, maxLines: 1) !== a)
        #expect(c.text.layout("agreed", style: style.bold, width: 80, maxLines: 1) !== a)
        #expect(c.text.layout(markup: Markup("agreed"), style: style, width: 80, maxLines: 1) !== a)
        // A private-use character no font draws: every use is counted, as every use is drawn.
        _ = c.text.layout("x\u{E000}", style: style)
        let once = c.text.unknownGlyphs
        _ = c.text.layout("x\u{E000}", style: style)
        #expect(once > 0)
        #expect(c.text.unknownGlyphs == 2 * once)
    }

    @Test func maxLinesEllipsises() {
        let (c, s) = canvas()
        defer { cairo_surface_destroy(s) }
        let block = c.text.layout(String(repeating: "word ", count: 200), style: TextStyle(font: FontSpec(families: "Noto Sans", size: 10)),
                                  width: 100, maxLines: 2)
        #expect(block.lineCount == 2)
        #expect(block.isEllipsized)
    }
}
}
