import PlanModel

/// A month axis mapping days to whole-pixel x positions, from the first of the earliest
/// month to the first of the month after the latest day.
struct MonthAxis {
    let start: Day
    let end: Day
    let left: Int
    let right: Int

    init(from first: Day, to last: Day, left: Int, right: Int) {
        start = Day(year: first.year, month: first.month, day: 1)!
        end = last.endOfMonth.adding(days: 1)
        self.left = left
        self.right = right
    }

    func x(_ day: Day) -> Int {
        let span = max(1, start.days(to: end))
        let offset = min(max(0, start.days(to: day)), span)
        return left + (offset * (right - left) + span / 2) / span
    }

    var months: [Day] {
        var out: [Day] = []
        var month = start
        while month < end {
            out.append(month)
            month = month.endOfMonth.adding(days: 1)
        }
        return out
    }

    /// Month grid lines (the labels come from `labels`, drawn over the reference lines).
    func grid(top: Int, bottom: Int) -> [String] {
        months.map { month in
            let x = self.x(month)
            return "<line x1=\"\(x)\" y1=\"\(top - 6)\" x2=\"\(x)\" y2=\"\(bottom)\" stroke=\"#e0e0e0\"/>"
        }
    }

    /// Month labels on a white halo (the year shown in January and on the first month).
    func labels(top: Int) -> [String] {
        let step = max(1, (months.count + 14) / 15)  // at most about 15 labels
        return months.enumerated().compactMap { index, month -> String? in
            guard index % step == 0 else { return nil }
            let year = (month.month == 1 || index == 0) ? " \(month.year)" : ""
            return "<text x=\"\(self.x(month) + 2)\" y=\"\(top - 8)\" font-size=\"11\" fill=\"#404040\" "
                + "stroke=\"#ffffff\" stroke-width=\"3\" paint-order=\"stroke\">"
                + "\(DisplayText.shortMonth(month.month))\(year)</text>"
        }
    }
}

/// A labelled vertical line: the statutory deadline, a committee meeting, or today.
struct ReferenceLine {
    enum Style { case deadline, committee, today }

    let day: Day
    let label: String
    let style: Style

    /// The pixels the label takes up (about 7 per character at 12px), left or right of `x`.
    func labelExtent(x: Int) -> ClosedRange<Int> {
        let width = 7 * (label.count + 12)
        return isLabelLeft(x: x) ? (x - width)...x : x...(x + width)
    }

    func isLabelLeft(x: Int) -> Bool { x > TimelineSVG.width - 180 }

    /// A label row for each line (0 at the top), so that labels in one row never overlap.
    static func labelRows(_ lines: [ReferenceLine], axis: MonthAxis) -> [Int] {
        var rowEnds: [Int] = []
        return lines.map { line in
            let extent = line.labelExtent(x: axis.x(line.day))
            if let row = rowEnds.firstIndex(where: { $0 < extent.lowerBound }) {
                rowEnds[row] = extent.upperBound
                return row
            }
            rowEnds.append(extent.upperBound)
            return rowEnds.count - 1
        }
    }

    /// `labelRow` puts the label in its row above the plot (see `labelRows`).
    func svg(x: Int, bottom: Int, labelRow: Int) -> String {
        let (colour, dash, weight) =
            switch style {
            case .deadline: ("#c00000", "6 3", "2")
            case .committee: ("#1f3864", "2 2", "1.5")
            case .today: ("#000000", "", "1.5")
            }
        let dashAttr = dash.isEmpty ? "" : " stroke-dasharray=\"\(dash)\""
        let labelY = 13 + labelRow * 15
        let anchor = isLabelLeft(x: x) ? "end" : "start"
        let labelX = isLabelLeft(x: x) ? x - 3 : x + 3
        let text = Escaping.xml("\(label) \(DisplayText.day(day))")
        return
            "<line x1=\"\(x)\" y1=\"\(labelY + 2)\" x2=\"\(x)\" y2=\"\(bottom)\" stroke=\"\(colour)\" stroke-width=\"\(weight)\"\(dashAttr)/>\n"
            + "<text x=\"\(labelX)\" y=\"\(labelY)\" font-size=\"12\" fill=\"\(colour)\" text-anchor=\"\(anchor)\">\(text)</text>"
    }
}

/// One action drawn on the timeline: a diamond for a date, a bar for a period.
struct TimelineItem {
    let action: ActionRow
    let x0: Int
    let x1: Int
    let isOpenEnded: Bool
    let isDate: Bool

    init(action: ActionRow, span: (start: Day, end: Day?), axis: MonthAxis) {
        self.action = action
        x0 = axis.x(span.start)
        x1 = span.end.map(axis.x) ?? axis.right
        isOpenEnded = span.end == nil
        isDate = span.end == span.start
    }

    /// The pixels the item and its reference label take up, for lane packing.
    var occupied: ClosedRange<Int> { (x0 - 6)...(x1 + 10 + 7 * label.count) }

    /// The reference, with "overdue" after it when the action is overdue.
    var label: String { action.isOverdue ? "\(action.ref) overdue" : action.ref.description }

    /// Greedy interval packing: each item goes in the first lane where it does not overlap.
    static func pack(_ items: [TimelineItem]) -> [[TimelineItem]] {
        var lanes: [[TimelineItem]] = []
        for item in items.sorted(by: { ($0.x0, $0.action.ref) < ($1.x0, $1.action.ref) }) {
            if let lane = lanes.firstIndex(where: { $0.last!.occupied.upperBound < item.occupied.lowerBound }) {
                lanes[lane].append(item)
            } else {
                lanes.append([item])
            }
        }
        return lanes
    }

    /// The shape (outlined in red when overdue) and its label on a white halo, so the
    /// reference lines under it never overprint the text.
    func svg(midY y: Int, axisEnd: Int) -> String {
        let fill = "#" + DisplayText.statusColour(action.status)
        let title = Escaping.xml(
            "\(action.ref) \(action.text) — due \(action.due?.text ?? "") — \(DisplayText.status(action.status))"
                + (action.isOverdue ? " — overdue" : ""))
        let stroke = action.isOverdue ? "stroke=\"#c00000\" stroke-width=\"2.5\"" : "stroke=\"#000000\""
        let shape: String
        if isDate {
            shape =
                "<polygon points=\"\(x0 - 6),\(y) \(x0),\(y - 6) \(x0 + 6),\(y) \(x0),\(y + 6)\" fill=\"\(fill)\" \(stroke)/>"
        } else {
            let dash = isOpenEnded ? " stroke-dasharray=\"3 2\"" : ""
            shape =
                "<rect x=\"\(x0)\" y=\"\(y - 4)\" width=\"\(max(2, x1 - x0))\" height=\"8\" fill=\"\(fill)\" \(stroke)\(dash)/>"
        }
        let labelX = (isDate ? x0 + 6 : x1) + 3
        let weight = action.isOverdue ? " font-weight=\"bold\" fill=\"#c00000\"" : ""
        return "<g><title>\(title)</title>\(shape)<text x=\"\(labelX)\" y=\"\(y + 4)\" font-size=\"12\"\(weight) "
            + "stroke=\"#ffffff\" stroke-width=\"3\" paint-order=\"stroke\">\(Escaping.xml(label))</text></g>"
    }
}
