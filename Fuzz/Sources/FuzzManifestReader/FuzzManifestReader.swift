import FuzzDriver
import PlanModel

/// libFuzzer entry point: any bytes as `plan.yaml`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzManifestReader(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = FuzzDriver.bytes(data, size)
    _ = ManifestReader().read(bytes)
    return 0
}

/// The start SwiftPM links a debug executable with (see `FuzzDriver`).
@_cdecl("FuzzManifestReader_main")
public func fuzzManifestReaderMain(_ argc: CInt, _ argv: FuzzDriver.Arguments) -> CInt {
    FuzzDriver.run(argc, argv) { fuzzManifestReader($0, $1) }
}
