import BriefingModel

/// Appendix: the analyst's corrections in force (`corrections.yaml`), one row each, so a
/// reader knows which counts rest on a person's judgement rather than the extractor's.
extension BookComposition {
    func corrections(_ c: Composer) {
        guard let all = analysis.corrections, !all.isEmpty else { return }
        c.heading("Corrections in force", level: 2, anchor: "appendix-corrections")
        c.paragraph("An analyst corrected what the extractor found in these readouts (corrections.yaml beside the readouts); "
                    + "every count and thread in this book includes the corrections. The export marks each corrected item "
                    + "with its source and keeps what the extractor said.", style: style.caption, spaceAfter: 4)
        let shown = all.prefix(limits.warnings)
        c.table(Table(columns: [.init("Readout", weight: 2.2, wrap: true, maxLines: 2), .init("Line", weight: 0.6, alignment: .right),
                                .init("Correction", weight: 1.5, wrap: true, maxLines: 2),
                                .init("What", weight: 5, wrap: true, maxLines: 4)],
                      rows: shown.map { k in
                          [.init(k.file), .init(k.line.map(String.init) ?? ""), .init(k.kind),
                           .init(k.detail.map { "\(k.text) (\($0))" } ?? k.text)]
                      },
                      note: all.count > shown.count ? "and \(all.count - shown.count) more (all are in the analysis export)" : nil))
    }
}

extension BookComposition {
    /// A commitment as its table quotes it; one an analyst added or changed carries a dagger.
    func quoted(_ cm: Commitment) -> String { cm.source == nil ? "“\(cm.text)”" : "“\(cm.text)” †" }

    /// The note under a table whose rows include an analyst's commitment, or nil.
    func analystNote(_ shown: [Commitment]) -> String? {
        shown.contains { $0.source != nil }
            ? "† added or changed by an analyst (corrections.yaml); the appendix lists the corrections in force." : nil
    }
}
