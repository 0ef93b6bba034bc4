import PlanModel

/// libFuzzer entry point: any bytes as a section file, parsed, formatted and parsed again.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSectionParser(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: data == nil ? 0 : size))
    let parser = SectionParser(dueReference: Day(iso: "2008-06-03"))
    let first = parser.parse(bytes, path: "sections/partner/15.md")
    let text = SectionFormatter.format(first.section)
    _ = parser.parse(text, path: "sections/partner/15.md")
    return 0
}

/// SwiftPM links a debug executable with `main` renamed to `FuzzSectionParser_main` (so that tests can
/// import it), which hides libFuzzer's `main`: this one hands over to libFuzzer's driver.
@_cdecl("FuzzSectionParser_main")
public func fuzzSectionParserMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var argc = argc
    var argv = argv
    return LLVMFuzzerRunDriver(&argc, &argv, { fuzzSectionParser($0, $1) })
}

@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt
