import LedeIO

/// A compact cell as a varint-coded record of a partial file.
///
/// A record is the difference between its key and the previous record's key
/// (the key itself for the first record), then the cell's other fields, each
/// an unsigned LEB128 varint (see ``_OutputBuffer/appendVarint(_:)``). Keys
/// strictly increase, so the difference is never 0 after the first record, and
/// neighbouring keys of a sorted table are close: most records take a few bytes.
protocol _BinaryCell: _CompactCell, BitwiseCopyable {
    /// The file that holds this table.
    static var file: _PartialFile { get }
    /// The most bytes a record takes: 10 per varint.
    static var maxRecordSize: Int { get }
    /// Decodes the fields after the key of a record whose key is `key`.
    ///
    /// A key that does not fit the cell makes a cell whose ``key`` differs from it.
    init(key: UInt64, decoding fields: inout _VarintDecoder)
    /// Writes the fields after the key.
    func storeFields(into buffer: inout _OutputBuffer) throws(SystemError)
    /// What is wrong with the record for a name table of `names` keys, or `nil`.
    func problem(names: Int) -> String?
}

extension _BinaryCell {
    /// Writes the record that follows a record of key `previousKey` (0 before the first).
    @inline(__always)
    func store(into buffer: inout _OutputBuffer, after previousKey: UInt64) throws(SystemError) {
        try buffer.appendVarint(key &- previousKey)
        try storeFields(into: &buffer)
    }
}

extension _EntityCell: _BinaryCell {
    static var file: _PartialFile { .entities }
    static var maxRecordSize: Int { 50 }

    @inline(__always)
    init(key: UInt64, decoding fields: inout _VarintDecoder) {
        self.init(
            name: UInt32(truncatingIfNeeded: key), firstDay: fields.next32(), lastDay: fields.next32(),
            mentions: fields.nextCount(), documents: fields.nextCount())
    }

    @inline(__always)
    func storeFields(into buffer: inout _OutputBuffer) throws(SystemError) {
        try buffer.appendVarint(UInt64(firstDay))
        try buffer.appendVarint(UInt64(lastDay))
        try buffer.appendVarint(UInt64(truncatingIfNeeded: mentions))
        try buffer.appendVarint(UInt64(truncatingIfNeeded: documents))
    }

    func problem(names: Int) -> String? {
        if Int(name) >= names { return "name \(name) out of range" }
        if mentions < 0 || documents < 0 { return "negative count" }
        if (firstDay != 0 && !Day.isValid(packed: firstDay)) || (lastDay != 0 && !Day.isValid(packed: lastDay)) {
            return "bad date"
        }
        return nil
    }
}

extension _PairCell: _BinaryCell {
    static var file: _PartialFile { .cooccurrences }
    static var maxRecordSize: Int { 20 }

    @inline(__always)
    init(key: UInt64, decoding fields: inout _VarintDecoder) {
        self.init(key: key, documents: fields.nextCount())
    }

    @inline(__always)
    func storeFields(into buffer: inout _OutputBuffer) throws(SystemError) {
        try buffer.appendVarint(UInt64(truncatingIfNeeded: documents))
    }

    @inline(__always)
    func problem(names: Int) -> String? {
        let a = key >> 32
        let b = key & 0xFFFF_FFFF
        if a >= b || b >= UInt64(names) { return "pair (\(a), \(b)) out of range or out of order" }
        if documents < 0 { return "negative count" }
        return nil
    }
}

extension _TimelineCell: _BinaryCell {
    static var file: _PartialFile { .timeline }
    static var maxRecordSize: Int { 30 }

    @inline(__always)
    init(key: UInt64, decoding fields: inout _VarintDecoder) {
        self.init(key: key, mentions: fields.nextCount(), documents: fields.nextCount())
    }

    @inline(__always)
    func storeFields(into buffer: inout _OutputBuffer) throws(SystemError) {
        try buffer.appendVarint(UInt64(truncatingIfNeeded: mentions))
        try buffer.appendVarint(UInt64(truncatingIfNeeded: documents))
    }

    @inline(__always)
    func problem(names: Int) -> String? {
        if key & 0xFFFF_FFFF >= UInt64(names) { return "name \(key & 0xFFFF_FFFF) out of range" }
        if mentions < 0 || documents < 0 { return "negative count" }
        if !Day.isValid(packed: UInt32(key >> 32)) { return "bad date" }
        return nil
    }
}
