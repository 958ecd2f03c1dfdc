import BriefingConfig
import BriefingModel
import Foundation

/// Loads `layouts/schedules.yaml` through the configuration loader (`YAMLNode`). Every problem
/// is a `Diagnostic` naming the file, the key (`schedules.weekly.time_zone`) and the line; a
/// schedule with an error is left out, and the command line refuses to run while any error
/// remains.
///
/// ```yaml
/// schedules:
///   weekly:
///     cadence: weekly          # weekly | monthly | quarterly
///     first_weekday: monday    # weekly only; default monday (ISO weeks)
///     every: 1                 # optional: every N weeks / months / quarters
///     time_zone: Asia/Tokyo
///     start: 2026-01-05
///     layouts: [book, brief]   # book, brief, charts, analysis
///     output: "{schedule}/{key}/{layout}"
/// ```
public enum ScheduleFile {
    public static let fileName = "schedules.yaml"

    public static func load(layoutsFolder: URL) -> (schedules: [ScheduleDefinition], diagnostics: [Diagnostic]) {
        let url = layoutsFolder.appendingPathComponent(fileName)
        // A regular file only (a FIFO would hang the run), of a size a schedules file can have.
        let text: String?
        do { text = try YAMLNode.readFile(url.path, what: "schedules file", limit: 1 << 20) } catch {
            return ([], [error.diagnostic])
        }
        guard let text else { return ([], [Diagnostic(.error, file: url.path, "the schedules file does not exist")]) }
        return parse(text, file: url.path)
    }

    static let knownKeys: Set<String> = ["cadence", "first_weekday", "every", "time_zone", "start", "layouts", "output"]

