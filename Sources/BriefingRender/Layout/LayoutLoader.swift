import BriefingConfig
import Foundation
import Yams

/// Reads a layout YAML over the defaults of its kind. Walks Yams' node tree (not a decoder) so
/// that every error names the file, the key and the line.
public struct LayoutLoader {
    public let file: String

    public init(file: String) { self.file = file }

    /// Finds `name` (a layout name or a .yaml path) in `folder`; without a file of that name,
    /// the built-in defaults of `kind` when `name` is the kind's own name.
    public static func load(name: String?, kind: Layout.Kind, folder: URL?) throws -> Layout {
        let fm = FileManager.default
        let wanted = name ?? kind.rawValue
        var candidates: [URL] = []
        if wanted.hasSuffix(".yaml") || wanted.hasSuffix(".yml") || wanted.contains("/") {
            candidates.append(URL(fileURLWithPath: wanted))
        } else {
            candidates.append((folder ?? URL(fileURLWithPath: "layouts")).appendingPathComponent(wanted + ".yaml"))
        }
        if let url = candidates.first(where: { fm.fileExists(atPath: $0.path) }),
           let text = try YAMLNode.readFile(url.path, what: "layout") {
            var layout = try LayoutLoader(file: url.path).parse(text, kind: kind)
            layout.name = url.deletingPathExtension().lastPathComponent
            return layout
        }
        if name == nil { return Layout.defaults(for: kind) }
        throw LayoutError(file: candidates[0].path, line: nil, key: nil,
                          "no such layout; layouts are YAML files in the layouts folder (--layouts DIR)")
    }

    public func parse(_ text: String, kind expected: Layout.Kind) throws -> Layout {
        // The default resolver: numbers and booleans below are read through Yams' tags.
        guard let root = try YAMLNode.compose(text, file: file) else { return Layout.defaults(for: expected) }
        let map = try mapping(root, key: nil)
        var kind = expected
        if let k = map.first(where: { $0.0 == "kind" })?.1 {
            let s = try string(k, key: "kind")
            guard let parsed = Layout.Kind(rawValue: s) else {
                throw error(k, "kind", "expected one of \(Layout.Kind.allCases.map(\.rawValue).joined(separator: ", ")), got '\(s)'")
            }
            guard parsed == expected else {
                throw error(k, "kind", "this is a \(parsed.rawValue) layout; this command needs a \(expected.rawValue) layout")
            }
            kind = parsed
        }
        var layout = Layout.defaults(for: kind)
        for (key, value) in map {
            switch key {
            case "kind": break
            case "title": layout.title = try string(value, key: key)
            case "relationship": layout.relationship = try string(value, key: key)
            case "author": layout.author = try string(value, key: key)
            case "links": layout.links = try bool(value, key: key)
            case "page": layout.page = try page(value, over: layout.page)
            case "fonts": layout.fonts = try fonts(value, over: layout.fonts)
            case "colors", "colours": layout.colors = try colors(value, over: layout.colors)
            case "sections": layout.sections = try sections(value, kind: kind)
            case "limits": layout.limits = try limits(value, over: layout.limits)
            default:
                throw unknown(key, in: nil, node: keyNode(root, key),
                              known: ["kind", "title", "relationship", "author", "links", "page", "fonts", "colors",
                                      "sections", "limits"])
            }
        }
        let body = layout.page.width - layout.page.margins.left - layout.page.margins.right
        let tall = layout.page.height - layout.page.margins.top - layout.page.margins.bottom
        if body < 200 || tall < 250 {
            throw error(keyNode(root, "page") ?? root, "page",
                        "margins leave \(Int(body))×\(Int(tall)) pt for text; at least 200×250 pt is needed")
        }
        return layout
    }

    // MARK: sections of the file

