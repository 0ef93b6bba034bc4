import PlanModel

/// libFuzzer entry point: any bytes (as UTF-8, invalid sequences replaced) as a due text,
/// read with and without a reference day.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDueDateReader(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: data == nil ? 0 : size), as: UTF8.self)
    _ = DueDateReader.read(text)
    _ = DueDateReader.read(text, reference: Day(iso: "2008-06-03"))
    return 0
}

/// SwiftPM links a debug executable with `main` renamed to `FuzzDueDateReader_main` (so that tests can
/// import it), which hides libFuzzer's `main`: this one hands over to libFuzzer's driver.
@_cdecl("FuzzDueDateReader_main")
public func fuzzDueDateReaderMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var argc = argc
    var argv = argv
    return LLVMFuzzerRunDriver(&argc, &argv, { fuzzDueDateReader($0, $1) })
}

@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt
