import ArgumentParser

struct Analyze: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Extract every readout and write the analysis as JSON.")
    func run() throws { throw ValidationError("the extractor is being built") }
}
