import BriefingModel

/// The analyst's corrections applied in a set of meetings, read back from the marks they left
/// (dropped commitments, commitments and participants of source "analyst", the meeting
/// fields in `extracted`), so that any subset of meetings (a period) lists its own.
enum CorrectionsInForce {
    /// One record per correction, meetings in the order given; nil when there is none.
    /// `actor` names a side as the relationship pack does, `topic` a topic as the taxonomy does.
    static func list(_ meetings: [Meeting], actor: (String) -> String, topic: (String) -> String) -> [Analysis.Correction]? {
        func list(_ ids: [String]) -> String { ids.isEmpty ? "none" : ids.map(topic).joined(separator: ", ") }
        var out: [Analysis.Correction] = []
        for m in meetings {
            if let e = m.extracted {
                for field in e.fields {
                    switch field {
                    case "date":
                        out.append(.init(file: m.file, kind: "date", line: nil, text: m.date?.description ?? "none",
                                         detail: "extracted: \(e.date?.description ?? "none")"))
                    case "place":
                        out.append(.init(file: m.file, kind: "place", line: nil, text: m.place ?? "none",
                                         detail: "extracted: \(e.place ?? "none")"))
                    case "kinds":
                        out.append(.init(file: m.file, kind: "kinds", line: nil, text: m.kinds.joined(separator: ", "),
                                         detail: "extracted: \(e.kinds.map { $0.isEmpty ? "none" : $0.joined(separator: ", ") } ?? "none")"))
                    case "participants":
                        let now = Set(m.participants.map(\.name))
                        for p in e.participants ?? [] where !now.contains(p.name) {
                            out.append(.init(file: m.file, kind: "participant removed", line: nil, text: p.name, detail: p.role))
                        }
                        for p in m.participants where p.source == "analyst" {
                            out.append(.init(file: m.file, kind: "participant added", line: nil, text: p.name,
                                             detail: [p.role, p.side.map(actor)].compactMap { $0 }.joined(separator: ", ").nilIfEmpty))
                        }
                    default: break
                    }
                }
            }
            var commitments: [Analysis.Correction] = []
            for c in m.dropped ?? [] {
                commitments.append(.init(file: m.file, kind: "drop", line: c.line, text: c.text,
                                         detail: "extracted as \(c.strength.label), \(actor(c.actor))"))
            }
            for c in m.commitments where c.source == "analyst" {
                if let e = c.extracted {
                    var what: [String] = []
                    if let s = e.strength { what.append("strength \(s.label) → \(c.strength.label)") }
                    if let a = e.actor { what.append("actor \(actor(a)) → \(actor(c.actor))") }
                    if let t = e.topics { what.append("topics \(list(t)) → \(list(c.topics))") }
                    commitments.append(.init(file: m.file, kind: "change", line: c.line, text: c.text,
                                             detail: what.joined(separator: "; ").nilIfEmpty))
                } else {
                    commitments.append(.init(file: m.file, kind: "add", line: c.line, text: c.text,
                                             detail: "\(c.strength.label), \(actor(c.actor)), topics \(list(c.topics))"))
                }
            }
            out += commitments.enumerated().sorted { ($0.element.line ?? 0, $0.offset) < ($1.element.line ?? 0, $1.offset) }.map(\.element)
        }
        return out.isEmpty ? nil : out
    }
}

extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}
