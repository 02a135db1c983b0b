/// A reference split of arbitrary bytes into UTF-8 units, written for clarity rather than speed,
/// to check the library's own fast validators against.
///
/// Bytes are read left to right: a well-formed sequence (per the Unicode table of well-formed
/// UTF-8 byte sequences) is one unit, and any other byte is a unit of one invalid byte. A
/// truncated sequence therefore becomes several invalid units, one per byte.
public struct UTF8Unit: Equatable, Sendable {
    /// Offset of the unit's first byte.
    public var start: Int
    /// 1 to 4 bytes.
    public var length: Int
    /// The scalar, or `nil` for an invalid byte.
    public var scalar: Unicode.Scalar?

    /// The offset just past the unit.
    public var end: Int { start + length }

    /// The units of `bytes`, in order, covering every byte.
    public static func split<C: RandomAccessCollection<UInt8>>(_ bytes: C) -> [UTF8Unit] where C.Index == Int {
        var units: [UTF8Unit] = []
        var i = bytes.startIndex
        while i < bytes.endIndex {
            if let (scalar, length) = decode(bytes, at: i) {
                units.append(UTF8Unit(start: i - bytes.startIndex, length: length, scalar: scalar))
                i += length
            } else {
                units.append(UTF8Unit(start: i - bytes.startIndex, length: 1, scalar: nil))
                i += 1
            }
        }
        return units
    }

    /// The first raw NUL byte or invalid unit, whichever comes first.
    public static func firstByteProblem<C: RandomAccessCollection<UInt8>>(
        _ bytes: C
    ) -> (isNUL: Bool, offset: Int)? where C.Index == Int {
        var i = bytes.startIndex
        while i < bytes.endIndex {
            guard let (scalar, length) = decode(bytes, at: i) else { return (false, i - bytes.startIndex) }
            if scalar.value == 0 { return (true, i - bytes.startIndex) }
            i += length
        }
        return nil
    }

    /// The well-formed sequence at `i`, decoded by the rules of Unicode's Table 3-7.
    static func decode<C: RandomAccessCollection<UInt8>>(_ bytes: C, at i: Int) -> (Unicode.Scalar, Int)?
    where C.Index == Int {
        let lead = bytes[i]
        if lead < 0x80 { return (Unicode.Scalar(lead), 1) }
        let length: Int
        let secondRange: ClosedRange<UInt8>
        switch lead {
        case 0xC2...0xDF: (length, secondRange) = (2, 0x80...0xBF)
        case 0xE0: (length, secondRange) = (3, 0xA0...0xBF)
        case 0xE1...0xEC, 0xEE...0xEF: (length, secondRange) = (3, 0x80...0xBF)
        case 0xED: (length, secondRange) = (3, 0x80...0x9F)
        case 0xF0: (length, secondRange) = (4, 0x90...0xBF)
        case 0xF1...0xF3: (length, secondRange) = (4, 0x80...0xBF)
        case 0xF4: (length, secondRange) = (4, 0x80...0x8F)
        default: return nil
        }
        guard i + length <= bytes.endIndex, secondRange.contains(bytes[i + 1]) else { return nil }
        var value = UInt32(lead) & (0xFF >> (length + 1))
        for k in 1..<length {
            let b = bytes[i + k]
            guard b & 0xC0 == 0x80 else { return nil }
            value = value << 6 | UInt32(b & 0x3F)
        }
        guard let scalar = Unicode.Scalar(value) else { return nil }
        return (scalar, length)
    }
}
