import BriefingModel
import BriefingSchedule
import Foundation
import Testing

@Suite("ScheduleFile")
struct ScheduleFileTests {
    @Test func theShippedSchedulesLoadCleanly() throws {
        let layouts = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../layouts").standardizedFileURL
        let (schedules, diagnostics) = ScheduleFile.load(layoutsFolder: layouts)
        #expect(diagnostics == [])
        #expect(schedules.map(\.name) == ["weekly", "monthly", "quarterly"])
        #expect(schedules[0].cadence == .weekly(firstWeekday: .monday))
    }

    @Test func parsesEveryField() {
        let (s, d) = ScheduleFile.parse("""
            schedules:
              fortnight:
                cadence: weekly
                first_weekday: sunday
                every: 2
                time_zone: Europe/Berlin
                start: 2026-01-04
                layouts: [book, charts]
                output: "reports/{schedule}/{key}/{layout}"
            """, file: "layouts/schedules.yaml")
        #expect(d == [])
        #expect(s == [ScheduleDefinition(name: "fortnight", cadence: .weekly(firstWeekday: .sunday), every: 2,
                                         timeZone: "Europe/Berlin", start: day("2026-01-04"),
                                         layouts: [.book, .charts], output: "reports/{schedule}/{key}/{layout}")])
    }

    @Test func errorsNameFileKeyAndLine() {
        let (s, d) = ScheduleFile.parse("""
            schedules:
              weekly:
                cadence: fortnightly
                time_zone: Mars/Olympus
                start: 2026-13-01
                layouts: [book, poster]
                output: "/etc/{key}"
                colour: blue
            """, file: "layouts/schedules.yaml")
        #expect(s.isEmpty)
        #expect(d.map(\.description) == [
            "layouts/schedules.yaml:8: warning: schedules.weekly.colour: unknown key (known: cadence, every, first_weekday, layouts, output, start, time_zone)",
            "layouts/schedules.yaml:3: error: schedules.weekly.cadence: expected weekly, monthly or quarterly, got 'fortnightly'",
            "layouts/schedules.yaml:4: error: schedules.weekly.time_zone: unknown time zone 'Mars/Olympus' (use an IANA name such as Asia/Tokyo or UTC)",
            "layouts/schedules.yaml:5: error: schedules.weekly.start: expected a date YYYY-MM-DD, got '2026-13-01'",
            "layouts/schedules.yaml:6: error: schedules.weekly.layouts: unknown layout 'poster' (known: book, brief, charts, analysis)",
            "layouts/schedules.yaml:7: error: schedules.weekly.output: must be a path inside the output folder (no leading '/' or '..')",
        ])
    }

    @Test func missingFieldsAndBadYAML() {
        let (_, d) = ScheduleFile.parse("schedules:\n  monthly:\n    cadence: monthly\n", file: "s.yaml")
        #expect(d.filter { $0.severity == .error }.map(\.message) == [
            "schedules.monthly.start: missing; expected the first day to report on (YYYY-MM-DD)",
            "schedules.monthly.layouts: missing; expected a list such as [book, brief]",
        ])
        let (_, bad) = ScheduleFile.parse("schedules:\n  weekly: [\n", file: "s.yaml")
        #expect(bad.count == 1 && bad[0].message.hasPrefix("not valid YAML") && bad[0].line != nil)
        #expect(!bad[0].message.contains("\n"))
    }

    /// Periods of 2^63 weeks overflowed the period arithmetic: the count is bounded, by name.
    @Test func everyIsBounded() {
        let (s, d) = ScheduleFile.parse("""
            schedules:
              w:
                cadence: weekly
                time_zone: UTC
                start: 2026-01-05
                every: 9223372036854775807
                layouts: [analysis]
            """, file: "s.yaml")
        #expect(s.isEmpty)
        #expect(d.map(\.description) == ["s.yaml:6: error: schedules.w.every: expected a whole number from 1 to 1000, got '9223372036854775807'"])
        #expect(throws: PeriodCalendar.Failure.invalidEvery(1001)) {
            try PeriodCalendar(ScheduleDefinition(name: "w", cadence: .monthly, every: 1001, start: CalendarDay(year: 2026, month: 1, day: 1)!))
        }
    }

    @Test func aFileThatCannotBeReadIsOneDiagnosticNamingIt() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("schedules-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent(ScheduleFile.fileName)
        let missing = ScheduleFile.load(layoutsFolder: folder).diagnostics
        #expect(missing.map(\.description) == ["\(file.path):1: error: the schedules file does not exist"])
        try Data(repeating: 0x23, count: 2 << 20).write(to: file)
        let large = ScheduleFile.load(layoutsFolder: folder).diagnostics
        #expect(large.map(\.description) == ["\(file.path):1: error: the schedules file is 2 MB; at most 1 MB is read"])
        try Data("schedules:\n  weekly:\n    cadence: weekly\n    cadence: monthly\n".utf8).write(to: file)
        let twice = ScheduleFile.load(layoutsFolder: folder).diagnostics
        #expect(twice.count == 1 && twice[0].line == 3 && twice[0].message.contains("'cadence' given twice"))
    }
}
