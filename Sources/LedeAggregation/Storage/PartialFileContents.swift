import LedeIO

/// A whole partial file of variable-size records (names, tags, stats), read into memory and checked.
///
/// Reads go through bounds-checked accessors that throw an ``AggregationError``
/// naming the file, so truncated or damaged files never crash the reader.
struct _PartialFileContents {
    /// The file, for error messages.
    let path: String
    /// The number of records, from the trailer.
    let records: Int
    private let bytes: [UInt8]
    private var position = _PartialFile.headerSize
    private let end: Int

    /// Reads `file` of `directory` and checks its header and trailer.
    ///
    /// - Throws: ``AggregationError`` when the file is missing, short or of another table.
    init(_ file: _PartialFile, directory: String) throws {
        path = file.path(in: directory)
        do {
            bytes = try _PartialFileContents.readAll(path)
        } catch {
            throw AggregationError("cannot read partial file: \(error)", path: path)
        }
        guard bytes.count >= _PartialFile.headerSize + _PartialFile.trailerSize else {
            throw AggregationError("truncated partial file (\(bytes.count) bytes)", path: path)
        }
        end = bytes.count - _PartialFile.trailerSize
        let (magic, tag, trailer) = bytes.withUnsafeBytes { raw in
            (
                UInt32(littleEndian: raw.loadUnaligned(as: UInt32.self)),
                UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: 4, as: UInt32.self)),
                UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: raw.count - 8, as: UInt64.self))
            )
        }
        guard magic == _PartialFile.magic, tag == file.tag else {
            throw AggregationError("not a Lede \(file.rawValue) file (header differs)", path: path)
        }
        guard trailer <= UInt64(end) else {
            throw AggregationError("truncated or damaged partial file (record count differs)", path: path)
        }
        records = Int(trailer)
    }

    /// Throws unless every byte before the trailer was read.
    func checkFullyRead() throws {
        guard position == end else {
            throw AggregationError("truncated or damaged partial file (record count differs)", path: path)
        }
    }

    private mutating func take(_ count: Int) throws -> Int {
        guard count >= 0, end - position >= count else {
            throw AggregationError("truncated or damaged partial file (record runs past the end)", path: path)
        }
        defer { position += count }
        return position
    }

    /// Reads a little-endian integer.
    mutating func integer<T: FixedWidthInteger>(_: T.Type) throws -> T {
        let at = try take(MemoryLayout<T>.size)
        return bytes.withUnsafeBytes { T(littleEndian: $0.loadUnaligned(fromByteOffset: at, as: T.self)) }
    }

    /// Reads a non-negative count stored as Int64.
    mutating func count() throws -> Int {
        let value = try integer(Int64.self)
        guard value >= 0 else { throw AggregationError("negative count", path: path) }
        return Int(value)
    }

    /// Lends the next `UInt32`-length-prefixed byte string.
    mutating func withString<R>(_ body: (UnsafeRawBufferPointer) throws -> R) throws -> R {
        let length = try integer(UInt32.self)
        let at = try take(Int(length))
        return try bytes.withUnsafeBytes { try body(UnsafeRawBufferPointer(rebasing: $0[at..<(at + Int(length))])) }
    }

    private static func readAll(_ path: String) throws(SystemError) -> [UInt8] {
        let descriptor = try FileDescriptor.openForReading(path)
        defer { try? descriptor.close() }
        let size = Int(try descriptor.size())
        var bytes = [UInt8](repeating: 0, count: size)
        var done = 0
        while done < size {
            let result: Result<Int, SystemError> = bytes.withUnsafeMutableBytes { raw in
                do throws(SystemError) {
                    return .success(try descriptor.read(into: UnsafeMutableRawBufferPointer(rebasing: raw[done...])))
                } catch { return .failure(error) }
            }
            let n = try result.get()
            if n == 0 { break }
            done += n
        }
        bytes.removeLast(size - done)
        return bytes
    }
}
