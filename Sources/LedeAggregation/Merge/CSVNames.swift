import LedeIO

/// Every name of a merged name table as ready-made CSV: the quoted name, a comma and the label.
///
/// Built once per merge, so that writing a row copies bytes instead of quoting
/// (and checking for quotes) on every row. Pair rows look names up in random
/// order, so each name sits in its own 32-byte slot (one cache line at most):
/// byte 0 is the length and bytes 1…31 the text; the rare longer ones are
/// marked 255 and kept in a side arena.
struct _CSVNames: Sendable {
    /// Four words per name, plus one padding slot so that a slot's last word may be over-read.
    private var slots: [UInt64] = []
    private var long: [UInt8] = []
    private var longRanges: [Range<Int>] = []

    /// Renders every name of `names`.
    init(_ names: _NameTable) {
        slots = [UInt64](repeating: 0, count: (names.count + 1) * 4)
        var field: [UInt8] = []
        slots.withUnsafeMutableBytes { slots in
            for index in 0..<names.count {
                field.removeAll(keepingCapacity: true)
                names.withBytes(index) { _CSVWriter.appendField($0, to: &field) }
                field.append(0x2C)
                field.append(contentsOf: names.label(index).name.utf8)
                let slot = slots.baseAddress! + index * 32
                if field.count <= 31 {
                    slot.storeBytes(of: UInt8(field.count), as: UInt8.self)
                    field.withUnsafeBytes { (slot + 1).copyMemory(from: $0.baseAddress!, byteCount: $0.count) }
                } else {
                    slot.storeBytes(of: UInt8(255), as: UInt8.self)
                    slot.storeBytes(of: UInt32(longRanges.count), toByteOffset: 4, as: UInt32.self)
                    longRanges.append(long.count..<(long.count + field.count))
                    long.append(contentsOf: field)
                }
            }
        }
    }

    /// The number of bytes of `name,LABEL` for rank `index`, or 255 when it is longer than 31.
    ///
    /// Reads the first byte of the rank's slot, which brings the slot into the cache.
    @inline(__always)
    func slotLength(_ index: Int) -> Int {
        slots.withUnsafeBytes { Int($0.load(fromByteOffset: index &* 32, as: UInt8.self)) }
    }

    /// Appends `name,LABEL` for rank `index`.
    @inline(__always)
    func append(_ index: Int, to out: inout _OutputBuffer) throws {
        let long = try slots.withUnsafeBytes { slots -> Int? in
            let slot = slots.baseAddress! + index &* 32
            let length = slot.load(as: UInt8.self)
            guard length != 255 else { return Int(slot.load(fromByteOffset: 4, as: UInt32.self)) }
            try out.appendSlot(slot + 1, count: Int(length))
            return nil
        }
        if let long {
            let range = longRanges[long]
            try self.long.withUnsafeBytes { try out.append(UnsafeRawBufferPointer(rebasing: $0[range])) }
        }
    }
}
