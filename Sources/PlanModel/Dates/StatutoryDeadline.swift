/// The day a plan is due: the N-th working day of a statutory period that starts on the
/// inspection report's publication, and how it was worked out.
///
/// Counting (`DeadlineRule.FirstDay`):
/// - `.publication`: the publication day is working day 1 when it is a working day; when it
///   is not (a Saturday, a bank holiday), day 1 is the next working day.
/// - `.next`: day 1 is the first working day after the publication day.
///
/// The deadline is the day on which the N-th working day falls. For the 2008 Joint Area
/// Reviews, 70 working days from 3 June 2008 counting the publication day end on
/// 9 September 2008 (the Summer bank holiday of 25 August is passed over).
///
/// A period of zero working days (or fewer: the count is taken as 0) ends on the
/// publication day itself, with nothing counted and nothing skipped; this never fails.
public struct StatutoryDeadline: Hashable, Sendable, Codable {
    /// The publication day the period is counted from.
    public let from: Day
    /// The length of the period in working days (never negative).
    public let workingDays: Int
    /// Whether the publication day counts.
    public let firstDay: DeadlineRule.FirstDay
    /// The day the N-th working day falls on.
    public let deadline: Day
    /// Bank holidays passed over inside the period, in order: weekdays that would have
    /// counted had they not been holidays. The period is from the first day that could
    /// count (the publication day with `.publication`, the day after with `.next`) through
    /// the deadline.
    public let skipped: [BankHoliday]
    /// Saturdays and Sundays passed over inside the same period.
    public let weekendsSkipped: Int

    public init(
        from: Day, workingDays: Int, firstDay: DeadlineRule.FirstDay, deadline: Day,
        skipped: [BankHoliday], weekendsSkipped: Int
    ) {
        self.from = from
        self.workingDays = workingDays
        self.firstDay = firstDay
        self.deadline = deadline
        self.skipped = skipped
        self.weekendsSkipped = weekendsSkipped
    }

    /// Works out the deadline `workingDays` working days from `from` under `firstDay`, in
    /// `calendar`.
    ///
    /// The cost is proportional to the length of the period in days.
    public static func compute(
        from: Day, workingDays: Int, firstDay: DeadlineRule.FirstDay = .publication,
        calendar: WorkingCalendar = .englandAndWales
    ) -> StatutoryDeadline {
        let target = max(0, workingDays)
        guard target > 0 else {
            return StatutoryDeadline(
                from: from, workingDays: 0, firstDay: firstDay, deadline: from, skipped: [],
                weekendsSkipped: 0)
        }
        var lookup = WorkingCalendar.Lookup(calendar: calendar)
        var day = firstDay == .publication ? from : from.adding(days: 1)
        var counted = 0
        var skipped: [BankHoliday] = []
        var weekends = 0
        while true {
            if day.isWeekend {
                weekends += 1
            } else if let holiday = lookup.holiday(on: day) {
                skipped.append(holiday)
            } else {
                counted += 1
                if counted == target { break }
            }
            day = day.adding(days: 1)
        }
        return StatutoryDeadline(
            from: from, workingDays: target, firstDay: firstDay, deadline: day, skipped: skipped,
            weekendsSkipped: weekends)
    }

    /// Works out the deadline for a manifest's rule.
    public static func compute(
        from: Day, rule: DeadlineRule, calendar: WorkingCalendar = .englandAndWales
    ) -> StatutoryDeadline {
        compute(from: from, workingDays: rule.workingDays, firstDay: rule.firstDay, calendar: calendar)
    }

    /// The working days after `today` up to and including the deadline: how many full
    /// working days are left to finish the plan once `today` is over.
    ///
    /// 20 on the day 20 working days before the deadline, 1 on the working day before it,
    /// 0 on the deadline itself and every day after it (see `isPast(today:)`). Before the
    /// publication day the count runs from `today` too, so it can exceed `workingDays`.
    public func workingDaysLeft(
        today: Day, calendar: WorkingCalendar = .englandAndWales
    ) -> Int {
        calendar.workingDays(from: today.adding(days: 1), through: deadline)
    }

    /// Whether the deadline has gone by on `today`: true from the day after the deadline.
    /// On the deadline itself the plan is due but not yet late.
    public func isPast(today: Day) -> Bool {
        today > deadline
    }

    /// The first working day of the period (working day 1), or nil for a period of zero
    /// working days.
    public func firstWorkingDay(calendar: WorkingCalendar = .englandAndWales) -> Day? {
        guard workingDays > 0 else { return nil }
        return calendar.workingDay(onOrAfter: firstDay == .publication ? from : from.adding(days: 1))
    }
}
