import FuzzDriver
import PlanModel

/// libFuzzer entry point: the input is up to three section files (base, ours, theirs)
/// separated by a line `=====`; each is parsed, the three are merged, and the result is
/// formatted. An empty part stands for an absent file.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSectionMerge(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let text = FuzzDriver.text(data, size)
    let path = "sections/partner/15.md"
    let parser = SectionParser(dueReference: Day(iso: "2008-06-03"))
    var texts: [[Substring]] = [[]]
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
        if line == "=====" { texts.append([]) } else { texts[texts.count - 1].append(line) }
    }
    var parts = texts.prefix(3).map { lines -> SectionFile? in
        lines.isEmpty ? nil : parser.parse(lines.joined(separator: "\n"), path: path).section
    }
    while parts.count < 3 { parts.append(nil) }
    let result = SectionMerge().merge(base: parts[0], ours: parts[1], theirs: parts[2], path: path)
    if let merged = result.merged { _ = SectionFormatter.format(merged) }
    return 0
}

/// The start SwiftPM links a debug executable with (see `FuzzDriver`).
@_cdecl("FuzzSectionMerge_main")
public func fuzzSectionMergeMain(_ argc: CInt, _ argv: FuzzDriver.Arguments) -> CInt {
    FuzzDriver.run(argc, argv) { fuzzSectionMerge($0, $1) }
}
