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
}
}
