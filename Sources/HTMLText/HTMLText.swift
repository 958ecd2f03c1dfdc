internal import CLibXML2

/// libxml2 2.9 sets up its globals on first use, and that setup is not thread-safe: two
/// threads parsing their first pages at once can race, and a readout then fails to parse.
/// `xmlInitParser` once, before any parse; Swift runs a global's initialiser exactly once, the
/// other threads waiting for it.
private let parserReady: Void = xmlInitParser()

/// The readable text of a saved web page, as lines with the HTML source line each came from.
/// Parsed with libxml2's HTML parser (forgiving of broken nesting; entities decoded). Scripts,
/// styles, navigation, headers, footers, sidebars and forms are dropped; block elements end a
/// line. Kept free of Foundation: Debian's libxml2 headers and Foundation's ICU clash.
public struct HTMLText: Sendable {
    public struct Line: Sendable, Hashable {
        public var text: String
        /// 1-based line in the HTML source.
        public var sourceLine: Int
        /// The element was a heading (h1-h6).
        public var isHeading: Bool
    }

    public var title: String?
    public var lines: [Line]
    /// Dates the page's metadata gives (article:published_time, <time datetime>, ...), raw.
    public var metadataDates: [String]

    /// Parses an HTML document (bytes as read from disk; libxml2 detects the encoding from the
    /// meta charset, defaulting to UTF-8 when `utf8` is true).
    public static func parse(_ bytes: [UInt8], assumeUTF8: Bool = true) -> HTMLText? {
        _ = parserReady
        briefing_xml_silence()
        let options = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue |
                            HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_NONET.rawValue |
                            HTML_PARSE_COMPACT.rawValue)
        let doc: htmlDocPtr? = bytes.withUnsafeBufferPointer { buf in
            buf.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buf.count) { p in
                htmlReadMemory(p, Int32(buf.count), nil, assumeUTF8 ? "UTF-8" : nil, options)
            }
        }
        guard let doc else { return nil }
        defer { xmlFreeDoc(doc) }
        var walker = Walker()
        if let root = xmlDocGetRootElement(doc) { walker.walk(root) }
        walker.flush()
        return HTMLText(title: walker.title, lines: walker.lines, metadataDates: walker.dates)
    }
}

private struct Walker {
    var lines: [HTMLText.Line] = []
    var title: String?
    var dates: [String] = []
    private var current: [UInt8] = []
    private var currentLine = 0
    private var currentHeading = false

    static let dropped: Set<String> = ["script", "style", "noscript", "nav", "footer", "aside", "form",
                                       "button", "select", "option", "iframe", "svg", "template", "menu",
                                       "figure", "figcaption", "object", "embed", "canvas", "head"]
    static let blocks: Set<String> = ["p", "div", "br", "li", "ul", "ol", "tr", "td", "th", "table", "section",
                                      "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote",
                                      "pre", "dd", "dt", "dl", "hr", "body", "address", "center", "caption"]
    /// Class or id words that mark page furniture rather than the readout.
    static let furniture = ["nav", "menu", "breadcrumb", "sidebar", "side-bar", "footer", "header", "share",
                            "social", "related", "cookie", "banner", "advert", "promo", "subscribe", "newsletter",
                            "skip", "pagination", "comment", "widget", "toolbar", "masthead", "gnav", "topicpath"]

    mutating func walk(_ node: xmlNodePtr) {
        var child = node.pointee.children
        let name = Walker.name(node)
        if name == "head" { readHead(node) }
        if Walker.dropped.contains(name) || isFurniture(node) { return }
        if name == "time", let dt = Walker.attribute(node, "datetime") { dates.append(dt) }
        let block = Walker.blocks.contains(name)
        let heading = name.count == 2 && name.hasPrefix("h") && name.last!.isNumber
        if block { flush() }
        if heading { currentHeading = true }
        while let c = child {
            switch c.pointee.type {
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = c.pointee.content {
                    if current.isEmpty { currentLine = Int(xmlGetLineNo(c)) }
                    append(content)
                }
            case XML_ELEMENT_NODE:
                walk(c)
            default:
                break
            }
            child = c.pointee.next
        }
        if block || heading { flush() }
    }

    private mutating func readHead(_ head: xmlNodePtr) {
        var child = head.pointee.children
        while let c = child {
            if c.pointee.type == XML_ELEMENT_NODE {
                let n = Walker.name(c)
                if n == "title", title == nil, let t = Walker.text(of: c) {
                    title = Walker.collapse(t)
                } else if n == "meta" {
                    let key = (Walker.attribute(c, "property") ?? Walker.attribute(c, "name")
                               ?? Walker.attribute(c, "itemprop") ?? "").lowercased()
                    if ["article:published_time", "date", "dc.date", "dcterms.date", "dc.date.issued",
                        "datepublished", "publishdate", "pubdate", "og:published_time",
                        "article:modified_time"].contains(key),
                       let v = Walker.attribute(c, "content") {
                        dates.append(v)
                    }
                }
            }
            child = c.pointee.next
        }
    }

    private func isFurniture(_ node: xmlNodePtr) -> Bool {
        if let role = Walker.attribute(node, "role")?.lowercased(),
           ["navigation", "banner", "contentinfo", "complementary", "search", "menu"].contains(role) {
            return true
        }
        if Walker.attribute(node, "hidden") != nil { return true }
        for attr in ["class", "id"] {
            guard let v = Walker.attribute(node, attr)?.lowercased() else { continue }
            for word in v.split(whereSeparator: { $0 == " " || $0 == "_" }) {
                for f in Walker.furniture where word == f || word.hasPrefix(f + "-") || word.hasSuffix("-" + f) {
                    return true
                }
            }
        }
        return false
    }

    private mutating func append(_ content: UnsafePointer<xmlChar>) {
        var p = content
        while p.pointee != 0 {
            let b = p.pointee
            // Collapse runs of whitespace (HTML rendering) into one space.
            if b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 {
                if let last = current.last, last != 0x20 { current.append(0x20) }
            } else if b == 0xC2, (p + 1).pointee == 0xA0 {
                if let last = current.last, last != 0x20 { current.append(0x20) }
                p += 1
            } else {
                current.append(b)
            }
            p += 1
        }
    }

    mutating func flush() {
        while current.last == 0x20 { current.removeLast() }
        if !current.isEmpty {
            lines.append(HTMLText.Line(text: String(decoding: current, as: UTF8.self),
                                       sourceLine: max(1, currentLine), isHeading: currentHeading))
        }
        current.removeAll(keepingCapacity: true)
        currentHeading = false
    }

    static func name(_ node: xmlNodePtr) -> String {
        guard let n = node.pointee.name else { return "" }
        return String(cString: n).lowercased()
    }

    static func attribute(_ node: xmlNodePtr, _ name: String) -> String? {
        guard let v = xmlGetProp(node, name) else { return nil }
        defer { briefing_xml_free(v) }
        return String(cString: v)
    }

    static func text(of node: xmlNodePtr) -> String? {
        guard let v = xmlNodeGetContent(node) else { return nil }
        defer { briefing_xml_free(v) }
        return String(cString: v)
    }

    static func collapse(_ s: String) -> String {
        s.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" }).joined(separator: " ")
    }
}
