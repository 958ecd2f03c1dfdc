import BriefingModel
@testable import BriefingSchedule
import Foundation
import PropertyBased
import Testing

/// One `schedule run` in a random history: the clock moves (hours to months, repeats,
/// backward), readouts arrive (some late for periods already produced), and the run may be
/// killed at a fault point.
struct RunStep: Sendable, CustomStringConvertible {
    var hours: Int
    var kill: FaultPoint?
    /// Which production of the run the kill hits (1-based).
    var killAt: Int
    /// New readouts, as days relative to the step's `now` (negative: late).
    var arrivals: [Int]

    var description: String {
        "\(hours >= 0 ? "+" : "")\(hours)h arrivals\(arrivals)" + (kill.map { " kill \($0.rawValue)#\(killAt)" } ?? "")
    }

    static let generator = zip(Gen.int(in: -720...1440), Gen.int(in: 0...6), Gen.int(in: 0...4), Gen.int(in: 1...4),
                               Gen.int(in: -75...6).array(of: 0...3))
        .map { hours, shape, kill, killAt, arrivals in
            // shape 0: the same time again; 1: a long jump (up to about 4 months).
            RunStep(hours: shape == 0 ? 0 : (shape == 1 ? abs(hours) * 2 : hours),
                    kill: kill == 0 ? .afterRender : kill == 1 ? .afterRename : nil,
                    killAt: killAt, arrivals: arrivals)
        }
}

@Suite("Scheduler properties")
struct SchedulePropertyTests {
    static let schedules: [ScheduleDefinition] = [
        .weekly(start: "2026-01-05", zone: "Asia/Tokyo", layouts: [.book, .charts]),
        .monthly(start: "2026-01-01", zone: "America/New_York"),
        .quarterly(start: "2026-01-01", zone: "UTC"),
    ]

    @Test func randomClocksKillsAndAGrowingCorpusNeverLeaveAGapOrADuplicate() async throws {
        await propertyCheck(count: 12, input: RunStep.generator.array(of: 2...7)) { steps in
            let ws = Workspace()
            defer { ws.remove() }
            var now = ISOTime.parse("2026-01-03T06:00:00Z")!
            var count = 0
            for (i, step) in steps.enumerated() {
                now = now.addingTimeInterval(Double(step.hours) * 3600)
                let today = try! PeriodCalendar(Self.schedules[2]).day(at: now)
                for offset in step.arrivals {
                    ws.addReadout("r\(count).txt", date: today.adding(days: offset).description)
                    count += 1
                }
                var killed = false
                do {
                    try ws.run(Self.schedules, now: ISOTime.string(now), faults: step.kill.map { Self.kill(at: $0, onCall: step.killAt) })
                } catch is SimulatedKill {
                    killed = true
                } catch {
                    Issue.record("step \(i) \(step): \(error)")
                    return
                }
                let problems = (try? LedgerInvariants.problems(ws, schedules: Self.schedules, now: now, complete: !killed)) ?? ["ledger unreadable"]
                #expect(problems == [], "after step \(i) (\(step)) at \(ISOTime.string(now)), of \(steps)")
                if !problems.isEmpty { return }
            }
            // After a last, undisturbed run everything is in place, and a repeat does nothing.
            let last = try? ws.run(Self.schedules, now: ISOTime.string(now))
            #expect(last != nil)
            #expect((try? LedgerInvariants.problems(ws, schedules: Self.schedules, now: now, complete: true)) == [])
            #expect((try? ws.run(Self.schedules, now: ISOTime.string(now)))?.produced.isEmpty == true)
        }
    }

    static func kill(at point: FaultPoint, onCall n: Int) -> FaultHook {
        let calls = Counter()
        return { p, _, _ in
            guard p == point else { return }
            calls.increment()
            if calls.value == n { throw SimulatedKill(point: p) }
        }
    }
}
