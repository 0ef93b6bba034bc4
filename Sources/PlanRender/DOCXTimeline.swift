import PlanModel

/// The timeline of due dates in the Word document, drawn natively as a table on a landscape
/// page (there is no picture to embed): one row per recommendation, one column per month
/// (per quarter or year when the plan spans longer), each action's reference in the column
/// of its due date, the columns of a period shaded, an overdue action in bold with
/// "overdue", and a first row with the statutory deadline, committee meetings and today.
enum DOCXTimeline {
    /// Text size in half-points: 8pt, the smallest size printed on the page.
    static let size = 16
    static let labelWidth = 900

    /// A span of days the table gives one column.
    struct Column {
        var start: Day
        var end: Day  // inclusive
        var label: String
    }

    static func section(_ d: PlanDocument, bookmark: WordML.Bookmark?) -> [String] {
        var out = [WordML.heading("Timeline of due dates", level: 1, bookmark: bookmark)]
        let marks = TimelineSVG.referenceLines(d)
        let drawn = d.actions.compactMap { a in TimelineSVG.span(a.due).map { (a, $0) } }
        let days = drawn.flatMap { [$0.1.start] + ($0.1.end.map { [$0] } ?? []) } + marks.map(\.day)
        guard let first = days.min(), let last = days.max() else {
            return out + [WordML.paragraph(WordML.run("No dated actions."))]
        }
        let columns = self.columns(from: first, to: last)
        let width = WordML.textWidth(.landscape) - labelWidth
        let widths = [labelWidth] + spread(width, over: columns.count)
        func small(_ text: String, bold: Bool = false) -> String {
            WordML.run(text, WordML.RunStyle(bold: bold, size: size))
        }
        var rows: [[WordML.Cell]] = []
        rows.append(
            [WordML.Cell([WordML.paragraph(small("Key dates", bold: true))])]
                + columns.map { column in
                    let here = marks.filter { column.start <= $0.day && $0.day <= column.end }
                    return WordML.Cell(
                        here.map { WordML.paragraph(small("\($0.label) \(DisplayText.day($0.day))", bold: true)) },
                        shading: here.isEmpty ? nil : "FCE4D6")
                })
        for rec in d.recommendations {
            let items = rec.actions.compactMap { a in TimelineSVG.span(a.due).map { (a, $0) } }
            rows.append(
                [WordML.Cell([WordML.paragraph(small("R\(rec.number)", bold: true))])]
                    + columns.map { column in
                        let starting = items.filter { column.start <= $0.1.start && $0.1.start <= column.end }
                        let covered = items.contains { item in
                            item.1.end != item.1.start && item.1.start <= column.end
                                && (item.1.end.map { $0 >= column.start } ?? true)
                        }
                        let refs = starting.enumerated().map { index, item in
                            let separator = index == starting.count - 1 ? "" : ", "
                            return item.0.isOverdue
                                ? small("\(item.0.ref) overdue", bold: true) + small(separator)
                                : small(item.0.ref.description + separator)
                        }
                        return WordML.Cell(
                            refs.isEmpty ? [] : [WordML.paragraph(refs.joined())], shading: covered ? "DDEBF7" : nil)
                    })
        }
        out.append(
            WordML.table(widths: widths, header: ["Rec."] + columns.map(\.label), rows: rows, keepRows: 1))
        out.append(
            WordML.paragraph(
                small(
                    "Each row is a recommendation; an action's reference stands in the column of its due date, or of the "
                        + "start of its period, whose columns are shaded. Overdue actions are in bold and marked "
                        + "\"overdue\". Actions with an open, unclear or missing date are not shown: see the "
                        + "actions tables.")))
        return out
    }

    /// Months when the plan spans at most 24 of them, else quarters (at most 24), else years.
    static func columns(from first: Day, to last: Day) -> [Column] {
        let months = (last.year - first.year) * 12 + last.month - first.month + 1
        let step = months <= 24 ? 1 : months <= 72 ? 3 : 12
        var startMonth = first.month
        if step == 3 { startMonth = (first.month - 1) / 3 * 3 + 1 }
        if step == 12 { startMonth = 1 }
        var out: [Column] = []
        var year = first.year
        var month = startMonth
        while year < last.year || (year == last.year && month <= last.month) {
            let start = Day(year: year, month: month, day: 1)!
            var endMonth = month + step - 1
            var endYear = year
            while endMonth > 12 {
                endMonth -= 12
                endYear += 1
            }
            let end = Day(year: endYear, month: endMonth, day: 1)!.endOfMonth
            let short = String(year % 100).count == 1 ? "0\(year % 100)" : "\(year % 100)"
            let label =
                switch step {
                case 1: "\(DisplayText.shortMonth(month)) \(short)"
                case 3: "Q\((month - 1) / 3 + 1) \(short)"
                default: "\(year)"
                }
            out.append(Column(start: start, end: end, label: label))
            month += step
            while month > 12 {
                month -= 12
                year += 1
            }
        }
        return out
    }

    /// `total` split into `count` whole widths that add up to it.
    static func spread(_ total: Int, over count: Int) -> [Int] {
        guard count > 0 else { return [] }
        let base = total / count
        return (0..<count).map { $0 < total - base * count ? base + 1 : base }
    }
}
