import BriefingModel
import Foundation
import Yams

/// Loads `layouts/schedules.yaml`. Every problem is a `Diagnostic` naming the file, the key
/// (`schedules.weekly.time_zone`) and the line; a schedule with an error is left out, and the
/// command line refuses to run while any error remains.
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
        let bytes: [UInt8]
        do { bytes = try RegularFile.read(url.path, limit: 1 << 20) } catch {
            let why = if case .tooLarge = error { "is over 1 MB" } else { error.message }
            return ([], [Diagnostic(.error, file: url.path, "cannot read the schedules file: it \(why)")])
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            return ([], [Diagnostic(.error, file: url.path, "the schedules file is not UTF-8 text; save it as UTF-8")])
        }
        return parse(text, file: url.path)
    }

    static let knownKeys: Set<String> = ["cadence", "first_weekday", "every", "time_zone", "start", "layouts", "output"]

    public static func parse(_ text: String, file: String) -> (schedules: [ScheduleDefinition], diagnostics: [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        func report(_ node: Node?, _ key: String, _ message: String, _ severity: Diagnostic.Severity = .error) {
            diagnostics.append(Diagnostic(severity, file: file, line: node?.mark?.line, "\(key): \(message)"))
        }
        let root: Node?
        do { root = try Yams.compose(yaml: text) } catch let error as YamlError {
            // The problem and its line, not Yams' description, which quotes the text over several lines.
            switch error {
            case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
                 let .composer(context, problem, mark, _):
                let what = [context?.text, problem].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ": ")
                return ([], [Diagnostic(.error, file: file, line: mark.line, "not valid YAML: \(what)")])
            default:
                return ([], [Diagnostic(.error, file: file, "not valid YAML")])
            }
        } catch {
            return ([], [Diagnostic(.error, file: file, "not valid YAML")])
        }
        guard let root, let top = root.mapping, let list = top["schedules"] else {
            return ([], [Diagnostic(.error, file: file, line: root?.mark?.line, "schedules: missing; expected `schedules:` with one entry per schedule")])
        }
        guard let entries = list.mapping else {
            report(list, "schedules", "expected a mapping of schedule names to their definitions")
            return ([], diagnostics)
        }
        var out: [ScheduleDefinition] = []
        for (nameNode, body) in entries {
            let name = nameNode.scalar?.string ?? ""
            let path = "schedules.\(name)"
            guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }) else {
                report(nameNode, path, "a schedule name is letters, digits, '-' and '_' (it names folders)")
                continue
            }
            guard let fields = body.mapping else {
                report(body, path, "expected a mapping with cadence, time_zone, start, layouts and output")
                continue
            }
            let before = diagnostics.filter { $0.severity == .error }.count
            for (k, v) in fields where !knownKeys.contains(k.scalar?.string ?? "") {
                report(k, "\(path).\(k.scalar?.string ?? "?")", "unknown key (known: \(knownKeys.sorted().joined(separator: ", ")))", .warning)
                _ = v
            }
            func scalar(_ key: String) -> (String, Node)? {
                guard let n = fields[key] else { return nil }
                guard let s = n.scalar?.string else {
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
                if cadence != nil, cadence?.name != "weekly", let n = fields["first_weekday"] {
                    report(n, "\(path).first_weekday", "only weekly schedules have a first weekday", .warning)
                }
            } else if fields["cadence"] == nil {
                report(body, "\(path).cadence", "missing; expected weekly, monthly or quarterly")
            }
            var zone = "UTC"
            if let (s, n) = scalar("time_zone") {
                if TimeZone(identifier: s) != nil { zone = s } else {
                    report(n, "\(path).time_zone", "unknown time zone '\(s)' (use an IANA name such as Asia/Tokyo or UTC)")
                }
            } else if fields["time_zone"] == nil {
                report(body, "\(path).time_zone", "missing; defaulting to UTC", .warning)
            }
            var start: CalendarDay?
            if let (s, n) = scalar("start") {
                start = CalendarDay(iso: s)
                if start == nil || s.count != 10 { start = nil; report(n, "\(path).start", "expected a date YYYY-MM-DD, got '\(s)'") }
            } else if fields["start"] == nil {
                report(body, "\(path).start", "missing; expected the first day to report on (YYYY-MM-DD)")
            }
            var layouts: [ReportKind] = []
            if let n = fields["layouts"] {
                let items = n.sequence.map { Array($0) } ?? (n.scalar != nil ? [n] : [])
                for item in items {
                    if let s = item.scalar?.string, let k = ReportKind(rawValue: s) {
                        if !layouts.contains(k) { layouts.append(k) }
                    } else {
                        report(item, "\(path).layouts", "unknown layout '\(item.scalar?.string ?? "?")' (known: \(ReportKind.allCases.map(\.rawValue).joined(separator: ", ")))")
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