    private func page(_ node: Node, over base: Layout.Page) throws -> Layout.Page {
        var p = base
        for (key, value) in try mapping(node, key: "page") {
            let path = "page.\(key)"
            switch key {
            case "size":
                switch try string(value, key: path).lowercased() {
                case "a4": (p.width, p.height) = Layout.Page.a4
                case "letter", "us-letter", "us letter": (p.width, p.height) = Layout.Page.letter
                case let other: throw error(value, path, "expected a4 or letter, got '\(other)'")
                }
            case "width": p.width = try number(value, key: path, in: 144...2000)
            case "height": p.height = try number(value, key: path, in: 144...3000)
            case "margins":
                if value.scalar != nil {
                    let m = try number(value, key: path, in: 0...200)
                    p.margins = .init(top: m, bottom: m, left: m, right: m)
                } else {
                    for (side, v) in try mapping(value, key: path) {
                        let sp = "\(path).\(side)"
                        let m = try number(v, key: sp, in: 0...200)
                        switch side {
                        case "top": p.margins.top = m
                        case "bottom": p.margins.bottom = m
                        case "left", "inner": p.margins.left = m
                        case "right", "outer": p.margins.right = m
                        default: throw unknown(side, in: path, node: keyNode(value, side), known: ["top", "bottom", "left", "right"])
                        }
                    }
                }
            default: throw unknown(key, in: "page", node: keyNode(node, key), known: ["size", "width", "height", "margins"])
            }
        }
        return p
    }

    private func fonts(_ node: Node, over base: Layout.Fonts) throws -> Layout.Fonts {
        var f = base
        for (key, value) in try mapping(node, key: "fonts") {
            let path = "fonts.\(key)"
            switch key {
            case "body": f.body = try string(value, key: path)
            case "heading": f.heading = try string(value, key: path)
            case "size": f.size = try number(value, key: path, in: 5...20)
            default: throw unknown(key, in: "fonts", node: keyNode(node, key), known: ["body", "heading", "size"])
            }
        }
        return f
    }

    private func colors(_ node: Node, over base: Layout.Colors) throws -> Layout.Colors {
        var c = base
        for (key, value) in try mapping(node, key: "colors") {
            let path = "colors.\(key)"
            switch key {
            case "ink": c.ink = try color(value, key: path)
            case "muted": c.muted = try color(value, key: path)
            case "accent": c.accent = try color(value, key: path)
            case "rule": c.rule = try color(value, key: path)
            case "stripe": c.stripe = try color(value, key: path)
            case "series":
                c.series = try colorList(value, key: path)
                if c.series.isEmpty { throw error(value, path, "needs at least one colour") }
            case "strength":
                c.strength = try colorList(value, key: path)
                if c.strength.count != 4 {
                    throw error(value, path, "needs exactly 4 colours (shared view, confirmed, agreed, signed), got \(c.strength.count)")
                }
            case "heat":
                let list = try colorList(value, key: path)
                guard list.count == 2 else { throw error(value, path, "needs 2 colours: [low, high]") }
                (c.heatLow, c.heatHigh) = (list[0], list[1])
            default:
                throw unknown(key, in: "colors", node: keyNode(node, key),
                              known: ["ink", "muted", "accent", "rule", "stripe", "series", "strength", "heat"])
            }
        }
        return c
    }

    private func sections(_ node: Node, kind: Layout.Kind) throws -> [Layout.Section] {
        guard let seq = node.sequence else { throw error(node, "sections", "expected a list of section names") }
        let allowed: [Layout.Section] = kind == .book
            ? [.cover, .contents, .summary, .topicOverview, .timeline, .topics, .meetings, .appendix]
            : [.headline, .chart, .topTopics, .commitments, .watch]
        var out: [Layout.Section] = []
        for item in seq {
            let s = try string(item, key: "sections")
            guard let section = Layout.Section(rawValue: s), allowed.contains(section) else {
                throw error(item, "sections", "unknown \(kind.rawValue) section '\(s)'; expected one of \(allowed.map(\.rawValue).joined(separator: ", "))")
            }
            if out.contains(section) { throw error(item, "sections", "'\(s)' is listed twice") }
            out.append(section)
        }
        return out
    }

