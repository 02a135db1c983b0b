/// Reads the unsigned LEB128 varints that ``_OutputBuffer/appendVarint(_:)`` writes.
///
/// The caller guarantees that 10 bytes past the start of every varint are
/// readable (a varint never takes more), so a read needs no bounds check; the
/// caller compares the position with the end of its valid bytes afterwards.
/// A varint longer than 64 bits or not in its shortest form (a last byte of 0
/// after others) sets ``malformed`` instead of throwing, so that a record's
/// fields decode without a branch to an error path each; the caller checks it
/// once per record. Shortest forms only keep a table's bytes a function of its rows.
struct _VarintDecoder {
    /// Where the next varint starts.
    private(set) var position: UnsafeRawPointer
    /// Whether a varint read so far was too long or not in its shortest form.
    private(set) var malformed = false

    init(_ position: UnsafeRawPointer) {
        self.position = position
    }

    /// The next varint.
    @inline(__always)
    mutating func next() -> UInt64 {
        var byte = position.load(as: UInt8.self)
        position += 1
        if byte < 0x80 { return UInt64(byte) }
        var value = UInt64(byte & 0x7F)
        var shift: UInt64 = 7
        while true {
            byte = position.load(as: UInt8.self)
            position += 1
            if byte < 0x80 {
                // The 10th byte holds bit 63 only; a last byte of 0 adds nothing.
                if byte == 0 || (shift == 63 && byte > 1) { malformed = true }
                return value | UInt64(byte) &<< shift
            }
            value |= UInt64(byte & 0x7F) &<< shift
            shift += 7
            if shift > 63 {
                malformed = true
                return value
            }
        }
    }

    /// The next varint, which must fit 32 bits.
    @inline(__always)
    mutating func next32() -> UInt32 {
        let value = next()
        if value > UInt64(UInt32.max) { malformed = true }
        return UInt32(truncatingIfNeeded: value)
    }

    /// The next varint as a count; one above `Int.max` becomes negative, which the cell's check refuses.
    @inline(__always)
    mutating func nextCount() -> Int {
        Int(truncatingIfNeeded: next())
    }
}
