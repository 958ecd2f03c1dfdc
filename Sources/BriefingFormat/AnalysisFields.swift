import BriefingModel

// The key table of the analysis file: every record's keys, and nothing else decides them. The
// writer, the reader and the schedule ledger's cache all go through these lines; a new field
// of the model is one line here, anywhere in its record's list (keys are sorted on loading).
//
//   .field("key", { $0.value }, { $0.value = $1 })           always written; nil as null
//   .field("key", { $0.value }, { $0.value = $1 }, absent: .omitted)   left out when nil
//   ..., lean: true      not read for rendering (`AnalysisReader.load(full: false)`)
//   .derived("key", { $0.value })     written, recomputed from the other keys on reading

extension Analysis: FormatObject {
    static let format = ObjectFormat<Analysis>(empty: {
        Analysis(generator: "", input: "", summary: Summary.format.empty(), taxonomy: [], meetings: [], topics: [],
                 threads: [], diagnostics: [])
    }, [
        .field("corrections", { $0.corrections }, { $0.corrections = $1 }, absent: .omitted),
        .lines("diagnostics", { $0.diagnostics }, { $0.diagnostics = $1 }),
        .field("format_version", { $0.formatVersion }, { $0.formatVersion = $1 }),
        .field("generator", { $0.generator }, { $0.generator = $1 }),
        .field("input", { $0.input }, { $0.input = $1 }),
        .field("lapse_after_meetings", { $0.lapseAfterMeetings }, { $0.lapseAfterMeetings = $1 }, absent: .omitted),
        .bulk("meetings", { $0.meetings }, { $0.meetings = $1 },
              estimatedBytes: { 1_000 + 500 * $0.commitments.count + ($0.statements?.count ?? 0) * 300
                  + ($0.statementsEncoded?.count ?? 0) }),
        .field("relationship", { $0.relationship }, { $0.relationship = $1 }, absent: .omitted),
        .field("summary", { $0.summary }, { $0.summary = $1 }).required(),
        .lines("taxonomy", { $0.taxonomy }, { $0.taxonomy = $1 }),
        .bulk("threads", { $0.threads }, { $0.threads = $1 }, estimatedBytes: { 300 + 300 * $0.occurrences.count }),
        .lines("topics", { $0.topics }, { $0.topics = $1 }),
    ])
}

extension Analysis.Summary: FormatObject {
    static let format = ObjectFormat<Analysis.Summary>(empty: {
        .init(readouts: 0, meetings: 0, failed: 0, firstDate: nil, lastDate: nil, commitmentsByStrength: [:], threads: 0,
              warnings: 0, errors: 0)
    }, [
        .field("commitments_by_strength", { $0.commitmentsByStrength }, { $0.commitmentsByStrength = $1 }),
        .field("errors", { $0.errors }, { $0.errors = $1 }),
        .field("failed", { $0.failed }, { $0.failed = $1 }),
        .field("first_date", { $0.firstDate }, { $0.firstDate = $1 }, absent: .omitted),
        .field("last_date", { $0.lastDate }, { $0.lastDate = $1 }, absent: .omitted),
        .field("meetings", { $0.meetings }, { $0.meetings = $1 }),
        .field("readouts", { $0.readouts }, { $0.readouts = $1 }),
        .field("threads", { $0.threads }, { $0.threads = $1 }),
        .field("warnings", { $0.warnings }, { $0.warnings = $1 }),
    ])
}

extension Analysis.TopicLabel: FormatObject {
    static let format = ObjectFormat<Analysis.TopicLabel>(empty: { .init(id: "", label: "") }, [
        .field("id", { $0.id }, { $0.id = $1 }),
        .field("label", { $0.label }, { $0.label = $1 }),
    ])
}

extension Analysis.RelationshipInfo: FormatObject {
    static let format = ObjectFormat<Analysis.RelationshipInfo>(empty: {
        .init(id: "", title: "", label: "", bookTitle: "", briefTitle: "", sides: [])
    }, [
        .field("book_title", { $0.bookTitle }, { $0.bookTitle = $1 }),
        .field("brief_title", { $0.briefTitle }, { $0.briefTitle = $1 }),
        .field("id", { $0.id }, { $0.id = $1 }),
        .field("label", { $0.label }, { $0.label = $1 }),
        .field("sides", { $0.sides }, { $0.sides = $1 }),
        .field("title", { $0.title }, { $0.title = $1 }),
    ])
}

extension Analysis.RelationshipInfo.Side: FormatObject {
    static let format = ObjectFormat<Analysis.RelationshipInfo.Side>(empty: { .init(id: "", label: "", country: "") }, [
        .field("country", { $0.country }, { $0.country = $1 }),
        .field("id", { $0.id }, { $0.id = $1 }),
        .field("label", { $0.label }, { $0.label = $1 }),
    ])
}