    private func limits(_ node: Node, over base: Layout.Limits) throws -> Layout.Limits {
        var l = base
        let keys: [(String, WritableKeyPath<Layout.Limits, Int>)] = [
            ("summary_topics", \.summaryTopics), ("summary_threads", \.summaryThreads),
            ("timeline_threads", \.timelineThreads), ("timeline_lanes_per_page", \.timelineLanesPerPage),
            ("topic_commitments", \.topicCommitments), ("topic_threads", \.topicThreads),
            ("meeting_pages", \.meetingPages), ("heatmap_columns", \.heatmapColumns), ("warnings", \.warnings), ("sources", \.sources),
        ]
        for (key, value) in try mapping(node, key: "limits") {
            guard let kp = keys.first(where: { $0.0 == key })?.1 else {
                throw unknown(key, in: "limits", node: keyNode(node, key), known: keys.map(\.0))
            }
            l[keyPath: kp] = try integer(value, key: "limits.\(key)", in: 0...100_000)
        }
        if l.timelineLanesPerPage < 1 && base.timelineLanesPerPage >= 1 {
            throw error(keyNode(node, "timeline_lanes_per_page") ?? node, "limits.timeline_lanes_per_page", "must be at least 1")
        }
        return l
    }

    // MARK: typed access with errors that point at the line

    private func mapping(_ node: Node, key: String?) throws -> [(String, Node)] {
        guard let m = node.mapping else { throw error(node, key, "expected a mapping (key: value lines)") }
        var seen = Set<String>()
        var out: [(String, Node)] = []
        for (k, v) in m {
            guard let name = k.string else { throw error(k, key, "keys must be plain words") }
            guard seen.insert(name).inserted else { throw error(k, key.map { "\($0).\(name)" } ?? name, "key given twice") }
            out.append((name, v))
        }
        return out
    }

    private func keyNode(_ node: Node, _ key: String) -> Node? {
        node.mapping?.first(where: { $0.key.string == key })?.key
    }

    private func string(_ node: Node, key: String) throws -> String {
        guard let s = node.scalar?.string else { throw error(node, key, "expected text") }
        return s
    }

    private func number(_ node: Node, key: String, in range: ClosedRange<Double>) throws -> Double {
        guard let v = node.float ?? node.int.map(Double.init) else {
            throw error(node, key, "expected a number, got '\(node.scalar?.string ?? "a list or mapping")'")
        }
        guard range.contains(v) else { throw error(node, key, "\(v) is out of range \(range.lowerBound)–\(range.upperBound)") }
        return v
    }

    private func integer(_ node: Node, key: String, in range: ClosedRange<Int>) throws -> Int {
        guard let v = node.int else { throw error(node, key, "expected a whole number, got '\(node.scalar?.string ?? "a list or mapping")'") }
        guard range.contains(v) else { throw error(node, key, "\(v) is out of range \(range.lowerBound)–\(range.upperBound)") }
        return v
    }

    private func bool(_ node: Node, key: String) throws -> Bool {
        guard let v = node.bool else { throw error(node, key, "expected true or false") }
        return v
    }

    private func color(_ node: Node, key: String) throws -> Color {
        let s = try string(node, key: key)
        guard let c = Color(hex: s) else { throw error(node, key, "expected a colour as \"#rrggbb\" (quoted), got '\(s)'") }
        return c
    }

    private func colorList(_ node: Node, key: String) throws -> [Color] {
        guard let seq = node.sequence else { throw error(node, key, "expected a list of \"#rrggbb\" colours") }
        return try seq.map { try color($0, key: key) }
    }

    private func unknown(_ key: String, in parent: String?, node: Node?, known: [String]) -> LayoutError {
        LayoutError(file: file, line: node?.mark?.line, key: parent.map { "\($0).\(key)" } ?? key,
                    "unknown key; expected one of \(known.joined(separator: ", "))")
    }

    private func error(_ node: Node, _ key: String?, _ message: String) -> LayoutError {
        LayoutError(file: file, line: node.mark?.line, key: key, message)
    }
}
