import PlanModel

/// The timeline picture of the HTML document, as inline SVG: one row per recommendation,
/// due dates as diamonds and periods as bars on a month axis, with the statutory deadline,
/// committee dates and today as labelled vertical lines. Open and unread dues are not
/// drawn (the HTML lists them beside the picture: `isListed`).
///
/// Coordinates are whole pixels so the output is byte-for-byte stable.
enum TimelineSVG {
    static let width = 1000
    static let plotLeft = 56
    static let plotRight = 955  // room on the right for the last label
    static let laneHeight = 18
    static let rowPadding = 6

    /// True when a due is listed beside the timeline rather than drawn on it.
    static func isListed(_ due: DueDate?) -> Bool { span(due) == nil }

    /// The days an action occupies on the axis: a date (start == end), a period (end nil:
    /// no end), or nil when it cannot be drawn.
    static func span(_ due: DueDate?) -> (start: Day, end: Day?)? {
        guard let due else { return nil }
        switch due.kind {
        case .date: return due.end.map { ($0, $0) }
        case .period:
            if let start = due.start { return (start, due.end) }
            return due.end.map { ($0, $0) }
        case .open, .unread: return nil
        }
    }

    /// The largest height of one picture, in its units: a landscape A4 page holds about 600
    /// at the printed width, so each picture fits a page and none is cut across two.
    static let pageHeight = 560

    /// The whole timeline, in as many pictures as it needs (see `parts`).
    static func render(_ d: PlanDocument) -> String { parts(d).joined(separator: "\n") }

    /// One picture per run of recommendations that fits a printed page, each with its own
    /// month axis and reference lines; the legend under the last.
    static func parts(_ d: PlanDocument) -> [String] {
        let marks = referenceLines(d)
        let drawn = d.actions.compactMap { a in span(a.due).map { (a, $0) } }
        let days = drawn.flatMap { [$0.1.start] + ($0.1.end.map { [$0] } ?? []) } + marks.map(\.day)
        guard let first = days.min(), let last = days.max() else {
            return [
                svg(
                    height: 40, title: "Timeline of due dates", id: "timeline-title",
                    body: [
                        "<text x=\"\(plotLeft)\" y=\"24\" font-size=\"13\">No dated actions.</text>"
                    ])
            ]
        }
        let axis = MonthAxis(from: first, to: last, left: plotLeft, right: plotRight)
        let labelRows = ReferenceLine.labelRows(marks, axis: axis)
        let top = 30 + 15 * ((labelRows.max() ?? 0) + 1)
        let blocks = d.recommendations.map { rec -> (number: Int, height: Int, lanes: [[TimelineItem]]) in
            let items = rec.actions.compactMap { a in span(a.due).map { TimelineItem(action: a, span: $0, axis: axis) }
            }
            let lanes = TimelineItem.pack(items)
            return (rec.number, max(1, lanes.count) * laneHeight + 2 * rowPadding, lanes)
        }
        var chunks: [[(number: Int, height: Int, lanes: [[TimelineItem]])]] = [[]]
        var used = top + 36
        for block in blocks {
            if !chunks[chunks.count - 1].isEmpty, used + block.height > pageHeight {
                chunks.append([])
                used = top + 36
            }
            chunks[chunks.count - 1].append(block)
            used += block.height
        }
        return chunks.enumerated().map { index, chunk in
            var y = top
            var rows: [String] = []
            for block in chunk {
                rows.append("<line x1=\"0\" y1=\"\(y)\" x2=\"\(width)\" y2=\"\(y)\" stroke=\"#bfbfbf\"/>")
                rows.append(
                    "<text x=\"4\" y=\"\(y + rowPadding + 13)\" font-size=\"13\" font-weight=\"bold\">R\(block.number)</text>"
                )
                for (lane, laneItems) in block.lanes.enumerated() {
                    let mid = y + rowPadding + lane * laneHeight + laneHeight / 2
                    rows += laneItems.map { $0.svg(midY: mid, axisEnd: plotRight) }
                }
                y += block.height
            }
            rows.append("<line x1=\"0\" y1=\"\(y)\" x2=\"\(width)\" y2=\"\(y)\" stroke=\"#bfbfbf\"/>")
            // Reference lines go under the rows, so no line is drawn over a reference label.
            var body = axis.grid(top: top, bottom: y)
            body += zip(marks, labelRows).map { mark, row in mark.svg(x: axis.x(mark.day), bottom: y, labelRow: row) }
            body += axis.labels(top: top) + rows
            let isLast = index == chunks.count - 1
            if isLast { body += legend(y: y + 22) }
            let numbers = chunk.map(\.number)
            let title =
                chunks.count == 1
                ? "Timeline of due dates"
                : "Timeline of due dates, recommendations \(numbers.first ?? 0) to \(numbers.last ?? 0)"
            return svg(
                height: y + (isLast ? 36 : 8), title: title,
                id: index == 0 ? "timeline-title" : "timeline-title-\(index + 1)", body: body)
        }
    }

    static func svg(height: Int, title: String, id: String, body: [String]) -> String {
        """
        <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \(width) \(height)" width="\(width)" height="\(height)" \
        role="img" aria-labelledby="\(id)" font-family="Arial, Helvetica, sans-serif">
        <title id="\(id)">\(Escaping.xml(title))</title>
        \(body.joined(separator: "\n"))
        </svg>
        """
    }

    static func referenceLines(_ d: PlanDocument) -> [ReferenceLine] {
        var lines = d.committees.map { ReferenceLine(day: $0.date, label: $0.name, style: .committee) }
        if let deadline = d.deadline {
            lines.append(ReferenceLine(day: deadline, label: "Statutory deadline", style: .deadline))
        }
        if let today = d.today { lines.append(ReferenceLine(day: today, label: "Today", style: .today)) }
        return lines.sorted { ($0.day, $0.label) < ($1.day, $1.label) }
    }

    static func legend(y: Int) -> [String] {
        [
            "<g font-size=\"12\">",
            "<polygon points=\"\(plotLeft),\(y) \(plotLeft + 6),\(y - 6) \(plotLeft + 12),\(y) \(plotLeft + 6),\(y + 6)\" fill=\"#ffffff\" stroke=\"#000000\"/>",
            "<text x=\"\(plotLeft + 16)\" y=\"\(y + 4)\">due date</text>",
            "<rect x=\"\(plotLeft + 84)\" y=\"\(y - 4)\" width=\"30\" height=\"8\" fill=\"#ffffff\" stroke=\"#000000\"/>",
            "<text x=\"\(plotLeft + 120)\" y=\"\(y + 4)\">period</text>",
            "<rect x=\"\(plotLeft + 176)\" y=\"\(y - 4)\" width=\"30\" height=\"8\" fill=\"#ffffff\" stroke=\"#000000\" stroke-dasharray=\"3 2\"/>",
            "<text x=\"\(plotLeft + 212)\" y=\"\(y + 4)\">period with no end</text>",
            "<rect x=\"\(plotLeft + 340)\" y=\"\(y - 4)\" width=\"30\" height=\"8\" fill=\"#ffffff\" stroke=\"#c00000\" stroke-width=\"2.5\"/>",
            "<text x=\"\(plotLeft + 376)\" y=\"\(y + 4)\">overdue</text>",
            "<text x=\"\(plotLeft + 450)\" y=\"\(y + 4)\">Fill shows status (the actions tables give the word).</text>",
            "</g>",
        ]
    }
}
