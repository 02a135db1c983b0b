import LedeIO

/// A compact cell as a fixed-size little-endian record of a partial file.
protocol _BinaryCell: _CompactCell {
    /// The file that holds this table.
    static var file: _PartialFile { get }
    /// Bytes per record.
    static var recordSize: Int { get }
    /// Reads a record; its first 8 bytes are ``key``, except for entities.
    init(loading raw: UnsafeRawPointer)
    /// Writes the record.
    func store(into buffer: inout _OutputBuffer) throws
    /// What is wrong with the record for a name table of `names` keys, or `nil`.
    func problem(names: Int) -> String?
}

extension _EntityCell: _BinaryCell {
    static var file: _PartialFile { .entities }
    static var recordSize: Int { 32 }

    @inline(__always)
    init(loading raw: UnsafeRawPointer) {
        self.init(
            name: UInt32(littleEndian: raw.loadUnaligned(as: UInt32.self)),
            firstDay: UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: 4, as: UInt32.self)),
            lastDay: UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: 8, as: UInt32.self)),
            mentions: Int(Int64(littleEndian: raw.loadUnaligned(fromByteOffset: 16, as: Int64.self))),
            documents: Int(Int64(littleEndian: raw.loadUnaligned(fromByteOffset: 24, as: Int64.self))))
    }

    @inline(__always)
    func store(into buffer: inout _OutputBuffer) throws {
        try buffer.appendLittleEndian(name)
        try buffer.appendLittleEndian(firstDay)
        try buffer.appendLittleEndian(lastDay)
        try buffer.appendLittleEndian(UInt32(0))
        try buffer.appendLittleEndian(Int64(mentions))
        try buffer.appendLittleEndian(Int64(documents))
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
    static var recordSize: Int { 16 }

    @inline(__always)
    init(loading raw: UnsafeRawPointer) {
        self.init(
            key: UInt64(littleEndian: raw.loadUnaligned(as: UInt64.self)),
            documents: Int(Int64(littleEndian: raw.loadUnaligned(fromByteOffset: 8, as: Int64.self))))
    }

    @inline(__always)
    func store(into buffer: inout _OutputBuffer) throws {
        try buffer.appendLittleEndian(key)
        try buffer.appendLittleEndian(Int64(documents))
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
    static var recordSize: Int { 24 }

    @inline(__always)
    init(loading raw: UnsafeRawPointer) {
        self.init(
            key: UInt64(littleEndian: raw.loadUnaligned(as: UInt64.self)),
            mentions: Int(Int64(littleEndian: raw.loadUnaligned(fromByteOffset: 8, as: Int64.self))),
            documents: Int(Int64(littleEndian: raw.loadUnaligned(fromByteOffset: 16, as: Int64.self))))
    }

    @inline(__always)
    func store(into buffer: inout _OutputBuffer) throws {
        try buffer.appendLittleEndian(key)
        try buffer.appendLittleEndian(Int64(mentions))
        try buffer.appendLittleEndian(Int64(documents))
    }

    @inline(__always)
    func problem(names: Int) -> String? {
        if key & 0xFFFF_FFFF >= UInt64(names) { return "name \(key & 0xFFFF_FFFF) out of range" }
        if mentions < 0 || documents < 0 { return "negative count" }
        if !Day.isValid(packed: UInt32(key >> 32)) { return "bad date" }
        return nil
    }
}
