import Dispatch

#if canImport(Glibc)
import Glibc
#endif

/// Maps a pure function over an array on every core, keeping the order. Small inputs are
/// mapped on the calling thread (spreading them costs more than it saves).
enum ParallelMap {
    static func map<T, U>(_ items: [T], minimumForParallel: Int = 64, _ transform: (T) -> U) -> [U] {
        guard items.count >= minimumForParallel else { return items.map(transform) }
        var results = [U?](repeating: nil, count: items.count)
        let chunks = min(items.count, 4 * max(1, System.cores))
        results.withUnsafeMutableBufferPointer { buffer in
            let output = UncheckedBuffer(buffer: buffer)
            withoutActuallyEscaping(transform) { transform in
                let work = UncheckedClosure(transform)
                let input = UncheckedArray(items: items)
                DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                    var index = chunk
                    while index < input.items.count {
                        output.buffer[index] = work.body(input.items[index])
                        index += chunks
                    }
                }
            }
        }
        return results.map { $0! }
    }
}

/// Each worker writes only its own indices of the buffer, and the buffer outlives them.
private struct UncheckedBuffer<U>: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<U?>
}

/// The input is only read while the workers run.
private struct UncheckedArray<T>: @unchecked Sendable {
    let items: [T]
}

/// The transform is pure (a parser with no shared state), so calling it from several
/// threads at once is safe.
private struct UncheckedClosure<T, U>: @unchecked Sendable {
    let body: (T) -> U
    init(_ body: @escaping (T) -> U) { self.body = body }
}

enum System {
    static let cores: Int = {
        #if canImport(Glibc)
        return max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
        #else
        return 2
        #endif
    }()
}
