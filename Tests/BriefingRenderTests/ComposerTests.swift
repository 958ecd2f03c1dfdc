import CCairo
import Foundation
import Testing
@testable import BriefingRender

extension RenderSuite {
@Suite struct ComposerTests {
    @Test func longTableRepeatsItsHeaderAndLeavesNoLoneRow() throws {
        let url = try PDFTools.temporaryFolder("table").appendingPathComponent("table.pdf")
        let doc = try PDFDocument(url: url, style: DocumentStyle(layout: .defaults(for: .book)))
        let c = doc.composer
        c.newPage(section: "Test")
        c.paragraph(String(repeating: "Filler text. ", count: 40))
        let rows = (1...181).map { i -> [Table.Cell] in [.init("row \(i)"), .init(String(i * 7))] }
        c.table(Table(columns: [.init("Name", weight: 3), .init("Value", weight: 1, alignment: .right)], rows: rows))
        try doc.write(metadata: PDFMetadata(title: "t", author: "a", subject: "", keywords: "", creator: "test", date: PDFTools.date),
                      runningTitle: "Test")
        let pages = try PDFTools.pages(url)
        #expect(pages > 1)
        for p in 1...pages {
            let text = try PDFTools.text(url, first: p, last: p)
            #expect(text.contains("Name"), "page \(p) lacks the repeated header")
            let rowCount = text.split(separator: "\n").filter { $0.contains("row ") }.count
            #expect(rowCount >= 2, "page \(p) has a lone row")
        }
        let all = try PDFTools.text(url)
        for i in [1, 90, 181] { #expect(all.contains("row \(i) ") || all.contains("row \(i)\n"), "row \(i) missing") }
    }

    @Test func singleLineCellsTooLongForTheirColumnEndInAnEllipsis() throws {
        let url = try PDFTools.temporaryFolder("ellipsis").appendingPathComponent("table.pdf")
        let doc = try PDFDocument(url: url, style: DocumentStyle(layout: .defaults(for: .book)))
        let c = doc.composer
        c.newPage(section: "Test")
        let long = "Alliance and defense: restore strong diplomacy with every partner across the whole region"
        let rows = (1...40).map { i -> [Table.Cell] in [.init(i == 7 ? long : "short \(i)"), .init(String(i))] }
        c.table(Table(columns: [.init("Thread", weight: 1), .init("Value", weight: 3, alignment: .right)], rows: rows))
        try doc.write(metadata: PDFMetadata(title: "t", author: "a", subject: "", keywords: "", creator: "test", date: PDFTools.date),
                      runningTitle: "Test")
        // Drawn cut with "…" inside its column (a quarter of the ~480 pt text width from x = 58),
        // while the whole cell stays in the text layer (the ellipsis glyph carries the hidden
        // words), so it can still be searched and copied. Clipping instead of ellipsis would
        // drop the hidden words from the text.
        let boxes = try PDFTools.run("pdftotext", ["-bbox", url.path, "-"]).output
        let rightEdges = boxes.split(separator: "\n").compactMap { line -> Double? in
            guard line.contains("<word"), let r = line.range(of: "xMax=\""), let end = line[r.upperBound...].firstIndex(of: "\"") else { return nil }
            let x = Double(line[r.upperBound..<end]) ?? 0
            return line.contains("Alliance") || line.contains("restore") || line.contains("partner") ? x : nil
        }
        #expect(!rightEdges.isEmpty)
        #expect(rightEdges.allSatisfy { $0 < 185 }, "\(rightEdges)")
        let text = try PDFTools.text(url)
        #expect(text.contains(long))
        #expect(text.contains("short 6") && text.contains("short 8"), "the other rows keep their text")
    }
}
}