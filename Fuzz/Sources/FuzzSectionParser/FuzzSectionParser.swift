import FuzzDriver
import PlanModel

/// libFuzzer entry point: any bytes as a section file, parsed, formatted and parsed again.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSectionParser(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = FuzzDriver.bytes(data, size)
    let parser = SectionParser(dueReference: Day(iso: "2008-06-03"))
    let first = parser.parse(bytes, path: "sections/partner/15.md")
    let text = SectionFormatter.format(first.section)
    _ = parser.parse(text, path: "sections/partner/15.md")
    return 0
}

/// The start SwiftPM links a debug executable with (see `FuzzDriver`).
@_cdecl("FuzzSectionParser_main")
public func fuzzSectionParserMain(_ argc: CInt, _ argv: FuzzDriver.Arguments) -> CInt {
    FuzzDriver.run(argc, argv) { fuzzSectionParser($0, $1) }
}
