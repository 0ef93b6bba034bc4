import Foundation
import GitKit
import PlanGit

/// Per-partner fetch progress on a terminal (standard error), redrawn in place; silent
/// when standard error is not a terminal.
final class FetchDisplay: @unchecked Sendable {
    // @unchecked: state is guarded by `lock`; events arrive from fetch threads.
    private let lock = NSLock()
    private let enabled: Bool
    private var order: [String] = []
    private var lines: [String: String] = [:]
    private var drawn = 0
    private var lastDraw = Date.distantPast

    init(enabled: Bool) {
        self.enabled = enabled
    }

    func handle(_ event: FetchEvent) {
        guard enabled else { return }
        lock.lock()
        defer { lock.unlock() }
        switch event {
        case .started(let partner, let url):
            if !order.contains(partner) { order.append(partner) }
            lines[partner] = "\(partner): fetching \(url)"
        case .progress(let partner, let received, let total, let bytes):
            lines[partner] = "\(partner): \(received)/\(total) objects, \(bytes / 1024) KiB"
            guard Date().timeIntervalSince(lastDraw) > 0.1 else { return }
        case .finished(let partner, let error):
            lines[partner] = error == nil ? "\(partner): done" : "\(partner): failed"
        }
        draw()
    }

    private func draw() {
        var text = drawn > 0 ? "\u{1B}[\(drawn)A" : ""
        for partner in order { text += "\u{1B}[2K\(lines[partner] ?? "")\n" }
        drawn = order.count
        lastDraw = Date()
        FileHandle.standardError.write(Data(text.utf8))
    }

    func finish() {
        guard enabled else { return }
        lock.lock()
        if drawn > 0 { draw() }
        lock.unlock()
    }
}
