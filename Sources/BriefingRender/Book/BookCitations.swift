import BriefingModel

/// The readouts and sentences the book cites (its meeting pages, topic tables, thread tables,
/// timeline lanes and "Since" section, as the layout has them), and of those the readouts the
/// Sources part quotes: the most recent `limits.sourceReadouts`. Rows link only to these.
struct BookCitations {
    /// Meetings quoted in Sources (indices into the analysis's meetings, in date order).
    let quoted: [Int]
    /// Readouts cited anywhere in the book, before the limit.
    let cited: Int
    /// Cited statement ids, by file, of the quoted readouts.
    let sentences: [String: Set<String>]

    /// Nothing cited (before the book's citations are known).
    static let none = BookCitations(quoted: [], cited: 0, sentences: [:])

    private init(quoted: [Int], cited: Int, sentences: [String: Set<String>]) {
        self.quoted = quoted
        self.cited = cited
        self.sentences = sentences
    }

    init(book: BookComposition) {
        let a = book.analysis
        let layout = book.style.layout
        let limits = layout.limits
        var ids: [String: Set<String>] = [:]
        func cite(_ file: String, _ id: String?) {
            if let id { ids[file, default: []].insert(id) } else if ids[file] == nil { ids[file] = [] }
        }
        let on = Set(layout.sections)
        if on.contains(.meetings) {
            for m in book.pagedMeetings {
                cite(m.file, nil)
                for c in m.commitments { cite(c.file, c.statement) }
            }
        }
        if on.contains(.topics) {
            for (_, refs) in book.commitmentIndex(keep: limits.topicCommitments) {
                for r in refs.recent { let c = a.meetings[r.meeting].commitments[r.commitment]; cite(c.file, c.statement) }
            }
            let shown = Set(a.topics.filter { $0.mentions > 0 || $0.commitments > 0 }.map(\.id))
            var perTopic: [String: Int] = [:]
            for t in a.threads where shown.contains(t.topic) {
                perTopic[t.topic, default: 0] += 1
                if perTopic[t.topic]! <= limits.topicThreads, let o = t.occurrences.last { cite(o.file, o.statement) }
            }
        }
        if on.contains(.summary) {
            for (_, threads) in book.digest.threads {
                for t in threads.prefix(limits.summaryThreads) { if let o = t.occurrences.last { cite(o.file, o.statement) } }
            }
        }
        if on.contains(.timeline) {
            for t in a.threads.filter({ $0.occurrences.contains { $0.date != nil } }).prefix(max(0, limits.timelineThreads)) {
                if let o = t.occurrences.last { cite(o.file, o.statement) }
            }
        }
        if on.contains(.since), let s = book.since {
            for n in s.newCommitments.prefix(limits.sinceLines) { cite(n.commitment.file, n.commitment.statement) }
            for t in s.threadChanges.prefix(limits.sinceLines) { cite(t.latest.file, t.latest.statement) }
            for p in s.firstMeetings.prefix(limits.sinceLines) { cite(p.file, nil) }
        }
        let indices = a.meetings.indices.filter { ids[a.meetings[$0].file] != nil }
        cited = indices.count
        quoted = on.contains(.sources) ? Array(indices.suffix(max(0, limits.sourceReadouts))) : []
        var kept: [String: Set<String>] = [:]
        for i in quoted { kept[a.meetings[i].file] = ids[a.meetings[i].file] }
        sentences = kept
    }

    /// The destination of sentence `id` of `file` in Sources, when that readout is quoted.
    func target(file: String, statement id: String) -> String? {
        sentences[file] != nil ? Self.sentenceDestination(id) : nil
    }

    /// The destination of the head of `file`'s readout in Sources, when it is quoted.
    func target(file: String) -> String? { sentences[file] != nil ? Self.readoutDestination(file) : nil }

    static func sentenceDestination(_ id: String) -> String { "s:" + safe(id) }
    static func readoutDestination(_ file: String) -> String { "r:" + safe(file) }
    /// Where a sentence is first cited (the link back from Sources).
    static func citeDestination(_ id: String) -> String { "c:" + safe(id) }

    /// A name cairo's tag attributes take as is: letters, digits, `.`, `_`, `-`, `:`; any other
    /// byte as `~XX`, so distinct ids stay distinct.
    static func safe(_ s: String) -> String {
        var out = ""
        for b in s.utf8 {
            switch b {
            case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0x2E, 0x5F, 0x2D, 0x3A: out.unicodeScalars.append(UnicodeScalar(b))
            default: out += "~" + String(b, radix: 16, uppercase: true).leftPadded(2)
            }
        }
        return out
    }
}

extension String {
    fileprivate func leftPadded(_ n: Int) -> String { String(repeating: "0", count: max(0, n - count)) + self }
}

extension BookComposition {
    /// Where a row citing sentence `id` of `file` links to, when links are on and it is quoted.
    func sourceLink(_ file: String, _ id: String) -> String? {
        links ? citations.target(file: file, statement: id) : nil
    }

    /// The destination a quoted sentence links back to, placed at the row that cites it.
    func citeAnchor(_ file: String, _ id: String) -> String? {
        sourceLink(file, id) != nil ? BookCitations.citeDestination(id) : nil
    }

    /// Where a row about a whole readout links to (its head in Sources).
    func readoutLink(_ file: String) -> String? { links ? citations.target(file: file) : nil }
}
