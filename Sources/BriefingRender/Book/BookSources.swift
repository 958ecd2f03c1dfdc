import BriefingModel

/// The Sources part: each readout the book cites, as analysed (its sentences with their line
/// numbers; headings, navigation and other noise left out), with date, kind, participants and
/// file at its head. Each cited sentence is a link target, marked with a tinted bar, and links
/// back to where the book first cites it.
extension BookComposition {
    func sources(_ c: Composer) {
        let quoted = citations.quoted
        guard !quoted.isEmpty else { return }
        c.newPage(section: "Sources")
        c.heading("Sources", level: 1, anchor: "sources")
        var intro = "The \(Self.plural(quoted.count, "readout")) this book cites, and only those, as analysed: each sentence "
            + "with the line it starts on (headings, navigation and other page furniture left out). A bar marks each "
            + "sentence the book cites; a sentence's id is its file and line (a second sentence on the line adds “.2”)."
        if links { intro += " Rows, lanes and meeting pages link here; a marked sentence links back to where it is first cited." }
        if citations.cited > quoted.count {
            intro += " The book cites \(citations.cited) readouts; the \(quoted.count) most recent are quoted "
                + "(limits.source_readouts in the book's layout)."
        }
        c.paragraph(intro, style: style.caption, spaceAfter: 8)
        for i in quoted { readout(analysis.meetings[i], into: c) }
    }

    private func readout(_ m: Meeting, into c: Composer) {
        let kinds = m.kinds.isEmpty ? "meeting" : m.kinds.joined(separator: ", ")
        c.heading("\(Self.day(m.date)) · \(kinds)", level: 3, anchor: BookCitations.readoutDestination(m.file), inOutline: false,
                  keepWith: 30)
        let people = m.participants.map { p in p.role.map { "\(p.name) (\($0))" } ?? p.name }
        let head = [m.file, people.isEmpty ? "participants not named" : people.joined(separator: "; "), m.place]
            .compactMap { $0 }.joined(separator: " · ")
        c.paragraph(head, style: style.caption, spaceAfter: 3, maxLines: 3)
        let cited = citations.sentences[m.file] ?? []
        guard let statements = quotedStatements[m.file] ?? m.statements, !statements.isEmpty else {
            c.paragraph("No sentences of this readout to quote (an analysis saved before they were kept, or a readout that no longer reads: run `briefing analyze` again). "
                        + "Its cited commitments:", style: style.caption, spaceAfter: 3)
            for cm in m.commitments where cited.contains(cm.statement) { sentence(cm.statement, line: cm.line, text: cm.text, cited: true, into: c) }
            c.space(8)
            return
        }
        // A cited id no sentence has (an analyst's commitment added at a line where none starts)
        // lands on the readout's head rather than nowhere.
        let ids = Set(statements.map(\.id))
        for id in cited.subtracting(ids).sorted() { c.destination(BookCitations.sentenceDestination(id), at: Point(c.body.x, c.cursor)) }
        for s in statements { sentence(s.id, line: s.line, text: s.text, cited: cited.contains(s.id), into: c) }
        c.space(8)
    }

    private func sentence(_ id: String, line: Int, text: String, cited: Bool, into c: Composer) {
        let gutter = 30.0
        let st = style.small
        let block = c.canvas.text.layout(text, style: st, width: c.body.width - gutter, maxLines: 12)
        let h = block.height + 2
        c.ensure(h)
        let top = c.cursor, x = c.body.x, width = c.body.width
        let number = id.split(separator: ":").last.map(String.init) ?? String(line)
        let numberStyle = style.caption.with(alignment: .right)
        let tint = style.colors.stripe, bar = style.colors.accent
        c.draw { canvas in
            if cited {
                canvas.fill(Rect(x: x + gutter - 4, y: top - 1, width: width - gutter + 4, height: h), tint)
                canvas.fill(Rect(x: x + gutter - 4, y: top - 1, width: 2.5, height: h), bar)
            }
            canvas.text(number, in: Rect(x: x, y: top + 0.5, width: gutter - 8, height: h), style: numberStyle, maxLines: 1)
            canvas.draw(block, at: Point(x + gutter, top))
        }
        if cited {
            c.destination(BookCitations.sentenceDestination(id), at: Point(x, top))
            let back = BookCitations.citeDestination(id)
            if links, c.anchors[back] != nil { c.link(Rect(x: x + gutter - 4, y: top - 1, width: width - gutter + 4, height: h), to: back) }
        }
        c.advance(h)
    }
}
