import LedeIO

/// Bytes assembled in memory and handed to an ``AtomicFile`` in large blocks.
///
/// The writers of partial files and merged CSVs append through it, so a row
/// costs no system call, no allocation and no reference counting: the buffer
/// is one fixed allocation written through a raw pointer.
struct _OutputBuffer: ~Copyable {
    private let file: AtomicFile
    private let base: UnsafeMutableRawPointer
    private var count = 0
    private static let capacity = 512 << 10

    /// Starts `path` as an atomic file.
    ///
    /// - Parameters:
    ///   - path: The file to create or replace on ``commit()``.
    ///   - durable: Whether ``commit()`` flushes to stable storage before the rename.
    init(path: String, durable: Bool) throws(SystemError) {
        file = try AtomicFile(path: path, durable: durable, bufferSize: 0)
        base = .allocate(byteCount: _OutputBuffer.capacity, alignment: 16)
    }

    deinit {
        base.deallocate()
    }

    /// Writes what is buffered when fewer than `count` bytes are free, so that
    /// that many bytes of appends that follow flush at most once.
    @inline(__always)
    mutating func makeRoom(for count: Int) throws(SystemError) {
        if count > _OutputBuffer.capacity - self.count { try flush() }
    }

    /// Appends raw bytes.
    @inline(__always)
    mutating func append(_ raw: UnsafeRawBufferPointer) throws(SystemError) {
        let n = raw.count
        guard n > 0 else { return }
        if _slowPath(count + n > _OutputBuffer.capacity) {
            try flush()
            if n > _OutputBuffer.capacity {
                try file.write(raw)
                return
            }
        }
        _copySmall(from: raw.baseAddress!, to: base + count, count: n)
        count += n
    }

    /// Appends the bytes of an array.
    mutating func append(_ bytes: [UInt8]) throws(SystemError) {
        let result: SystemError? = bytes.withUnsafeBytes { raw in
            do throws(SystemError) {
                try append(raw)
                return nil
            } catch { return error }
        }
        if let result { throw result }
    }

    /// Appends the UTF-8 of a string.
    mutating func append(_ string: String) throws(SystemError) {
        try append(Array(string.utf8))
    }

    /// Appends the first `count` (≤ 31) bytes of a 32-byte slot, copying all 32.
    ///
    /// - Warning: `source` must be readable for 32 bytes.
    @inline(__always)
    mutating func appendSlot(_ source: UnsafeRawPointer, count: Int) throws(SystemError) {
        if _slowPath(self.count + 32 > _OutputBuffer.capacity) { try flush() }
        let target = base + self.count
        for offset in stride(from: 0, to: 32, by: 8) {
            target.storeBytes(
                of: source.loadUnaligned(fromByteOffset: offset, as: UInt64.self), toByteOffset: offset, as: UInt64.self)
        }
        self.count += count
    }

    /// Appends one byte.
    @inline(__always)
    mutating func append(_ byte: UInt8) throws(SystemError) {
        if _slowPath(count == _OutputBuffer.capacity) { try flush() }
        base.storeBytes(of: byte, toByteOffset: count, as: UInt8.self)
        count += 1
    }

    /// Appends a little-endian integer of `T`'s width.
    @inline(__always)
    mutating func appendLittleEndian<T: FixedWidthInteger>(_ value: T) throws(SystemError) {
        if _slowPath(count + MemoryLayout<T>.size > _OutputBuffer.capacity) { try flush() }
        base.storeBytes(of: value.littleEndian, toByteOffset: count, as: T.self)
        count += MemoryLayout<T>.size
    }

    /// Appends an unsigned LEB128 varint: 7 bits per byte, low bits first, the
    /// top bit set on every byte but the last (1 byte below 128, at most 10).
    @inline(__always)
    mutating func appendVarint(_ value: UInt64) throws(SystemError) {
        if _slowPath(count + 10 > _OutputBuffer.capacity) { try flush() }
        var rest = value
        var at = count
        while rest >= 0x80 {
            base.storeBytes(of: UInt8(truncatingIfNeeded: rest) | 0x80, toByteOffset: at, as: UInt8.self)
            rest >>= 7
            at += 1
        }
        base.storeBytes(of: UInt8(truncatingIfNeeded: rest), toByteOffset: at, as: UInt8.self)
        count = at + 1
    }

    /// Appends a decimal integer.
    @inline(__always)
    mutating func appendDecimal(_ value: Int) throws(SystemError) {
        if _slowPath(count + 21 > _OutputBuffer.capacity) { try flush() }
        if value < 0 {
            base.storeBytes(of: UInt8(ascii: "-"), toByteOffset: count, as: UInt8.self)
            count += 1
        }
        var magnitude = value.magnitude
        var digits = 1
        var probe = magnitude
        while probe >= 10 {
            probe /= 10
            digits += 1
        }
        var at = count + digits
        repeat {
            at -= 1
            base.storeBytes(
                of: UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: magnitude % 10), toByteOffset: at, as: UInt8.self)
            magnitude /= 10
        } while magnitude > 0
        count += digits
    }

    /// Appends a packed day as `YYYY-MM-DD`.
    @inline(__always)
    mutating func appendDay(_ packed: UInt32) throws(SystemError) {
        if _slowPath(count + 10 > _OutputBuffer.capacity) { try flush() }
        Day.write(packed, into: (base + count).assumingMemoryBound(to: UInt8.self))
        count += 10
    }

    private mutating func flush() throws(SystemError) {
        guard count > 0 else { return }
        try file.write(UnsafeRawBufferPointer(start: base, count: count))
        count = 0
    }

    /// Writes what is buffered and renames the file into place.
    consuming func commit() throws(SystemError) {
        try flush()
        try file.commit()
    }
}

/// Copies a few bytes without a `memcpy` call (most names and numbers are short), else calls it.
///
/// Up to 32 bytes are copied as (possibly overlapping) 8-byte words.
@inline(__always)
func _copySmall(from source: UnsafeRawPointer, to target: UnsafeMutableRawPointer, count: Int) {
    @inline(__always) func word(_ offset: Int) {
        target.storeBytes(of: source.loadUnaligned(fromByteOffset: offset, as: UInt64.self), toByteOffset: offset, as: UInt64.self)
    }
    if count >= 8 {
        guard count <= 32 else {
            target.copyMemory(from: source, byteCount: count)
            return
        }
        word(0)
        if count > 16 {
            word(8)
            word(count - 16)
        }
        word(count - 8)
    } else {
        for index in 0..<count {
            target.storeBytes(of: source.load(fromByteOffset: index, as: UInt8.self), toByteOffset: index, as: UInt8.self)
        }
    }
}
