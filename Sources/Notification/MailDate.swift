#if canImport(Glibc)
import Glibc
#endif

/// An RFC 5322 date-time (`Wed, 25 Nov 2026 09:08:11 +0100`), the layout keepalived's Date header
/// has. The fields are data so the formatting is tested without a clock or a time zone.
public struct MailDate: Sendable, Hashable, CustomStringConvertible {
    public var year: Int
    /// 1...12
    public var month: Int
    /// 1...31
    public var day: Int
    /// 0 = Sunday ... 6 = Saturday
    public var weekday: Int
    public var hour: Int
    public var minute: Int
    public var second: Int
    /// East of UTC, in seconds.
    public var utcOffset: Int

    public init(year: Int, month: Int, day: Int, weekday: Int, hour: Int, minute: Int, second: Int, utcOffset: Int) {
        self.year = year
        self.month = month
        self.day = day
        self.weekday = weekday
        self.hour = hour
        self.minute = minute
        self.second = second
        self.utcOffset = utcOffset
    }

    private static let weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// RFC 5322 §3.3 date-time; the names are English whatever the locale.
    public var description: String {
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }
        let offsetMinutes = abs(utcOffset) / 60
        let zone = (utcOffset < 0 ? "-" : "+") + two(offsetMinutes / 60) + two(offsetMinutes % 60)
        return "\(Self.weekdays[weekday % 7]), \(two(day)) \(Self.months[(month - 1) % 12]) \(year) "
            + "\(two(hour)):\(two(minute)):\(two(second)) \(zone)"
    }

    /// The local time of `seconds` since the epoch (keepalived dates its mail in local time).
    public static func local(secondsSinceEpoch seconds: Int) -> MailDate {
        var clock = time_t(seconds)
        var parts = tm()
        localtime_r(&clock, &parts)
        return MailDate(
            year: Int(parts.tm_year) + 1900, month: Int(parts.tm_mon) + 1, day: Int(parts.tm_mday),
            weekday: Int(parts.tm_wday), hour: Int(parts.tm_hour), minute: Int(parts.tm_min), second: Int(parts.tm_sec),
            utcOffset: Int(parts.tm_gmtoff))
    }
}
