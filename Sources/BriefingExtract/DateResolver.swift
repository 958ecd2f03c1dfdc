import BriefingConfig
import BriefingIngest
import BriefingModel
import Foundation

/// Decides a meeting's date: from the text when it has a year; else front matter, the
/// manifest, the page's metadata; else the year in which the participants all held office.
/// Never silently wrong: every guess is flagged and explained.
struct DateResolver {
    struct Result {
        var date: CalendarDay?
        var inferred: Bool
        var source: Meeting.DateSource
        var diagnostics: [Diagnostic]
    }

    /// The most days a readout's dateline may follow the meeting it reports.
    static let maxPublicationDelay = 14

    /// Whether `day` can be the meeting of a page dated `published`: on it or shortly before.
    static func shortlyBefore(_ day: CalendarDay, _ published: CalendarDay) -> Bool {
        day <= published && published.dayNumber - day.dayNumber <= maxPublicationDelay
    }

    /// The date the text gives for the meeting: datelines and titles first, then the opening.
    /// Takes tokens: the extractor has already tokenized the titles and opening sentences.
    static func writtenDate(titles: [[Token]], datelines: [[Token]], opening: [[Token]]) -> WrittenDate? {
        let full = (datelines + titles).lazy.flatMap { DateFinder.dates(in: $0) }.first { $0.year != nil }
        let open = opening.lazy.flatMap { DateFinder.dates(in: $0) }.first
        switch (full, open) {
        case let (f?, o?) where o.year == nil:
            // "On March 9" under "March 9, 2018": the opening's day, the dateline's year (a page
            // dated early January about a late-December meeting belongs to the year before).
            // Only a day shortly before the dateline's is the meeting's: a readout is published
            // on the day or soon after, and an earlier day named in the opening ("the spirit of
            // the leaders' summit on October 28") is an event the meeting looked back on.
            guard let published = f.day_ else { return f }
            for year in [f.year!, f.year! - 1] {
                if let d = CalendarDay(year: year, month: o.month, day: o.day), shortlyBefore(d, published) {
                    return WrittenDate(year: year, month: o.month, day: o.day)
                }
            }
            return f
        case let (f?, o?) where o.day_ != nil:
            // "April 28, 2015" over "In the morning of April 27, 2015 EST": the opening's full
            // date when it is shortly before the page's.
            if let published = f.day_, let d = o.day_, shortlyBefore(d, published) { return o }
            return f
        case let (f?, nil):
            // "Feb. 8, 2025, 10:15 a.m." over "after their summit in Washington on Friday": the
            // last such weekday on or before the page's date.
            if let published = f.day_, let w = opening.lazy.compactMap({ DateFinder.weekday(in: $0) }).first {
                let d = published.adding(days: -((published.weekday - w + 7) % 7))
                return WrittenDate(year: d.year, month: d.month, day: d.day)
            }
            // "The two leaders spoke by phone yesterday" on the page's date.
            if let published = f.day_, let back = opening.lazy.compactMap({ DateFinder.daysBack(in: $0) }).first {
                let d = published.adding(days: -back)
                return WrittenDate(year: d.year, month: d.month, day: d.day)
            }
            return f
        case let (f?, _):
            return f
        case let (nil, o?) where o.day_ != nil:
            // A news lead's dateline in the opening sentence ("WASHINGTON, March 4, 2021 -- ... met
            // on Tuesday"): the last such weekday on or before it.
            if let published = o.day_, let w = opening.lazy.compactMap({ DateFinder.weekday(in: $0) }).first, w != published.weekday {
                let d = published.adding(days: -((published.weekday - w + 7) % 7))
                return WrittenDate(year: d.year, month: d.month, day: d.day)
            }
            return o
        case let (nil, o?):
            // "On 17 October" on a page dated "October 2003": the page's year, or the year
            // before for a December meeting on a January page.
            if o.year == nil, let my = (datelines + titles).lazy.compactMap({ DateFinder.monthYear(in: $0) }).first {
                if o.month <= my.month { return WrittenDate(year: my.year, month: o.month, day: o.day) }
                if o.month == 12, my.month == 1 { return WrittenDate(year: my.year - 1, month: o.month, day: o.day) }
            }
            return o
        default:
            return (datelines + titles).lazy.flatMap { DateFinder.dates(in: $0) }.first
        }
    }

