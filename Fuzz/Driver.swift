// The libFuzzer driver: one binary for every target, the target named by
// BRIEFING_FUZZ_TARGET (see `FuzzTarget`), the layouts folder by BRIEFING_FUZZ_LAYOUTS.
// Built by scripts/fuzz.sh with swiftc -sanitize=fuzzer,address against the modules SwiftPM
// built with the same instrumentation; not part of the package.
import BriefingFuzz
import Foundation

nonisolated(unsafe) var harness: FuzzHarness?
nonisolated(unsafe) var target = FuzzTarget.readoutText

@_cdecl("LLVMFuzzerInitialize")
public func initialize(_ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>) -> CInt {
    let environment = ProcessInfo.processInfo.environment
    guard let name = environment["BRIEFING_FUZZ_TARGET"], let t = FuzzTarget(rawValue: name) else {
        let names = FuzzTarget.allCases.map(\.rawValue).joined(separator: ", ")
        FileHandle.standardError.write(Data("set BRIEFING_FUZZ_TARGET to one of: \(names)\n".utf8))
        exit(2)
    }
    target = t
    do {
        harness = try FuzzHarness(layouts: URL(fileURLWithPath: environment["BRIEFING_FUZZ_LAYOUTS"] ?? "layouts"))
    } catch {
        FileHandle.standardError.write(Data("cannot load the layouts: \(error)\n".utf8))
        exit(2)
    }
    return 0
}

@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = size == 0 ? [] : Array(UnsafeBufferPointer(start: data, count: size))
    _ = harness!.run(target, bytes)
    return 0
}