extension Meeting: FormatObject {
    static let format = ObjectFormat<Meeting>(empty: { Meeting(file: "", path: "") }, [
        .field("commitments", { $0.commitments }, { $0.commitments = $1 }),
        .field("date", { $0.date }, { $0.date = $1 }),
        .field("date_inferred", { $0.dateInferred }, { $0.dateInferred = $1 }),
        .field("date_source", { $0.dateSource }, { $0.dateSource = $1 }),
        .field("dropped", { $0.dropped }, { $0.dropped = $1 }, absent: .omitted, lean: true),
        .field("duration_minutes", { $0.durationMinutes }, { $0.durationMinutes = $1 }),
        .field("extracted", { $0.extracted }, { $0.extracted = $1 }, absent: .omitted),
        .field("file", { $0.file }, { $0.file = $1 }),
        .field("kinds", { $0.kinds }, { $0.kinds = $1 }),
        .field("mentioned", { $0.mentioned }, { $0.mentioned = $1 }),
        .field("participants", { $0.participants }, { $0.participants = $1 }),
        .field("parts", { $0.parts }, { $0.parts = $1 }),
        .field("path", { $0.path }, { $0.path = $1 }),
        .field("place", { $0.place }, { $0.place = $1 }),
        .field("sections", { $0.sections }, { $0.sections = $1 }),
        .field("source", { $0.source }, { $0.source = $1 }, absent: .omitted),
        .field("start_time", { $0.startTime }, { $0.startTime = $1 }),
        .field("statement_count", { $0.statementCount }, { $0.statementCount = $1 }),
        .field("statements", { $0.statements }, { $0.statements = $1 }, absent: .omitted, lean: true)
            .whereSkipped { m, bytes in m.statementsInFile = FileSpan(bytes) }
            .preEncoded { $0.statementsEncoded },
        .field("title", { $0.title }, { $0.title = $1 }),
        .field("topics", { $0.topics }, { $0.topics = $1 }),
    ])
}

extension MeetingPart: FormatObject {
    static let format = ObjectFormat<MeetingPart>(empty: { MeetingPart(kind: "") }, [
        .field("duration_minutes", { $0.durationMinutes }, { $0.durationMinutes = $1 }),
        .field("kind", { $0.kind }, { $0.kind = $1 }),
        .field("start_time", { $0.startTime }, { $0.startTime = $1 }),
    ])
}

extension Participant: FormatObject {
    static let format = ObjectFormat<Participant>(empty: { Participant(name: "", role: nil, country: nil, side: nil, known: false) }, [
        .field("country", { $0.country }, { $0.country = $1 }),
        .field("known", { $0.known }, { $0.known = $1 }),
        .field("name", { $0.name }, { $0.name = $1 }),
        .field("role", { $0.role }, { $0.role = $1 }),
        .field("side", { $0.side }, { $0.side = $1 }),
        .field("source", { $0.source }, { $0.source = $1 }, absent: .omitted),
    ])
}

extension Meeting.Extracted: FormatObject {
    static let format = ObjectFormat<Meeting.Extracted>(empty: { Meeting.Extracted() }, [
        .field("date", { $0.date }, { $0.date = $1 }, absent: .omitted),
        .field("date_inferred", { $0.dateInferred }, { $0.dateInferred = $1 }, absent: .omitted),
        .field("date_source", { $0.dateSource }, { $0.dateSource = $1 }, absent: .omitted),
        .field("fields", { $0.fields }, { $0.fields = $1 }),
        .field("kinds", { $0.kinds }, { $0.kinds = $1 }, absent: .omitted),
        .field("participants", { $0.participants }, { $0.participants = $1 }, absent: .omitted),
        .field("place", { $0.place }, { $0.place = $1 }, absent: .omitted),
    ])
}

extension Statement: FormatObject {
    static let format = ObjectFormat<Statement>(empty: { Statement(text: "", line: 0, speaker: nil, topics: [], section: nil) }, [
        .field("id", { $0.id }, { $0.id = $1 }),
        .field("line", { $0.line }, { $0.line = $1 }),
        .field("section", { $0.section }, { $0.section = $1 }, absent: .omitted),
        .field("speaker", { $0.speaker }, { $0.speaker = $1 }, absent: .omitted),
        .field("text", { $0.text }, { $0.text = $1 }),
        .field("topics", { $0.topics }, { $0.topics = $1 }, absentWhenEmpty: true),
    ])
}

extension TopicCount: FormatObject {
    static let format = ObjectFormat<TopicCount>(empty: { TopicCount(id: "", mentions: 0) }, [
        .field("id", { $0.id }, { $0.id = $1 }),
        .field("mentions", { $0.mentions }, { $0.mentions = $1 }),
    ])
}