    public static func parse(_ text: String, file: String) -> (schedules: [ScheduleDefinition], diagnostics: [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        func report(_ node: YAMLNode, _ key: String, _ message: String, _ severity: Diagnostic.Severity = .error) {
            diagnostics.append(node.finding(severity, message, key: key))
        }
        let root: YAMLNode?
        do { root = try YAMLNode.parse(text, file: file) } catch { return ([], [error.diagnostic]) }
        guard let root, root.isMapping, let list = root["schedules"] else {
            return ([], [Diagnostic(.error, file: file, line: root?.line,
                                    "schedules: missing; expected `schedules:` with one entry per schedule")])
        }
        let entries: [(key: String, value: YAMLNode)]
        do { entries = try list.entries() } catch {
            if list.isMapping { return ([], [error.diagnostic]) } // a name given twice
            report(list, "schedules", "expected a mapping of schedule names to their definitions")
            return ([], diagnostics)
        }
        var out: [ScheduleDefinition] = []
        let nameLines = list.keyLines()
        for (name, body) in entries {
            let path = "schedules.\(name)"
            guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0 == "-" || $0 == "_" || $0.isNumber }) else {
                diagnostics.append(Diagnostic(.error, file: file, line: nameLines[name],
                                              "\(path): a schedule name is letters, digits, '-' and '_' (it names folders)"))
                continue
            }
            let fields: [(key: String, value: YAMLNode)]
            do { fields = try body.entries() } catch {
                if body.isMapping { diagnostics.append(error.diagnostic) } else {
                    report(body, path, "expected a mapping with cadence, time_zone, start, layouts and output")
                }
                continue
            }
            let keyLines = body.keyLines()
            let before = diagnostics.filter { $0.severity == .error }.count
            for (k, _) in fields where !knownKeys.contains(k) {
                diagnostics.append(Diagnostic(.warning, file: file, line: keyLines[k],
                                              "\(path).\(k): unknown key (known: \(knownKeys.sorted().joined(separator: ", ")))"))
            }
            func scalar(_ key: String) -> (String, YAMLNode)? {
                guard let n = body[key] else { return nil }
                guard let s = try? n.string() else {
                    report(n, "\(path).\(key)", "expected a single value")
                    return nil
                }
                return (s, n)
            }
            var every = 1
            if let (s, n) = scalar("every") {
                if let v = Int(s), (1...ScheduleDefinition.maxEvery).contains(v) { every = v } else {
                    report(n, "\(path).every", "expected a whole number from 1 to \(ScheduleDefinition.maxEvery), got '\(s)'")
                }
            }
            var firstWeekday = Weekday.monday
            if let (s, n) = scalar("first_weekday") {
                if let d = Weekday(name: s) { firstWeekday = d } else {
                    report(n, "\(path).first_weekday", "expected a day name (monday ... sunday), got '\(s)'")
                }
            }
            var cadence: Cadence?
            if let (s, n) = scalar("cadence") {
                switch s.lowercased() {
                case "weekly": cadence = .weekly(firstWeekday: firstWeekday)
                case "monthly": cadence = .monthly
                case "quarterly": cadence = .quarterly
                default: report(n, "\(path).cadence", "expected weekly, monthly or quarterly, got '\(s)'")
                }
                if cadence != nil, cadence?.name != "weekly", let n = body["first_weekday"] {
                    report(n, "\(path).first_weekday", "only weekly schedules have a first weekday", .warning)
                }
            } else if body["cadence"] == nil {
                report(body, "\(path).cadence", "missing; expected weekly, monthly or quarterly")
            }
            var zone = "UTC"
            if let (s, n) = scalar("time_zone") {
                if TimeZone(identifier: s) != nil { zone = s } else {
                    report(n, "\(path).time_zone", "unknown time zone '\(s)' (use an IANA name such as Asia/Tokyo or UTC)")
                }
            } else if body["time_zone"] == nil {
                report(body, "\(path).time_zone", "missing; defaulting to UTC", .warning)
            }
            var start: CalendarDay?
            if let (s, n) = scalar("start") {
                start = CalendarDay(iso: s)
                if start == nil || s.count != 10 { start = nil; report(n, "\(path).start", "expected a date YYYY-MM-DD, got '\(s)'") }
            } else if body["start"] == nil {
                report(body, "\(path).start", "missing; expected the first day to report on (YYYY-MM-DD)")
            }
            var layouts: [ReportKind] = []
            if let n = body["layouts"] {
                let items = (try? n.items()) ?? (n.node.scalar != nil ? [n] : [])
                for item in items {
                    if let s = try? item.string(), let k = ReportKind(rawValue: s) {
                        if !layouts.contains(k) { layouts.append(k) }
                    } else {
                        report(item, "\(path).layouts", "unknown layout '\((try? item.string()) ?? "?")' (known: \(ReportKind.allCases.map(\.rawValue).joined(separator: ", ")))")
                    }
                }
                if items.isEmpty { report(n, "\(path).layouts", "expected a list of layouts") }
            } else {
                report(body, "\(path).layouts", "missing; expected a list such as [book, brief]")
            }
            var output = ScheduleDefinition.defaultOutput
            if let (s, n) = scalar("output") {
                output = s
                if s.hasPrefix("/") || s.split(separator: "/").contains("..") {
                    report(n, "\(path).output", "must be a path inside the output folder (no leading '/' or '..')")
                }
                if !s.contains("{key}") && !s.contains("{start}") && !s.contains("{end}") {
                    report(n, "\(path).output", "must contain {key} or {start} so each period gets its own files")
                }
                if layouts.count > 1 && !s.contains("{layout}") {
                    report(n, "\(path).output", "has no {layout}; the layouts are written as subfolders' files", .warning)
                }
                var rest = s
                for p in OutputPattern.placeholders { rest = rest.replacingOccurrences(of: p, with: "") }
                if rest.contains("{") { report(n, "\(path).output", "unknown placeholder (known: \(OutputPattern.placeholders.joined(separator: " ")))") }
            }
            if diagnostics.filter({ $0.severity == .error }).count == before, let cadence, let start {
                out.append(ScheduleDefinition(name: name, cadence: cadence, every: every, timeZone: zone,
                                              start: start, layouts: layouts, output: output))
            }
        }
        if entries.isEmpty { report(list, "schedules", "no schedule defined", .warning) }
        return (out, diagnostics)
    }
}
