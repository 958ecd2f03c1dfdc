import CCairo
import Foundation
import Testing
@testable import BriefingRender
#if canImport(FoundationXML)
import FoundationXML
#endif

extension RenderSuite {
@Suite struct ChartExporterTests {
    let exporter = ChartExporter(layout: .defaults(for: .book))
    let analysis = Fixtures.small

    @Test(arguments: ChartExporter.Format.allCases)
    func everyChartIsWrittenAndOpens(_ format: ChartExporter.Format) throws {
        let folder = try PDFTools.temporaryFolder("charts-\(format.rawValue)")
        let items = exporter.overviewItems(analysis) + analysis.topics.map(exporter.topicItem)
        for item in items {
            let url = try exporter.write(item, format: format, folder: folder, date: PDFTools.date)
            switch format {
            case .pdf:
                #expect(try PDFTools.pages(url) == 1, "\(url.lastPathComponent) does not open as a PDF")
            case .png:
                let surface = cairo_image_surface_create_from_png(url.path)
                defer { cairo_surface_destroy(surface) }
                #expect(cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS, "\(url.lastPathComponent) does not open")
                #expect(cairo_image_surface_get_width(surface) == 1280)
            case .svg:
                let parser = XMLParser(data: try Data(contentsOf: url))
                #expect(parser.parse(), "\(url.lastPathComponent) is not well-formed SVG")
            }
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { !$0.hasPrefix(".") }
        #expect(names.count == items.count, "no temporary files are left behind")
    }

    @Test func topicChartCarriesEveryYearsCounts() throws {
        let topic = try #require(analysis.topics.first)
        let folder = try PDFTools.temporaryFolder("chart-topic")
        let url = try exporter.write(exporter.topicItem(topic), format: .pdf, folder: folder, date: PDFTools.date)
        let text = try PDFTools.text(url, layout: false)
        #expect(text.contains(topic.label))
        for y in topic.byYear { #expect(text.contains(String(y.year)), "year \(y.year) missing") }
    }

    @Test(arguments: ChartExporter.Format.allCases)
    func writingAllAtOnceGivesTheFilesWritingOneByOneGives(_ format: ChartExporter.Format) throws {
        let items = exporter.overviewItems(analysis) + analysis.topics.map(exporter.topicItem)
        let all = try PDFTools.temporaryFolder("all-\(format.rawValue)")
        let one = try PDFTools.temporaryFolder("one-\(format.rawValue)")
        let (written, failure) = exporter.writeAll(items, format: format, folder: all, date: PDFTools.date)
        #expect(failure == nil)
        #expect(written.map(\.lastPathComponent) == items.map { "\($0.name).\(format.rawValue)" })
        for item in items {
            let url = try exporter.write(item, format: format, folder: one, date: PDFTools.date)
            #expect(try Data(contentsOf: url) == Data(contentsOf: all.appendingPathComponent(url.lastPathComponent)),
                    "\(url.lastPathComponent) differs when written with the others")
        }
    }

    @Test(arguments: ChartExporter.Format.allCases)
    func drawingOnTwoThreadsGivesTheFilesOneThreadGives(_ format: ChartExporter.Format) throws {
        let items = exporter.overviewItems(analysis) + analysis.topics.map(exporter.topicItem)
        let two = try PDFTools.temporaryFolder("two-\(format.rawValue)")
        let one = try PDFTools.temporaryFolder("single-\(format.rawValue)")
        let helpers = ChartDrawingThreads(1, exporter: exporter, format: format)
        let (written, failure) = exporter.writeAll(items, format: format, folder: two, date: PDFTools.date, helpers: helpers)
        #expect(failure == nil)
        #expect(written.map(\.lastPathComponent) == items.map { "\($0.name).\(format.rawValue)" }, "in item order")
        let (single, _) = exporter.writeAll(items, format: format, folder: one, date: PDFTools.date)
        for url in single {
            #expect(try Data(contentsOf: url) == Data(contentsOf: two.appendingPathComponent(url.lastPathComponent)),
                    "\(url.lastPathComponent) differs when drawn on two threads")
        }
    }

    @Test func drawingThreadsGivenNoWorkEnd() {
        let helpers = ChartDrawingThreads(2, exporter: exporter, format: .png)
        helpers.release()
    }

    @Test func writingAllStopsAtTheFirstFailureAndNamesItsFile() throws {
        let blocker = try PDFTools.temporaryFolder("all-fail").appendingPathComponent("not-a-folder")
        try Data("x".utf8).write(to: blocker)
        let (written, failure) = exporter.writeAll(exporter.overviewItems(analysis), format: .png, folder: blocker, date: PDFTools.date)
        #expect(written.isEmpty)
        #expect(failure?.path == blocker.appendingPathComponent("topic-frequency.png").path)
    }

    @Test func chartsAreByteIdenticalAcrossRenders() throws {
        for format in ChartExporter.Format.allCases {
            let a = try exporter.write(exporter.overviewItems(analysis)[0], format: format,
                                       folder: try PDFTools.temporaryFolder("same-a"), date: PDFTools.date)
            let b = try exporter.write(exporter.overviewItems(analysis)[0], format: format,
                                       folder: try PDFTools.temporaryFolder("same-b"), date: PDFTools.date)
            #expect(try Data(contentsOf: a) == Data(contentsOf: b), "\(format) differs between renders")
        }
    }
}
}
