import LedeIO

/// Reads the fixed-size records of one partial file in order, through one reused buffer.
///
/// Checks the header, the trailer's record count, each record's ranges and
/// that keys strictly increase, so that a damaged or truncated partial stops
/// a read or a merge with the file's path instead of producing wrong rows or
/// crashing. Records are remapped to another name table's ranks as they are
/// read (the map is monotone, so order is kept). Memory: one buffer, whatever
/// the file's size.
final class _CellReader<Cell: _BinaryCell> {
    /// The file, for error messages.
    let path: String
    /// Records not yet read.
    private(set) var remaining: Int
    private let descriptor: FileDescriptor
    private let buffer: UnsafeMutableRawBufferPointer
    private var position = 0
    private var filled = 0
    private let names: Int
    private let map: [UInt32]
    private var previousKey: UInt64 = 0
    private var hasPrevious = false

    /// Opens `directory`'s file of `Cell`'s table.
    ///
    /// - Parameters:
    ///   - directory: A partial directory.
    ///   - names: The number of keys in the partial's name table.
    ///   - map: Where each rank goes (`names` entries).
    /// - Throws: ``AggregationError`` when the file is missing, not of this table, or of the wrong size.
    init(directory: String, names: Int, map: [UInt32]) throws {
        path = Cell.file.path(in: directory)
        self.names = names
        self.map = map
        do {
            descriptor = try FileDescriptor.openForReading(path)
        } catch {
            throw AggregationError("cannot open partial file: \(error)", path: path)
        }
        buffer = .allocate(byteCount: Cell.recordSize * 4096, alignment: 16)
        remaining = 0
        let size = Int(try descriptor.size())
        let payload = size - _PartialFile.headerSize - _PartialFile.trailerSize
        guard payload >= 0, payload % Cell.recordSize == 0 else {
            throw AggregationError("truncated or damaged partial file (\(size) bytes)", path: path)
        }
        remaining = payload / Cell.recordSize
        try readExactly(_PartialFile.headerSize)
        let header = UnsafeRawBufferPointer(buffer)
        guard UInt32(littleEndian: header.loadUnaligned(as: UInt32.self)) == _PartialFile.magic,
            UInt32(littleEndian: header.loadUnaligned(fromByteOffset: 4, as: UInt32.self)) == Cell.file.tag,
            UInt32(littleEndian: header.loadUnaligned(fromByteOffset: 8, as: UInt32.self)) == UInt32(Cell.recordSize)
        else {
            throw AggregationError("not a Lede \(Cell.file.rawValue) file (header differs)", path: path)
        }
        if remaining == 0 { try checkTrailer() }
    }

    deinit {
        try? descriptor.close()
        buffer.deallocate()
    }

    /// The next record, remapped, or `nil` after the last one.
    ///
    /// - Throws: ``AggregationError`` for a record out of range or out of order, or a trailer that disagrees.
    @inline(__always)
    func next() throws -> Cell? {
        if position == filled {
            guard remaining > 0 else { return nil }
            try refill()
        }
        let cell = Cell(loading: UnsafeRawPointer(buffer.baseAddress! + position))
        position += Cell.recordSize
        if let problem = cell.problem(names: names) { throw failure(problem) }
        if hasPrevious && cell.key <= previousKey { throw failure("records not sorted by key or key repeated") }
        hasPrevious = true
        previousKey = cell.key
        return map.withUnsafeBufferPointer { cell.remapped($0) }
    }

    private func failure(_ message: String) -> AggregationError {
        AggregationError("\(message) (record \(recordNumber))", path: path)
    }

    /// The 1-based number of the record last read.
    private var recordNumber: Int { recordsRead - (filled - position) / Cell.recordSize }
    private var recordsRead = 0

    private func refill() throws {
        let records = min(remaining, buffer.count / Cell.recordSize)
        try readExactly(records * Cell.recordSize)
        remaining -= records
        recordsRead += records
        if remaining == 0 { try checkTrailer() }
        position = 0
        filled = records * Cell.recordSize
    }

    /// Reads the trailer after the last record and checks its record count.
    private func checkTrailer() throws {
        var trailer: UInt64 = 0
        let count = try withUnsafeMutableBytes(of: &trailer) { try readFully(into: $0) }
        guard count == 8, UInt64(littleEndian: trailer) == UInt64(recordsRead) else {
            throw AggregationError("truncated or damaged partial file (record count differs)", path: path)
        }
    }

    /// Fills the first `count` bytes of the buffer.
    private func readExactly(_ count: Int) throws {
        let got = try readFully(into: UnsafeMutableRawBufferPointer(rebasing: buffer[0..<count]))
        guard got == count else { throw AggregationError("truncated partial file", path: path) }
    }

    /// Reads until `target` is full or the file ends; returns the bytes read.
    private func readFully(into target: UnsafeMutableRawBufferPointer) throws -> Int {
        var done = 0
        while done < target.count {
            let n = try descriptor.read(into: UnsafeMutableRawBufferPointer(rebasing: target[done...]))
            if n == 0 { break }
            done += n
        }
        return done
    }
}