    static func resolve(written: WrittenDate?, readout: ReadoutText, manifest: Manifest.Entry?, manifestFile: String?,
                        participants: [(PeopleRegistry.Person, String?)], names: NameVocabulary, asOf: CalendarDay,
                        firstTermCue: Bool, openingLine: Int) -> Result {
        let path = readout.path
        var diags: [Diagnostic] = []
        if let w = written, let d = w.day_ {
            if let m = manifest?.date, m != d {
                diags.append(Diagnostic(.warning, file: manifestFile ?? "manifest.yaml", line: manifest?.line,
                                        "\(readout.file): the manifest says \(m) but the readout's text says \(d); the text wins (fix or remove the manifest entry)"))
            }
            return Result(date: d, inferred: false, source: .text, diagnostics: diags)
        }
        if let fm = readout.frontMatter, let s = fm.fields["date"] {
            if let d = CalendarDay(iso: s) { return Result(date: d, inferred: false, source: .frontMatter, diagnostics: diags) }
            diags.append(Diagnostic(.warning, file: path, line: fm.lines["date"],
                                    "front matter date \"\(s)\" is not YYYY-MM-DD; ignored"))
        }
        if let d = manifest?.date { return Result(date: d, inferred: false, source: .manifest, diagnostics: diags) }
        for raw in readout.metadataDates {
            guard let d = DateFinder.metadataDate(raw) else { continue }
            // Page metadata dates the publication; accept it when the text's month and day agree
            // or the text has none.
            if let w = written, w.month != d.month || abs(w.day - d.day) > 1 { continue }
            let day = written.flatMap { CalendarDay(year: d.year, month: $0.month, day: $0.day) } ?? d
            return Result(date: day, inferred: false, source: .pageMetadata, diagnostics: diags)
        }
        guard let w = written else {
            diags.append(Diagnostic(.error, file: path, line: openingLine,
                                    "no date found (no \"Month Day, Year\" line, front matter or manifest entry); add \"\(readout.file): {date: YYYY-MM-DD}\" to manifest.yaml in the input folder"))
            return Result(date: nil, inferred: false, source: .none, diagnostics: diags)
        }
        // Month and day only: which years had all these people in office on that day?
        let known = participants.filter { !$0.0.offices.isEmpty }
        // An office matching the title the text gives ("Prime Minister Aso", not Deputy PM Aso),
        // decided once a participant, not once a candidate year.
        let offices: [[PeopleRegistry.Office]] = known.map { p in
            guard let title = p.1 else { return p.0.offices }
            let matching = p.0.offices.filter { names.matches(title: title, role: $0.role) }
            return matching.isEmpty ? p.0.offices : matching
        }
        func holds(_ k: Int, _ d: CalendarDay) -> Bool { offices[k].contains { $0.holds(on: d) } }
        guard !known.isEmpty else {
            diags.append(Diagnostic(.error, file: path, line: openingLine,
                                    "the date has no year and no participant is in people.yaml to infer it; add the date to manifest.yaml"))
            return Result(date: nil, inferred: false, source: .none, diagnostics: diags)
        }
        var candidates: [CalendarDay] = []
        let firstYear = known.flatMap(\.0.offices).map(\.from.year).min() ?? asOf.year
        for y in firstYear...asOf.year {
            guard let d = CalendarDay(year: y, month: w.month, day: w.day), d <= asOf else { continue }
            // "Saturday, June 14": only the years in which June 14 was a Saturday.
            if let wd = w.weekday, d.weekday != wd { continue }
            if known.indices.allSatisfy({ holds($0, d) }) { candidates.append(d) }
        }
        let nameList = known.map { p in p.1.map { "\($0) \(p.0.surname)" } ?? p.0.name }
        let names = nameList.count <= 2 ? nameList.joined(separator: " and ")
            : nameList.dropLast().joined(separator: ", ") + " and " + nameList.last!
        let together = known.count == 1 ? "" : known.count == 2 ? " both" : " all"
        let were = known.count == 1 ? "was" : "were\(together)"
        let how = "add \"\(readout.file): {date: YYYY-MM-DD}\" to manifest.yaml in the input folder to settle it"
        let onDay = w.weekday.map { "\(DateFinder.weekdays[$0].capitalized), " } ?? ""
        switch candidates.count {
        case 0:
            diags.append(Diagnostic(.error, file: path, line: openingLine,
                                    "the date has no year, and no year had \(names)\(together) in office on \(onDay)\(monthDay(w)); \(how)"))
            return Result(date: nil, inferred: false, source: .none, diagnostics: diags)
        case 1:
            diags.append(Diagnostic(.warning, file: path, line: openingLine,
                                    "the text gives no year; \(candidates[0].year) inferred as the only year \(names) \(were) in office on \(onDay)\(monthDay(w))"))
            return Result(date: candidates[0], inferred: true, source: .termsOfOffice, diagnostics: diags)
        default:
            // The readout congratulates on an appointment or speaks of taking office: the first
            // year of the term. Otherwise the latest year, said loudly.
            let pick = firstTermCue ? candidates.first! : candidates.last!
            let why = firstTermCue ? "the text speaks of a new appointment, so the first of them" : "the latest of them"
            diags.append(Diagnostic(.warning, file: path, line: openingLine,
                                    "the text gives no year and \(names) \(were) in office on \(onDay)\(monthDay(w)) in \(candidates.map { String($0.year) }.joined(separator: ", ")); \(pick.year) taken (\(why)); \(how)"))
            return Result(date: pick, inferred: true, source: .termsOfOffice, diagnostics: diags)
        }
    }

    static func monthDay(_ w: WrittenDate) -> String {
        let names = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                     "October", "November", "December"]
        return "\(names[w.month - 1]) \(w.day)"
    }
}
