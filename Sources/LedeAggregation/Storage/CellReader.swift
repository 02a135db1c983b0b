import LedeIO

/// Reads the varint-coded records of one partial file in order, through one reused buffer.
///
/// Checks the header, each varint (no longer than 64 bits, in its shortest
/// form), each record's ranges, that keys strictly increase (a difference of 0
/// or one that overflows is refused), that the last record ends where the
/// trailer starts and the trailer's record count, so that a damaged or
/// truncated partial stops a read or a merge with the file's path instead of
/// producing wrong rows or crashing. Records are remapped to another name
/// table's ranks as they are read (the map is monotone, so order is kept).
/// Memory: one buffer, whatever the file's size.
final class _CellReader<Cell: _BinaryCell> {
    /// The file, for error messages.
    let path: String
    private let descriptor: FileDescriptor
    /// ``capacity`` bytes read from the file, then `Cell.maxRecordSize` bytes that
    /// a record cut short by the end of the valid bytes may run into.
    private let buffer: UnsafeMutableRawPointer
    private static var capacity: Int { 64 << 10 }
    /// Where the next record starts in the buffer.
    private var position = 0
    /// The number of valid bytes in the buffer.
    private var filled = 0
    /// Bytes of records in the file not yet read into the buffer.
    private var unread = 0
    private var recordsRead = 0
    private var finished = false
    /// Records decoded ahead, of which `blockPosition..<blockCount` are not yet returned.
    private let block: UnsafeMutablePointer<Cell>
    private static var blockCapacity: Int { 64 }
    private var blockPosition = 0
    private var blockCount = 0
    private let names: Int
    /// A copy of the rank map, read without reference counting per record.
    private let map: UnsafeMutableBufferPointer<UInt32>
    private var previousKey: UInt64 = 0

    /// Opens `directory`'s file of `Cell`'s table.
    ///
    /// - Parameters:
    ///   - directory: A partial directory.
    ///   - names: The number of keys in the partial's name table.
    ///   - map: Where each rank goes (`names` entries).
    /// - Throws: ``AggregationError`` when the file is missing, not of this table, or too short.
    init(directory: String, names: Int, map: [UInt32]) throws {
        path = Cell.file.path(in: directory)
        self.names = names
        do {
            descriptor = try FileDescriptor.openForReading(path)
        } catch {
            throw AggregationError("cannot open partial file: \(error)", path: path)
        }
        // Initialized in full before anything else can throw, so that `deinit` frees.
        self.map = .allocate(capacity: map.count)
        _ = self.map.initialize(from: map)
        let allocated = Self.capacity + Cell.maxRecordSize
        buffer = .allocate(byteCount: allocated, alignment: 16)
        buffer.initializeMemory(as: UInt8.self, repeating: 0, count: allocated)
        block = .allocate(capacity: Self.blockCapacity)
        let size = Int(try descriptor.size())
        unread = size - _PartialFile.headerSize - _PartialFile.trailerSize
        guard unread >= 0 else {
            throw AggregationError("truncated or damaged partial file (\(size) bytes)", path: path)
        }
        let header = UnsafeMutableRawBufferPointer(start: buffer, count: _PartialFile.headerSize)
        guard try readFully(into: header) == header.count else {
            throw AggregationError("truncated partial file", path: path)
        }
        guard UInt32(littleEndian: header.loadUnaligned(as: UInt32.self)) == _PartialFile.magic,
            UInt32(littleEndian: header.loadUnaligned(fromByteOffset: 4, as: UInt32.self)) == Cell.file.tag,
            UInt32(littleEndian: header.loadUnaligned(fromByteOffset: 8, as: UInt32.self)) == 0
        else {
            throw AggregationError("not a Lede \(Cell.file.rawValue) file (header differs)", path: path)
        }
    }

    deinit {
        try? descriptor.close()
        buffer.deallocate()
        map.deallocate()
        block.deallocate()
    }

