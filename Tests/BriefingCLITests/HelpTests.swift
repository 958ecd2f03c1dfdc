import ArgumentParser
import BriefingModel
import Foundation
import Testing
@testable import briefing

/// Every command's `--help`, against `Tests/Fixtures/help/<command path>.txt`. After changing a
/// command's help on purpose, `BRIEFING_UPDATE_GOLDEN=1 swift test --filter HelpTests` rewrites
/// the files; review the diff.
@Suite struct HelpTests {
    /// Every command reachable from `briefing`, with its path ("briefing schedule run").
    static let commands: [(path: [String], type: ParsableCommand.Type)] = {
        func walk(_ t: ParsableCommand.Type, _ path: [String]) -> [([String], ParsableCommand.Type)] {
            [(path, t)] + t.configuration.subcommands.flatMap { walk($0, path + [$0._commandName]) }
        }
        return walk(Briefing.self, ["briefing"])
    }()

    @Test(arguments: commands.map(\.path))
    func helpMatchesItsGoldenFile(_ path: [String]) throws {
        let type = try #require(Self.commands.first { $0.path == path }?.type)
        let help = Briefing.helpMessage(for: type, columns: 100) + "\n"
        let golden = packageRoot.appendingPathComponent("Tests/Fixtures/help/\(path.joined(separator: "-")).txt")
        if ProcessInfo.processInfo.environment["BRIEFING_UPDATE_GOLDEN"] != nil {
            try Data(help.utf8).write(to: golden)
        }
        guard let expected = try? String(contentsOf: golden, encoding: .utf8) else {
            Issue.record("no \(golden.lastPathComponent): record it with BRIEFING_UPDATE_GOLDEN=1 swift test --filter HelpTests")
            return
        }
        #expect(help == expected, "\(path.joined(separator: " ")): --help differs from \(golden.lastPathComponent)")
    }

    @Test func everyCommandHasHelpAndNoHiddenOnes() {
        #expect(Set(Self.commands.map { $0.path.joined(separator: " ") }).isSuperset(of: [
            "briefing", "briefing analyze", "briefing book", "briefing brief", "briefing chart", "briefing schedule",
            "briefing schedule run", "briefing schedule status", "briefing schedule plan",
        ]))
        for (path, type) in Self.commands {
            #expect(!type.configuration.abstract.isEmpty, "\(path.joined(separator: " ")) has no abstract")
            #expect(type.configuration.shouldDisplay, "\(path.joined(separator: " ")) is hidden")
        }
    }

    @Test func versionComesFromOnePlace() throws {
        #expect(Briefing.configuration.version == BriefingVersion.current)
        let r = try runBriefing(["--version"])
        #expect(r.status == 0 && r.stdout == BriefingVersion.current + "\n")
    }

    /// The completion scripts `make install` writes name every subcommand.
    @Test(arguments: ["bash", "zsh", "fish"])
    func completionScriptsCoverEveryCommand(_ shell: String) throws {
        let r = try runBriefing(["--generate-completion-script", shell])
        #expect(r.status == 0)
        for name in ["analyze", "book", "brief", "chart", "schedule", "status", "plan"] {
            #expect(r.stdout.contains(name), "\(shell): \(name)")
        }
        #expect(r.stdout.contains("layouts") && r.stdout.contains("as-of"), "\(shell) completes options")
    }
}
