import BriefingAggregate
import BriefingConfig
import BriefingIngest
import BriefingModel
import BriefingRender
import BriefingSchedule
import Foundation

/// What the fuzzers feed: each reader of a file a user or a script puts in front of
/// BriefingBook. `make fuzz` runs one libFuzzer process per target (`Fuzz/Driver.swift`), and
/// `FuzzRegressionTests` runs every input that ever crashed one through the same entry point.
public enum FuzzTarget: String, CaseIterable, Sendable {
    /// A readout (`.txt`, `.md`, `.html`) through ingest, extraction, aggregation, the export
    /// writer and the analysis reader.
    case readoutText = "readout-txt"
    case readoutMarkdown = "readout-md"
    case readoutHTML = "readout-html"
    /// A saved analysis (truncated, corrupted or hostile) through the reader `book`, `brief`
    /// and `chart --analysis` use, its checks, and the digest and period filter they compute.
    case analysis
    /// A saved analysis the reader accepts, rendered: the brief, every chart (PDF, SVG or PNG)
    /// and the book. Slow (a few runs a second); it finds what the reader's checks let through.
    case render
    /// A render layout (`book.yaml`, `brief.yaml`), as either kind.
    case layout
    /// An extraction layout (taxonomy, people, relationship, meetings, commitments): each
    /// loader reads it; one that accepts it then extracts a readout with it.
    case configuration
    /// An input folder's `manifest.yaml`; an accepted one then dates a readout.
    case manifest
    /// An input folder's `corrections.yaml`; an accepted one then corrects a readout.
    case corrections
    /// A Markdown readout's YAML front matter.
    case frontMatter = "front-matter"
    /// `layouts/schedules.yaml`, and the periods of every schedule it defines.
    case schedules

    /// The readout file name a readout target's input is read as.
    var readoutName: String? {
        switch self {
        case .readoutText: "fuzz.txt"
        case .readoutMarkdown: "fuzz.md"
        case .readoutHTML: "fuzz.html"
        default: nil
        }
    }
}

/// What one input gave: whether its reader accepted it, and what was reported about it. A
/// crash, a hang or a broken invariant is the only failure; rejecting bad input cleanly, with a
/// message, is the expected answer to most fuzz inputs.
public struct FuzzOutcome: Sendable {
    public var accepted: Bool
    public var messages: [String]

    static func rejected(_ message: String) -> FuzzOutcome { FuzzOutcome(accepted: false, messages: [message]) }
}
