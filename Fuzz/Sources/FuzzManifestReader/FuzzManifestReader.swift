import PlanModel

/// libFuzzer entry point: any bytes as `plan.yaml`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzManifestReader(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: data == nil ? 0 : size))
    _ = ManifestReader().read(bytes)
    return 0
}

/// SwiftPM links a debug executable with `main` renamed to `FuzzManifestReader_main` (so that tests can
/// import it), which hides libFuzzer's `main`: this one hands over to libFuzzer's driver.
@_cdecl("FuzzManifestReader_main")
public func fuzzManifestReaderMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var argc = argc
    var argv = argv
    return LLVMFuzzerRunDriver(&argc, &argv, { fuzzManifestReader($0, $1) })
}

@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt
