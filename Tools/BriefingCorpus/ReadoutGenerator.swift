import BriefingModel

/// Readouts made from templates, with their truth: the structure and noise of foreign-ministry
/// overview pages (title and date lines, photo captions, numbered or headed sections, "Back
/// to ..." footers, dates without a year or with ordinals) as plain text, Markdown with front
/// matter, or a saved HTML page. The same options give the same readouts, byte for byte.
///
/// Synthetic truth checks that extraction holds at scale; it does not measure accuracy on
/// real text.
public struct ReadoutGenerator: Sequence, IteratorProtocol {
    public enum Format: String, Sendable, CaseIterable {
        case txt, md, html
    }

    public struct Options: Sendable {
        public var count: Int
        public var seed: UInt64
        /// Meetings fall on days in `since..<until`.
        public var since: CalendarDay
        public var until: CalendarDay
        public var formats: [Format]
        /// File names are the prefix, the readout's number in six digits and the format's extension.
        public var prefix: String

        public init(count: Int, seed: UInt64, since: CalendarDay = CalendarDay(year: 2001, month: 5, day: 1)!,
                    until: CalendarDay = CalendarDay(year: 2026, month: 10, day: 31)!, formats: [Format] = Format.allCases,
                    prefix: String = "r") {
            self.count = count
            self.seed = seed
            self.since = since
            self.until = until
            self.formats = formats
            self.prefix = prefix
        }
    }

    /// One readout: its file name and text, its truth, and the date a user would write in the
    /// folder's manifest.yaml when the text cannot decide its year (no year, and the leaders'
    /// terms allow several).
    public struct Readout: Sendable {
        public var name: String
        public var text: String
        public var truth: ReadoutTruth
        public var manifestDate: CalendarDay?
    }

    public let options: Options
    private var random: SeededRandom
    private var index = 0

    public init(_ options: Options) {
        precondition(!options.formats.isEmpty && options.until > options.since)
        self.options = options
        random = SeededRandom(seed: options.seed)
    }

    public mutating func next() -> Readout? {
        guard index < options.count else { return nil }
        defer { index += 1 }
        var (text, truth) = compose()
        let format = random.pick(options.formats)
        let name = "\(options.prefix)\(zeroPadded(index, 6)).\(format.rawValue)"
        truth.file = name
        let ambiguous = !truth.yearInText && yearCandidates(truth.date, truth.participants[0].name, truth.participants[1].name).count > 1
        var manifestDate: CalendarDay?
        switch format {
        case .md:
            text = "---\ndate: \(truth.date)\n---\n" + text
        case .txt, .html:
            if ambiguous { manifestDate = truth.date }
            if format == .html {
                let body = text.split(separator: "\n").filter { !$0.allSatisfy(\.isWhitespace) }
                    .map { "<p>\(escaped($0))</p>\n" }.joined()
                text = "<!DOCTYPE html><html><head><title>Readout</title><script>var x=1;</script></head><body>\n\(body)</body></html>\n"
            }
        }
        return Readout(name: name, text: text, truth: truth, manifestDate: manifestDate)
    }

    typealias V = ReadoutVocabulary

