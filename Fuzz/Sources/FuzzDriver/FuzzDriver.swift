import CFuzzerDriver

/// What every fuzz target shares: its input as bytes, and its start.
///
/// libFuzzer brings `main`. SwiftPM, though, links a debug executable with `main` renamed to
/// `<Target>_main` (so that tests could import the executable), which hides libFuzzer's: each
/// target therefore also defines `<Target>_main`, which hands over to libFuzzer's driver.
public enum FuzzDriver {
    public typealias Arguments = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
    public typealias Callback = @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt

    /// The input libFuzzer passes, as bytes.
    public static func bytes(_ data: UnsafePointer<UInt8>?, _ size: Int) -> [UInt8] {
        guard let data else { return [] }
        return Array(UnsafeBufferPointer(start: data, count: size))
    }

    /// The input as text (invalid UTF-8 replaced, as the readers do).
    public static func text(_ data: UnsafePointer<UInt8>?, _ size: Int) -> String {
        String(decoding: bytes(data, size), as: UTF8.self)
    }

    /// Runs libFuzzer's loop with the command line, calling `callback` with each input.
    public static func run(_ argc: CInt, _ argv: Arguments, _ callback: Callback) -> CInt {
        var argc = argc
        var argv = argv
        return LLVMFuzzerRunDriver(&argc, &argv, callback)
    }
}
