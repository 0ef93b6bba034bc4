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
    static let laneHeight = 16
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

    static func render(_ d: PlanDocument) -> String {
        let marks = referenceLines(d)
        let drawn = d.actions.compactMap { a in span(a.due).map { (a, $0) } }
        let days = drawn.flatMap { [$0.1.start] + ($0.1.end.map { [$0] } ?? []) } + marks.map(\.day)
        guard let first = days.min(), let last = days.max() else {
            return svg(
                height: 40, title: "Timeline of due dates",
                body: [
                    "<text x=\"\(plotLeft)\" y=\"24\" font-size=\"12\">No dated actions.</text>"
                ])
        }
        let axis = MonthAxis(from: first, to: last, left: plotLeft, right: plotRight)
        let labelRows = ReferenceLine.labelRows(marks, axis: axis)
        let top = 26 + 12 * ((labelRows.max() ?? 0) + 1)
        var y = top
        var rows: [String] = []
        for rec in d.recommendations {
            let items = rec.actions.compactMap { a in span(a.due).map { TimelineItem(action: a, span: $0, axis: axis) }
            }
            let lanes = TimelineItem.pack(items)
            let height = max(1, lanes.count) * laneHeight + 2 * rowPadding
            rows.append("<line x1=\"0\" y1=\"\(y)\" x2=\"\(width)\" y2=\"\(y)\" stroke=\"#bfbfbf\"/>")
            rows.append(
                "<text x=\"4\" y=\"\(y + rowPadding + 11)\" font-size=\"11\" font-weight=\"bold\">R\(rec.number)</text>"
            )
            for (lane, laneItems) in lanes.enumerated() {
                let mid = y + rowPadding + lane * laneHeight + laneHeight / 2
                rows += laneItems.map { $0.svg(midY: mid, axisEnd: plotRight) }
            }
            y += height
        }
        rows.append("<line x1=\"0\" y1=\"\(y)\" x2=\"\(width)\" y2=\"\(y)\" stroke=\"#bfbfbf\"/>")
        var body = axis.gridAndLabels(top: top, bottom: y) + rows
        body += zip(marks, labelRows).map { mark, row in mark.svg(x: axis.x(mark.day), bottom: y, labelRow: row) }
        body += legend(y: y + 18)
        return svg(height: y + 30, title: "Timeline of due dates", body: body)
    }

    static func svg(height: Int, title: String, body: [String]) -> String {
        """
        <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \(width) \(height)" width="\(width)" height="\(height)" \
        role="img" aria-labelledby="timeline-title" font-family="Arial, Helvetica, sans-serif">
        <title id="timeline-title">\(Escaping.xml(title))</title>
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
            "<g font-size=\"10\">",
            "<polygon points=\"\(plotLeft),\(y) \(plotLeft + 5),\(y - 5) \(plotLeft + 10),\(y) \(plotLeft + 5),\(y + 5)\" fill=\"#ffffff\" stroke=\"#000000\"/>",
            "<text x=\"\(plotLeft + 14)\" y=\"\(y + 4)\">due date</text>",
            "<rect x=\"\(plotLeft + 80)\" y=\"\(y - 4)\" width=\"30\" height=\"8\" fill=\"#ffffff\" stroke=\"#000000\"/>",
            "<text x=\"\(plotLeft + 116)\" y=\"\(y + 4)\">period</text>",
            "<rect x=\"\(plotLeft + 170)\" y=\"\(y - 4)\" width=\"30\" height=\"8\" fill=\"#ffffff\" stroke=\"#000000\" stroke-dasharray=\"3 2\"/>",
            "<text x=\"\(plotLeft + 206)\" y=\"\(y + 4)\">period with no end</text>",
            "<text x=\"\(plotLeft + 320)\" y=\"\(y + 4)\">Fill shows status (see the actions tables for the word).</text>",
            "</g>",
        ]
    }
}