    private mutating func compose() -> (String, ReadoutTruth) {
        let span = options.until.dayNumber - options.since.dayNumber
        let d = options.since.adding(days: random.below(span))
        let era = Self.era(d)
        let (jp, us) = (era.japan, era.us)
        let (jl, ul) = (surname(jp), surname(us))
        let (hon, pos) = V.women.contains(jp) ? ("Ms.", "her") : ("Mr.", "his")
        let kind = random.pick(V.kinds)
        let minutes = random.pick(V.durations)
        let remote = kind.contains("elephone") || kind == "video conference"
        let place = remote ? nil : random.pick(V.places)
        let topics = random.sample(V.topics, random.int(in: 2...7))
        var (dateText, yearInText) = dateText(d)
        var lines: [String] = []
        var commitments: [ReadoutTruth.Commitment] = []
        if random.unit() < 0.2 { lines.append(random.pick(V.noise)) }
        let dateLine = yearInText ? dateText : random.unit() < 0.5 ? "\(V.months[d.month - 1]) \(d.day), \(d.year)" : nil
        yearInText = yearInText || dateLine != nil
        lines += ["Japan-United States of America Relations", "Japan-U.S. \(titleCased(kind))"]
        if let dateLine { lines.append(dateLine) }
        if random.unit() < 0.3 { lines.append("(Photo: Cabinet Public Relations Office)") }
        let visiting = place.map { ", who was visiting \($0)," } ?? ""
        let day = dateText.split(separator: ",")[0]
        let hour = random.int(in: 1...11), minute = random.pick(["00", "15", "30", "45"]), half = random.pick(["a.m.", "p.m."])
        lines.append("On \(day), commencing at around \(hour):\(minute) \(half) for approximately \(minutes) minutes, "
                     + "\(hon) \(jp), Prime Minister of Japan\(visiting) held a \(kind.lowercased()) with the Honorable \(us), "
                     + "President of the United States of America. The overview is as follows.")
        let headed = random.unit() < 0.4
        func fill(_ template: String, _ phrase: String) -> String {
            template.replacing("{t}", with: phrase).replacing("{jl}", with: jl).replacing("{ul}", with: ul).replacing("{pos}", with: pos)
        }
        for (n, topic) in zip(1..., topics) {
            let phrase = random.pick(topic.phrases)
            var body: [String] = []
            for _ in 0..<random.int(in: 1...4) {
                let text: String
                if random.unit() < 0.55 {
                    let c = random.pick(V.commitments)
                    text = fill(c.text, phrase)
                    if body.contains(text) { continue }
                    commitments.append(.init(text: text, actor: c.actor, strength: c.strength, topics: [topic.id]))
                } else {
                    text = fill(random.pick(V.others), phrase)
                    if body.contains(text) { continue }
                }
                body.append(text)
            }
            if headed {
                lines.append("(\(n)) \(titleCased(topic.id.replacing("-", with: " ")))")
                lines.append(body.joined(separator: " "))
            } else {
                lines.append("  \(n). " + body.joined(separator: " "))
            }
        }
        lines.append("Back to Japan-United States of America Relations")
        let kinds = [kind.lowercased() == "summit telephone talk" ? "telephone talk" : kind.lowercased()]
        let truth = ReadoutTruth(
            file: "", date: d, yearInText: yearInText, kinds: kinds,
            participants: [.init(name: jp, role: "Prime Minister", country: "Japan"),
                           .init(name: us, role: "President", country: "United States")],
            place: place, durationMinutes: minutes, topics: topics.map(\.id).sorted(), commitments: commitments)
        return (lines.joined(separator: "\n") + "\n", truth)
    }

    /// "March 9, 2017" (with the year, six times in ten), "March 9", "March 9th" or "Mar. 9".
    private mutating func dateText(_ d: CalendarDay) -> (String, Bool) {
        let month = V.months[d.month - 1]
        let style = random.unit()
        if style < 0.6 { return ("\(month) \(d.day), \(d.year)", true) }
        if style < 0.8 { return ("\(month) \(d.day)", false) }
        if style < 0.9 {
            let suffix = (10...20).contains(d.day % 100) ? "th" : [1: "st", 2: "nd", 3: "rd"][d.day % 10] ?? "th"
            return ("\(month) \(d.day)\(suffix)", false)
        }
        return ("\(month.prefix(3)). \(d.day)", false)
    }

    static func era(_ d: CalendarDay) -> V.Era {
        let key = d.year * 10_000 + d.month * 100 + d.day
        return V.eras.last { $0.first <= key } ?? V.eras[0]
    }

    /// Years in which the same two leaders held office on `d`'s month and day, up to the last
    /// year of the corpus. The last era is open-ended, so a year-less day in it always has two.
    private func yearCandidates(_ d: CalendarDay, _ japan: String, _ us: String) -> [Int] {
        if Self.era(d).first == V.eras.last!.first { return [d.year, d.year + 1] }
        return (V.eras[0].first / 10_000...options.until.year).filter { y in
            guard let day = CalendarDay(year: y, month: d.month, day: d.day) else { return false }
            let e = Self.era(day)
            return e.japan == japan && e.us == us
        }
    }

    private func surname(_ name: String) -> String { String(name.split(separator: " ").last!) }

    private func titleCased(_ s: String) -> String {
        s.split(separator: " ", omittingEmptySubsequences: false)
            .map { $0.prefix(1).uppercased() + $0.dropFirst().lowercased() }.joined(separator: " ")
    }

    private func escaped(_ s: Substring) -> String {
        String(s).replacing("&", with: "&amp;").replacing("<", with: "&lt;").replacing(">", with: "&gt;")
    }
}

func zeroPadded(_ n: Int, _ width: Int) -> String {
    let s = String(n)
    return String(repeating: "0", count: max(0, width - s.count)) + s
}
