import CCairo
import Foundation

/// Document metadata written into the PDF's Info dictionary.
public struct PDFMetadata: Sendable {
    public var title: String
    public var author: String
    public var subject: String
    public var keywords: String
    public var creator: String
    public var date: DocumentDate
}

/// A multi-page PDF: compose first (measure, paginate), then draw every page with its running
/// header and footer, add the outline, finish, repair links with qpdf and rename into place.
public final class PDFDocument {
    let surface: OpaquePointer
    public let canvas: Canvas
    public var composer: Composer
    let output: OutputFile
    let style: DocumentStyle

    public init(url: URL, style: DocumentStyle) throws {
        output = try OutputFile(url)
        self.style = style
        let page = style.layout.page
        guard let s = cairo_pdf_surface_create(output.temporary.path, page.width, page.height),
              cairo_surface_status(s) == CAIRO_STATUS_SUCCESS else {
            throw RenderError.surface(url.path, "cairo could not create the PDF surface")
        }
        surface = s
        cairo_pdf_surface_restrict_to_version(s, CAIRO_PDF_VERSION_1_5)
        canvas = Canvas(context: cairo_create(s))
        composer = Composer(canvas: canvas, style: style)
    }

    deinit { cairo_surface_destroy(surface) }

    /// Draws what was composed and writes the file. `chrome` draws header and footer.
    public func write(metadata: PDFMetadata, runningTitle: String) throws {
        let pages = composer.pages
        let total = pages.count
        set(CAIRO_PDF_METADATA_TITLE, metadata.title)
        set(CAIRO_PDF_METADATA_AUTHOR, metadata.author)
        set(CAIRO_PDF_METADATA_SUBJECT, metadata.subject)
        set(CAIRO_PDF_METADATA_KEYWORDS, metadata.keywords)
        set(CAIRO_PDF_METADATA_CREATOR, metadata.creator)
        set(CAIRO_PDF_METADATA_CREATE_DATE, metadata.date.iso8601)
        set(CAIRO_PDF_METADATA_MOD_DATE, metadata.date.iso8601)

        let chrome = PageChrome(style: style, title: runningTitle, engine: canvas.text)
        for (number, page) in pages.enumerated() {
            if page.chrome { chrome.draw(on: canvas, page: number + 1, of: total, section: page.section) }
            for op in page.ops { op(canvas) }
            cairo_show_page(canvas.cr)
        }
        var parents: [Int: Int32] = [0: 0]
        for entry in composer.outline {
            let parent = parents[entry.level - 1] ?? parents[(parents.keys.filter { $0 < entry.level }.max() ?? 0)] ?? 0
            let id = cairo_pdf_surface_add_outline(surface, parent, entry.title, "dest='\(entry.anchor)'",
                                                   cairo_pdf_outline_flags_t(rawValue: 0))
            parents[entry.level] = id
            parents = parents.filter { $0.key <= entry.level }
        }
        cairo_surface_finish(surface)
        let status = cairo_surface_status(surface)
        guard status == CAIRO_STATUS_SUCCESS else {
            output.discard()
            throw RenderError.write(output.destination.path, String(cString: cairo_status_to_string(status)))
        }
        if composer.usesLinks {
            let repaired = output.temporary.appendingPathExtension("qpdf")
            defer { try? FileManager.default.removeItem(at: repaired) }
            do { try PDFRepair.rewrite(output.temporary, to: repaired) } catch { output.discard(); throw error }
            try output.commit(from: repaired)
            output.discard()
        } else {
            try output.commit()
        }
    }

    private func set(_ key: cairo_pdf_metadata_t, _ value: String) {
        cairo_pdf_surface_set_metadata(surface, key, value)
    }
}

/// Running header (document title, section) and footer ("page N of M").
struct PageChrome {
    let style: DocumentStyle
    let title: String
    let engine: TextEngine

    func draw(on c: Canvas, page: Int, of total: Int, section: String) {
        let p = style.layout.page
        let left = p.margins.left, right = p.width - p.margins.right, width = right - left
        let st = style.chrome
        let headerY = p.margins.top - 30
        let half = width / 2 - 6
        c.text(title, in: Rect(x: left, y: headerY, width: half, height: 14), style: st, maxLines: 1)
        c.text(section, in: Rect(x: left + width / 2 + 6, y: headerY, width: half, height: 14),
               style: st.with(alignment: .right), maxLines: 1)
        c.line(from: Point(left, headerY + 13), to: Point(right, headerY + 13), style.colors.rule, width: 0.5)
        let footerY = p.height - p.margins.bottom + 18
        c.line(from: Point(left, footerY - 4), to: Point(right, footerY - 4), style.colors.rule, width: 0.5)
        c.text("page \(page) of \(total)", in: Rect(x: left, y: footerY, width: width, height: 14),
               style: st.with(alignment: .right), maxLines: 1)
    }
}
