/// A calendar day of the proleptic Gregorian calendar, years 1 through 9999.
///
/// Stored as the number `yyyymmdd`, so that the natural integer order is the
/// calendar order and the text form `YYYY-MM-DD` sorts the same way bytewise.
public struct Day: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The day as `year * 10_000 + month * 100 + day`, for example `20190512`.
    public let packed: UInt32

    /// The year, 1 through 9999.
    public var year: Int { Int(packed / 10_000) }
    /// The month, 1 through 12.
    public var month: Int { Int(packed / 100 % 100) }
    /// The day of the month, 1 through 31.
    public var day: Int { Int(packed % 100) }

    /// Makes a day from its parts, or `nil` when they do not name a real day.
    ///
    /// - Parameters:
    ///   - year: 1 through 9999.
    ///   - month: 1 through 12.
    ///   - day: 1 through the length of that month (29 February only in leap years).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
            day >= 1, day <= Day.length(ofMonth: month, year: year)
        else { return nil }
        packed = UInt32(year * 10_000 + month * 100 + day)
    }

    /// Reads the day at the start of a raw date field.
    ///
    /// Accepts `2019-05-12`, `2019-05-12T10:00:00Z`, `2019-05-12 10:00` and any
    /// other text that starts with a valid `YYYY-MM-DD` not followed by another
    /// digit. Time zones are not applied: the day is the one written.
    ///
    /// Fails when the field does not start with a valid day.
    ///
    /// - Parameter bytes: The field's UTF-8 bytes.
    /// - Complexity: O(1); reads at most 11 bytes.
    public init?(prefixOf bytes: UnsafeRawBufferPointer) {
        guard let packed = Day.parsePrefix(bytes) else { return nil }
        self.packed = packed
    }

    /// Reads a day written exactly as `YYYY-MM-DD`.
    ///
    /// - Parameter text: Ten characters, such as `2019-05-12`.
    public init?(_ text: String) {
        var text = text
        let packed: UInt32? = text.withUTF8 { utf8 in
            utf8.count == 10 ? Day.parsePrefix(UnsafeRawBufferPointer(utf8)) : nil
        }
        guard let packed else { return nil }
        self.packed = packed
    }

    /// Wraps a value already known to be valid (read from Lede's own files or tables).
    init(_uncheckedPacked packed: UInt32) {
        self.packed = packed
    }

    /// The day as `YYYY-MM-DD`.
    public var description: String {
        var bytes = [UInt8](repeating: 0, count: 10)
        bytes.withUnsafeMutableBufferPointer { Day.write(packed, into: $0.baseAddress!) }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Whether `lhs` is an earlier day than `rhs`.
    public static func < (lhs: Day, rhs: Day) -> Bool { lhs.packed < rhs.packed }

    /// Whether `packed` is the packed form of a real day.
    static func isValid(packed: UInt32) -> Bool {
        Day(year: Int(packed / 10_000), month: Int(packed / 100 % 100), day: Int(packed % 100)) != nil
    }

    /// Parses a leading `YYYY-MM-DD` into its packed form.
    static func parsePrefix(_ bytes: UnsafeRawBufferPointer) -> UInt32? {
        guard bytes.count >= 10 else { return nil }
        // A trailing digit means something like `2019-05-123`, which is not a day.
        if bytes.count > 10 && isDigit(bytes[10]) { return nil }
        guard bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
        guard let year = number(bytes, 0, 4), let month = number(bytes, 5, 2), let day = number(bytes, 8, 2) else {
            return nil
        }
        guard (1...9999).contains(year), (1...12).contains(month), day >= 1,
            day <= length(ofMonth: month, year: year)
        else { return nil }
        return UInt32(year * 10_000 + month * 100 + day)
    }

    /// Writes `YYYY-MM-DD` (10 bytes) for a packed day.
    static func write(_ packed: UInt32, into out: UnsafeMutablePointer<UInt8>) {
        let zero = UInt8(ascii: "0")
        let year = packed / 10_000
        let month = packed / 100 % 100
        let day = packed % 100
        out[0] = zero + UInt8(year / 1000)
        out[1] = zero + UInt8(year / 100 % 10)
        out[2] = zero + UInt8(year / 10 % 10)
        out[3] = zero + UInt8(year % 10)
        out[4] = UInt8(ascii: "-")
        out[5] = zero + UInt8(month / 10)
        out[6] = zero + UInt8(month % 10)
        out[7] = UInt8(ascii: "-")
        out[8] = zero + UInt8(day / 10)
        out[9] = zero + UInt8(day % 10)
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte &- UInt8(ascii: "0") < 10 }

    private static func number(_ bytes: UnsafeRawBufferPointer, _ start: Int, _ count: Int) -> Int? {
        var value = 0
        for index in start..<(start + count) {
            let digit = bytes[index] &- UInt8(ascii: "0")
            guard digit < 10 else { return nil }
            value = value * 10 + Int(digit)
        }
        return value
    }

    private static func length(ofMonth month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}
