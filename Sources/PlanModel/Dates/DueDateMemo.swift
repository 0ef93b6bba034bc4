import Foundation

/// The readings of due texts already read by one parser, shared by the threads that parse a
/// plan's files. `DueDateReader.read` is a pure function of the text and the reference day,
/// and a plan repeats its due texts ("March 2009", "Ongoing"), so a text is read once.
/// Bounded: past `capacity` texts, new ones are read and not kept.
final class DueDateMemo: @unchecked Sendable {
    let reference: Day?
    private let lock = NSLock()
    private var readings: [String: DueDate] = [:]
    private let capacity: Int

    init(reference: Day?, capacity: Int = 4096) {
        self.reference = reference
        self.capacity = capacity
    }

    /// `DueDateReader.read(text, reference: reference)`.
    func read(_ text: String) -> DueDate {
        lock.lock()
        let known = readings[text]
        lock.unlock()
        if let known { return known }
        let due = DueDateReader.read(text, reference: reference)
        lock.lock()
        if readings.count < capacity { readings[text] = due }
        lock.unlock()
        return due
    }
}