    /// The next record, remapped, or `nil` after the last one.
    ///
    /// - Throws: ``AggregationError`` for a malformed varint, a record out of
    ///   range, out of order or running past the end, or a trailer that disagrees.
    @inline(__always)
    func next() throws -> Cell? {
        if _slowPath(blockPosition == blockCount) {
            try decodeBlock()
            if blockCount == 0 { return nil }
        }
        defer { blockPosition += 1 }
        return block[blockPosition]
    }

    /// Decodes and checks, without returning them, the records whose keys in
    /// the partial's own ranks are below `bound`, so that ``next()`` starts at
    /// the first record at or above it (a key range of a table merged in parts).
    ///
    /// Skipped records are checked as ``next()`` checks them, and reaching the
    /// end checks the trailer; only their remapping is saved.
    ///
    /// - Precondition: Nothing was read yet.
    /// - Throws: What ``next()`` throws.
    func skip(below bound: UInt64) throws {
        precondition(recordsRead == 0 && blockCount == 0, "skip(below:) after reading \(path)")
        while true {
            if _slowPath(filled - position < Cell.maxRecordSize) {
                try refill()
                if position == filled {
                    try finish()
                    return
                }
            }
            let cell = try decodeUnmapped()
            if cell.key >= bound {
                block.initialize(to: cell.remapped(UnsafeBufferPointer(map)))
                blockCount = 1
                return
            }
        }
    }

    /// Decodes the next records into ``block``, none after the last one.
    ///
    /// Decoding a block in one loop lets the look-ups in the rank map of its
    /// records, scattered for pair tables, wait for the cache together.
    private func decodeBlock() throws {
        blockPosition = 0
        blockCount = 0
        while blockCount < Self.blockCapacity {
            if _slowPath(filled - position < Cell.maxRecordSize) {
                try refill()
                if position == filled {
                    try finish()
                    return
                }
            }
            (block + blockCount).initialize(to: try decode())
            blockCount += 1
        }
    }

    /// Decodes, checks and remaps the record at ``position``.
    @inline(__always)
    private func decode() throws -> Cell {
        try decodeUnmapped().remapped(UnsafeBufferPointer(map))
    }

    /// Decodes and checks the record at ``position``, in the partial's own ranks.
    @inline(__always)
    private func decodeUnmapped() throws -> Cell {
        var fields = _VarintDecoder(UnsafeRawPointer(buffer + position))
        let difference = fields.next()
        let (key, overflow) = previousKey.addingReportingOverflow(difference)
        let cell = Cell(key: key, decoding: &fields)
        position = fields.position - UnsafeRawPointer(buffer)
        recordsRead += 1
        if _slowPath(position > filled) {
            throw AggregationError("truncated or damaged partial file (record runs past the end)", path: path)
        }
        if _slowPath(fields.malformed) { throw failure("malformed number") }
        if _slowPath(overflow || (difference == 0 && recordsRead > 1)) {
            throw failure("records not sorted by key or key repeated")
        }
        if _slowPath(cell.key != key) { throw failure("key \(key) out of range") }
        if let problem = cell.problem(names: names) { throw failure(problem) }
        previousKey = key
        return cell
    }

    private func failure(_ message: String) -> AggregationError {
        AggregationError("\(message) (record \(recordsRead))", path: path)
    }

    /// Moves the bytes not yet decoded to the front of the buffer and fills the rest from the file.
    private func refill() throws {
        guard unread > 0 else { return }
        let kept = filled - position
        buffer.copyMemory(from: buffer + position, byteCount: kept)
        let count = min(unread, Self.capacity - kept)
        let got = try readFully(into: UnsafeMutableRawBufferPointer(start: buffer + kept, count: count))
        guard got == count else { throw AggregationError("truncated partial file", path: path) }
        unread -= count
        position = 0
        filled = kept + count
    }

    /// Reads the trailer after the last record and checks its record count, once.
    private func finish() throws {
        guard !finished else { return }
        var trailer: UInt64 = 0
        let count = try withUnsafeMutableBytes(of: &trailer) { try readFully(into: $0) }
        guard count == 8, UInt64(littleEndian: trailer) == UInt64(recordsRead) else {
            throw AggregationError("truncated or damaged partial file (record count differs)", path: path)
        }
        finished = true
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
