import BriefingConfig
import Foundation

/// Reads a layout YAML over the defaults of its kind, through the configuration loader
/// (`YAMLNode`), so that every error names the file, the key and the line.
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
        guard let root = try YAMLNode.parse(text, file: file) else { return Layout.defaults(for: expected) }
        let map = try root.entries()
        var kind = expected
        if let k = root["kind"] {
            let s = try k.string()
            guard let parsed = Layout.Kind(rawValue: s) else {
                throw k.fail("expected one of \(Layout.Kind.allCases.map(\.rawValue).joined(separator: ", ")), got '\(s)'")
            }
            guard parsed == expected else {
                throw k.fail("this is a \(parsed.rawValue) layout; this command needs a \(expected.rawValue) layout")
            }
            kind = parsed
        }
        var layout = Layout.defaults(for: kind)
        for (key, value) in map {
            switch key {
            case "kind": break
            case "title": layout.title = try value.string()
            case "relationship": layout.relationship = try value.string()
            case "author": layout.author = try value.string()
            case "links": layout.links = try value.bool()
            case "page": layout.page = try page(value, over: layout.page)
            case "fonts": layout.fonts = try fonts(value, over: layout.fonts)
            case "colors", "colours": layout.colors = try colors(value, over: layout.colors)
            case "sections": layout.sections = try sections(value, kind: kind)
            case "limits": layout.limits = try limits(value, over: layout.limits)
            default:
                throw root.unknownKey(key, known: ["kind", "title", "relationship", "author", "links", "page", "fonts", "colors",
                                                   "sections", "limits"])
            }
        }
        let body = layout.page.width - layout.page.margins.left - layout.page.margins.right
        let tall = layout.page.height - layout.page.margins.top - layout.page.margins.bottom
        if body < 200 || tall < 250 {
            throw root.fail("margins leave \(Int(body))×\(Int(tall)) pt for text; at least 200×250 pt is needed",
                            key: "page", line: root.keyLines()["page"])
        }
        return layout
    }

    // MARK: sections of the file

    private func page(_ node: YAMLNode, over base: Layout.Page) throws -> Layout.Page {
        var p = base
        for (key, value) in try node.entries() {
            switch key {
            case "size":
                switch try value.string().lowercased() {
                case "a4": (p.width, p.height) = Layout.Page.a4
                case "letter", "us-letter", "us letter": (p.width, p.height) = Layout.Page.letter
                case let other: throw value.fail("expected a4 or letter, got '\(other)'")
                }
            case "width": p.width = try value.number(in: 144...2000)
            case "height": p.height = try value.number(in: 144...3000)
            case "margins":
                if value.node.scalar != nil {
                    let m = try value.number(in: 0...200)
                    p.margins = .init(top: m, bottom: m, left: m, right: m)
                } else {
                    for (side, v) in try value.entries() {
                        let m = try v.number(in: 0...200)
                        switch side {
                        case "top": p.margins.top = m
                        case "bottom": p.margins.bottom = m
                        case "left", "inner": p.margins.left = m
                        case "right", "outer": p.margins.right = m
                        default: throw value.unknownKey(side, known: ["top", "bottom", "left", "right"])
                        }
                    }
                }
            default: throw node.unknownKey(key, known: ["size", "width", "height", "margins"])
            }
        }
        return p
    }

    private func fonts(_ node: YAMLNode, over base: Layout.Fonts) throws -> Layout.Fonts {
        var f = base
        for (key, value) in try node.entries() {
            switch key {
            case "body": f.body = try value.string()
            case "heading": f.heading = try value.string()
            case "size": f.size = try value.number(in: 5...20)
            default: throw node.unknownKey(key, known: ["body", "heading", "size"])
            }
        }
        return f
    }

    private func colors(_ node: YAMLNode, over base: Layout.Colors) throws -> Layout.Colors {
        var c = base
        for (key, value) in try node.entries() {
            switch key {
            case "ink": c.ink = try color(value)
            case "muted": c.muted = try color(value)
            case "accent": c.accent = try color(value)
            case "rule": c.rule = try color(value)
            case "stripe": c.stripe = try color(value)
            case "series":
                c.series = try colorList(value)
                if c.series.isEmpty { throw value.fail("needs at least one colour") }
            case "strength":
                c.strength = try colorList(value)
                if c.strength.count != 4 {
                    throw value.fail("needs exactly 4 colours (shared view, confirmed, agreed, signed), got \(c.strength.count)")
                }
            case "heat":
                let list = try colorList(value)
                guard list.count == 2 else { throw value.fail("needs 2 colours: [low, high]") }
                (c.heatLow, c.heatHigh) = (list[0], list[1])
            default:
                throw node.unknownKey(key, known: ["ink", "muted", "accent", "rule", "stripe", "series", "strength", "heat"])
            }
        }
        return c
    }

    private func sections(_ node: YAMLNode, kind: Layout.Kind) throws -> [Layout.Section] {
        guard node.node.sequence != nil else { throw node.fail("expected a list of section names") }
        let allowed: [Layout.Section] = kind == .book
            ? [.cover, .contents, .since, .summary, .topicOverview, .timeline, .topics, .meetings, .appendix, .sources]
            : [.headline, .since, .chart, .topTopics, .commitments, .watch]
        var out: [Layout.Section] = []
        for item in try node.items() {
            // Items are named by the list's key, at their own line.
            let s = try item.string()
            guard let section = Layout.Section(rawValue: s), allowed.contains(section) else {
                throw item.fail("unknown \(kind.rawValue) section '\(s)'; expected one of \(allowed.map(\.rawValue).joined(separator: ", "))",
                                key: node.path)
            }
            if out.contains(section) { throw item.fail("'\(s)' is listed twice", key: node.path) }
            out.append(section)
        }
        return out
    }

    private func limits(_ node: YAMLNode, over base: Layout.Limits) throws -> Layout.Limits {
        var l = base
        let keys: [(String, WritableKeyPath<Layout.Limits, Int>)] = [
            ("summary_topics", \.summaryTopics), ("summary_threads", \.summaryThreads),
            ("timeline_threads", \.timelineThreads), ("timeline_lanes_per_page", \.timelineLanesPerPage),
            ("topic_commitments", \.topicCommitments), ("topic_threads", \.topicThreads),
            ("meeting_pages", \.meetingPages), ("heatmap_columns", \.heatmapColumns), ("warnings", \.warnings), ("sources", \.sources),
            ("source_readouts", \.sourceReadouts), ("since_lines", \.sinceLines),
        ]
        for (key, value) in try node.entries() {
            guard let kp = keys.first(where: { $0.0 == key })?.1 else { throw node.unknownKey(key, known: keys.map(\.0)) }
            l[keyPath: kp] = try value.integer(in: 0...100_000)
        }
        if l.timelineLanesPerPage < 1 && base.timelineLanesPerPage >= 1 {
            throw node.fail("must be at least 1", key: "\(node.path).timeline_lanes_per_page",
                            line: node.keyLines()["timeline_lanes_per_page"])
        }
        return l
    }

    // MARK: values

    private func color(_ node: YAMLNode, key: String? = nil) throws -> Color {
        let s = try node.string()
        guard let c = Color(hex: s) else { throw node.fail("expected a colour as \"#rrggbb\" (quoted), got '\(s)'", key: key) }
        return c
    }

    private func colorList(_ node: YAMLNode) throws -> [Color] {
        guard node.node.sequence != nil else { throw node.fail("expected a list of \"#rrggbb\" colours") }
        return try node.items().map { try color($0, key: node.path) }
    }
}
