/// A calendar day in the proleptic Gregorian calendar, without time or zone.
///
/// The corpus only needs whole days ("2019-05-12"), and converting to and from
/// a day count with integer arithmetic keeps Foundation's `Calendar` out of the
/// per-document path.
public struct SampleDay: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The year, e.g. 2019.
    public let year: Int
    /// The month, 1–12.
    public let month: Int
    /// The day of the month, 1–31.
    public let day: Int

    /// Creates a day; traps unless it exists in the calendar.
    public init(year: Int, month: Int, day: Int) {
        precondition((1...12).contains(month), "month must be 1–12")
        precondition(day >= 1 && day <= SampleDay.daysIn(month: month, year: year), "no such day in that month")
        self.year = year
        self.month = month
        self.day = day
    }

    /// The day `daysSinceEpoch` days after 1970-01-01 (negative: before).
    public init(daysSinceEpoch: Int) {
        let c = SampleDay.civil(fromDays: daysSinceEpoch)
        year = c.year
        month = c.month
        day = c.day
    }

    /// Days since 1970-01-01.
    public var daysSinceEpoch: Int {
        SampleDay.days(fromYear: year, month: month, day: day)
    }

    /// The day `count` days later (earlier when negative).
    public func adding(days count: Int) -> SampleDay {
        SampleDay(daysSinceEpoch: daysSinceEpoch + count)
    }

    /// Day of the week: 0 = Sunday … 6 = Saturday.
    public var weekday: Int {
        SampleDay.weekday(daysSinceEpoch: daysSinceEpoch)
    }

    /// ISO 8601 calendar date, "2019-05-12".
    public var description: String {
        func pad(_ v: Int, _ width: Int) -> String {
            let s = String(v)
            return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    public static func < (a: SampleDay, b: SampleDay) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }

    /// Whether `year` has a February 29.
    public static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    /// Number of days in `month` of `year`.
    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    // Howard Hinnant's days_from_civil / civil_from_days: exact, branch-light,
    // valid for any Int range we could meet.
    @inline(__always)
    static func days(fromYear year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    @inline(__always)
    static func civil(fromDays days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    @inline(__always)
    static func weekday(daysSinceEpoch days: Int) -> Int {
        // 1970-01-01 was a Thursday (4).
        let w = (days + 4) % 7
        return w < 0 ? w + 7 : w
    }
}
