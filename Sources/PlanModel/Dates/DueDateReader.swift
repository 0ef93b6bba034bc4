// Placeholder until the due-date reader lands (wip/dates): reads nothing.
public enum DueDateReader {
    public static func read(_ text: String, reference: Day? = nil) -> DueDate {
        DueDate(text: text, kind: .unread, note: "not read yet")
    }
}
