/// Appends JSON tokens to a byte buffer for the writer, without going through `String`.
public enum JSONOutput {
    /// Appends `bytes` as a quoted JSON string.
    ///
    /// `"` and `\` are escaped, control bytes become `\b` `\f` `\n` `\r` `\t` or `\u00XX`, and
    /// everything else, including multi-byte UTF-8, is copied as is in runs found eight bytes at a time.
    ///
    /// - Parameters:
    ///   - bytes: Valid UTF-8 (not checked: the scanner has already validated decoded fields).
    ///   - out: The buffer to append to.
    public static func appendString(_ bytes: UnsafeRawBufferPointer, to out: inout [UInt8]) {
        out.reserveCapacity(out.count + bytes.count + 2)
        out.append(UInt8(ascii: "\""))
        if let base = bytes.baseAddress {
            let count = bytes.count
            var runStart = 0
            var i = 0
            while true {
                i = nextEscape(base, from: i, count: count)
                appendRun(base, runStart, i, to: &out)
                if i == count { break }
                appendEscape(base.load(fromByteOffset: i, as: UInt8.self), to: &out)
                i += 1
                runStart = i
            }
        }
        out.append(UInt8(ascii: "\""))
    }

    /// Appends a string as a quoted JSON string.
    ///
    /// - Parameters:
    ///   - string: The string to write; its UTF-8 is escaped as by the byte overload.
    ///   - out: The buffer to append to.
    public static func appendString(_ string: String, to out: inout [UInt8]) {
        var string = string
        string.withUTF8 { appendString(UnsafeRawBufferPointer($0), to: &out) }
    }

    /// Appends the decimal digits of an integer, with a leading `-` when negative.
    ///
    /// - Parameters:
    ///   - value: Any `Int`, including `Int.min`.
    ///   - out: The buffer to append to.
    public static func appendInteger(_ value: Int, to out: inout [UInt8]) {
        // Work on the magnitude so that Int.min does not overflow on negation.
        var magnitude = value.magnitude
        if value < 0 { out.append(UInt8(ascii: "-")) }
        var digits = 1
        var limit: UInt = 10
        while digits < 20, magnitude >= limit {
            digits += 1
            limit = limit &* 10
        }
        let end = out.count + digits
        out.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: digits))
        out.withUnsafeMutableBufferPointer { buffer in
            var i = end
            repeat {
                i -= 1
                buffer[i] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: magnitude % 10)
                magnitude /= 10
            } while magnitude != 0
        }
    }

    /// The first offset at or after `start` of a byte that must be escaped, or `count`.
    @inline(__always)
    private static func nextEscape(_ base: UnsafeRawPointer, from start: Int, count: Int) -> Int {
        var i = start
        while i &+ 8 <= count {
            let mask = _SWAR.needsEscape(_SWAR.load(base, i))
            if mask != 0 { return i &+ _SWAR.firstIndex(mask) }
            i &+= 8
        }
        while i < count {
            let b = base.load(fromByteOffset: i, as: UInt8.self)
            if b == 0x22 || b == 0x5C || b < 0x20 { return i }
            i += 1
        }
        return count
    }

    @inline(__always)
    private static func appendRun(_ base: UnsafeRawPointer, _ from: Int, _ to: Int, to out: inout [UInt8]) {
        guard to > from else { return }
        // UnsafeRawBufferPointer copies into an Array with one memcpy (its _copyContents).
        out.append(contentsOf: UnsafeRawBufferPointer(start: base + from, count: to - from))
    }

    private static func appendEscape(_ b: UInt8, to out: inout [UInt8]) {
        let short: UInt8
        switch b {
        case 0x22: short = UInt8(ascii: "\"")
        case 0x5C: short = UInt8(ascii: "\\")
        case 0x08: short = UInt8(ascii: "b")
        case 0x0C: short = UInt8(ascii: "f")
        case 0x0A: short = UInt8(ascii: "n")
        case 0x0D: short = UInt8(ascii: "r")
        case 0x09: short = UInt8(ascii: "t")
        default:
            @inline(__always) func hexDigit(_ nibble: UInt8) -> UInt8 {
                nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "a") + nibble - 10
            }
            out.append(UInt8(ascii: "\\"))
            out.append(UInt8(ascii: "u"))
            out.append(UInt8(ascii: "0"))
            out.append(UInt8(ascii: "0"))
            out.append(hexDigit(b >> 4))
            out.append(hexDigit(b & 0xF))
            return
        }
        out.append(UInt8(ascii: "\\"))
        out.append(short)
    }
}