extension Commitment: FormatObject {
    static let format = ObjectFormat<Commitment>(empty: {
        Commitment(text: "", clause: "", actor: "", strength: .sharedView, cue: "", topics: [], concepts: [], file: "", line: 0)
    }, [
        .field("actor", { $0.actor }, { $0.actor = $1 }),
        // Kept as an offset into the text, so it is read once the text is.
        .custom("clause", write: { w, c in w.clause(of: c) }, read: { p, c in c.clause = try p.string() }, lean: true, deferred: true),
        .field("concepts", { $0.concepts }, { $0.concepts = $1 }, lean: true),
        .field("cue", { $0.cue }, { $0.cue = $1 }, lean: true),
        .field("extracted", { $0.extracted }, { $0.extracted = $1 }, absent: .omitted, lean: true),
        .field("file", { $0.file }, { $0.file = $1 }),
        .field("line", { $0.line }, { $0.line = $1 }),
        .field("source", { $0.source }, { $0.source = $1 }, absent: .omitted),
        // The sentence's id (`Statement.id`), from file, line and the sentence's place on it.
        .custom("statement", write: { w, c in w.string(c.statement) },
                read: { p, c in c.sentenceOnLine = try p.statementOrdinal() }),
        .field("strength", { $0.strength }, { $0.strength = $1 }),
        .field("text", { $0.text }, { $0.text = $1 }),
        .field("topics", { $0.topics }, { $0.topics = $1 }),
    ])
}

extension Commitment.Extracted: FormatObject {
    static let format = ObjectFormat<Commitment.Extracted>(empty: { Commitment.Extracted() }, [
        .field("actor", { $0.actor }, { $0.actor = $1 }, absent: .omitted),
        .field("strength", { $0.strength }, { $0.strength = $1 }, absent: .omitted),
        .field("topics", { $0.topics }, { $0.topics = $1 }, absent: .omitted),
    ])
}

extension Analysis.Correction: FormatObject {
    static let format = ObjectFormat<Analysis.Correction>(empty: { .init(file: "", kind: "", line: nil, text: "") }, [
        .field("detail", { $0.detail }, { $0.detail = $1 }, absent: .omitted),
        .field("file", { $0.file }, { $0.file = $1 }),
        .field("kind", { $0.kind }, { $0.kind = $1 }),
        .field("line", { $0.line }, { $0.line = $1 }, absent: .omitted),
        .field("text", { $0.text }, { $0.text = $1 }),
    ])
}

extension CommitmentThread: FormatObject {
    static let format = ObjectFormat<CommitmentThread>(empty: {
        CommitmentThread(id: "", label: "", topic: "", groupedBy: "", occurrences: [], trend: .new)
    }, [
        .derived("first_date", { $0.firstDate }),
        .field("grouped_by", { $0.groupedBy }, { $0.groupedBy = $1 }),
        .field("id", { $0.id }, { $0.id = $1 }),
        .field("label", { $0.label }, { $0.label = $1 }),
        .derived("last_date", { $0.lastDate }),
        .field("occurrences", { $0.occurrences }, { t, occurrences in
            t = CommitmentThread(id: t.id, label: t.label, topic: t.topic, groupedBy: t.groupedBy, occurrences: occurrences, trend: t.trend)
        }),
        .derived("strengths", { $0.strengths }),
        .field("topic", { $0.topic }, { $0.topic = $1 }),
        .field("trend", { $0.trend }, { $0.trend = $1 }),
    ])
}

extension CommitmentThread.Occurrence: FormatObject {
    static let format = ObjectFormat<CommitmentThread.Occurrence>(empty: {
        .init(file: "", date: nil, strength: .sharedView, actor: "", text: "", line: 0)
    }, [
        .field("actor", { $0.actor }, { $0.actor = $1 }),
        .field("date", { $0.date }, { $0.date = $1 }),
        .field("file", { $0.file }, { $0.file = $1 }),
        .field("line", { $0.line }, { $0.line = $1 }),
        .custom("statement", write: { w, o in w.string(o.statement) },
                read: { p, o in o.sentenceOnLine = try p.statementOrdinal() }),
        .field("strength", { $0.strength }, { $0.strength = $1 }),
        .field("text", { $0.text }, { $0.text = $1 }, lean: true),
    ])
}

