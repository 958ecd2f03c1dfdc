import Foundation

/// cairo 1.16 writes a broken xref when a PDF has link tags (`qpdf --check` calls the file
/// damaged). Rewriting it with qpdf repairs it and keeps metadata, outline and links;
/// `--deterministic-id` keeps the result byte-stable.
public enum PDFRepair {
    /// qpdf's path, or nil when it is not installed (then documents are made without links).
    public static let qpdf: String? = {
        let paths = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        return paths.map { "\($0)/qpdf" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    public static func rewrite(_ input: URL, to output: URL) throws {
        guard let qpdf else { throw RenderError.repair(input.path, "qpdf is not installed") }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: qpdf)
        p.arguments = ["--deterministic-id", "--object-streams=preserve", input.path, output.path]
        let errPipe = Pipe()
        p.standardError = errPipe
        p.standardOutput = FileHandle.nullDevice
        try p.run()
        let err = errPipe.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        // 0: clean; 3: warnings (the damage it repaired).
        guard p.terminationStatus == 0 || p.terminationStatus == 3 else {
            throw RenderError.repair(input.path, String(decoding: err, as: UTF8.self))
        }
    }
}
