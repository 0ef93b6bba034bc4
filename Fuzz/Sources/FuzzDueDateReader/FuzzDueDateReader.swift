import FuzzDriver
import PlanModel

/// libFuzzer entry point: any bytes (as UTF-8, invalid sequences replaced) as a due text,
/// read with and without a reference day.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDueDateReader(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let text = FuzzDriver.text(data, size)
    _ = DueDateReader.read(text)
    _ = DueDateReader.read(text, reference: Day(iso: "2008-06-03"))
    return 0
}

/// The start SwiftPM links a debug executable with (see `FuzzDriver`).
@_cdecl("FuzzDueDateReader_main")
public func fuzzDueDateReaderMain(_ argc: CInt, _ argv: FuzzDriver.Arguments) -> CInt {
    FuzzDriver.run(argc, argv) { fuzzDueDateReader($0, $1) }
}