extension TopicFrequency: FormatObject {
    static let format = ObjectFormat<TopicFrequency>(empty: {
        TopicFrequency(id: "", label: "", mentions: 0, meetings: 0, commitments: 0, firstDate: nil, lastDate: nil, byYear: [])
    }, [
        .field("by_year", { $0.byYear }, { $0.byYear = $1 }),
        .field("commitments", { $0.commitments }, { $0.commitments = $1 }),
        .field("first_date", { $0.firstDate }, { $0.firstDate = $1 }, absent: .omitted),
        .field("id", { $0.id }, { $0.id = $1 }),
        .field("label", { $0.label }, { $0.label = $1 }),
        .field("last_date", { $0.lastDate }, { $0.lastDate = $1 }, absent: .omitted),
        .field("meetings", { $0.meetings }, { $0.meetings = $1 }),
        .field("mentions", { $0.mentions }, { $0.mentions = $1 }),
    ])
}

extension TopicFrequency.YearCount: FormatObject {
    static let format = ObjectFormat<TopicFrequency.YearCount>(empty: { .init(year: 0, mentions: 0, meetings: 0) }, [
        .field("meetings", { $0.meetings }, { $0.meetings = $1 }),
        .field("mentions", { $0.mentions }, { $0.mentions = $1 }),
        .field("year", { $0.year }, { $0.year = $1 }),
    ])
}

extension Diagnostic: FormatObject {
    static let format = ObjectFormat<Diagnostic>(empty: { Diagnostic(.warning, file: "", "") }, [
        .field("file", { $0.file }, { $0.file = $1 }),
        .field("line", { $0.line }, { $0.line = $1 }, absent: .omitted),
        .field("message", { $0.message }, { $0.message = $1 }),
        .field("severity", { $0.severity }, { $0.severity = $1 }),
    ])
}

extension ReadoutRecord: FormatObject {
    static let format = ObjectFormat<ReadoutRecord>(empty: { ReadoutRecord(meeting: nil, diagnostics: []) }, [
        .field("diagnostics", { $0.diagnostics }, { $0.diagnostics = $1 }),
        .field("format_version", { $0.formatVersion }, { $0.formatVersion = $1 }).required(),
        .field("meeting", { $0.meeting }, { $0.meeting = $1 }),
    ])
}

extension PeriodAnalysis: FormatObject {
    static let format = ObjectFormat<PeriodAnalysis>(empty: {
        PeriodAnalysis(schedule: "", period: "", startDay: CalendarDay(dayNumber: 0), lastDay: CalendarDay(dayNumber: 0), timeZone: "",
                       edition: 0, note: nil, analysis: Analysis.format.empty())
    }, [
        .field("analysis", { $0.analysis }, { $0.analysis = $1 }),
        .field("edition", { $0.edition }, { $0.edition = $1 }),
        .field("last_day", { $0.lastDay }, { $0.lastDay = $1 }),
        .field("note", { $0.note }, { $0.note = $1 }, absent: .omitted),
        .field("period", { $0.period }, { $0.period = $1 }),
        .field("schedule", { $0.schedule }, { $0.schedule = $1 }),
        .field("start_day", { $0.startDay }, { $0.startDay = $1 }),
        .field("time_zone", { $0.timeZone }, { $0.timeZone = $1 }),
    ])
}

extension JSONWriter {
    /// A commitment's clause, the end of its text from `clauseOffset`, written straight from
    /// the text's bytes when the offset is plainly a character boundary (ASCII on both sides),
    /// else through `clause`, which rounds it as String indexing does.
    func clause(of c: Commitment) {
        var text = c.text
        let done = text.withUTF8 { u -> Bool in
            let from = min(c.clauseOffset, u.count)
            if from < u.count {
                guard u[from] < 0x80, from == 0 || (u[from - 1] < 0x80 && u[from - 1] != 0x0D) else { return false }
            }
            string(utf8: UnsafeBufferPointer(rebasing: u[from...]))
            return true
        }
        if !done { string(c.clause) }
    }
}

extension JSONPull {
    /// The ordinal a statement id ends with (`Statement.ordinal(ofID:)`), read in place: a
    /// quarter of a million commitments and their thread occurrences carry one.
    mutating func statementOrdinal() throws -> Int {
        guard let r = try plainString() else { return Statement.ordinal(ofID: try string()) }
        // "file:12.3": digits, a dot, digits, a colon, read from the end.
        var j = r.upperBound - 1, n = 0, scale = 1
        while j >= r.lowerBound, b[j] >= 0x30, b[j] <= 0x39, scale <= 1_000_000 { n += Int(b[j] - 0x30) * scale; scale *= 10; j -= 1 }
        guard j > r.lowerBound, b[j] == 0x2E, scale > 1, n >= 1 else { return 1 }
        j -= 1
        let digitsEnd = j
        while j >= r.lowerBound, b[j] >= 0x30, b[j] <= 0x39 { j -= 1 }
        guard j >= r.lowerBound, j < digitsEnd, b[j] == 0x3A else { return 1 }
        return n
    }
}
