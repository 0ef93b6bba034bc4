import PlanModel

/// libFuzzer entry point: the input is up to three section files (base, ours, theirs)
/// separated by a line `=====`; each is parsed, the three are merged, and the result is
/// formatted. An empty part stands for an absent file.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSectionMerge(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: data == nil ? 0 : size), as: UTF8.self)
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

/// SwiftPM links a debug executable with `main` renamed to `FuzzSectionMerge_main` (so that tests can
/// import it), which hides libFuzzer's `main`: this one hands over to libFuzzer's driver.
@_cdecl("FuzzSectionMerge_main")
public func fuzzSectionMergeMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var argc = argc
    var argv = argv
    return LLVMFuzzerRunDriver(&argc, &argv, { fuzzSectionMerge($0, $1) })
}

@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt
