/// Reads RFC 4180 records (quoted fields may hold commas, doubled quotes and newlines).
final class _CSVReader {
    /// One record's fields, unquoted, in reusable storage.
    struct Record {
        var bytes: [UInt8] = []
        var starts: [Int] = []
        var ends: [Int] = []

        var count: Int { starts.count }

        /// Lends field `index`.
        func withField<R>(_ index: Int, _ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
            try bytes.withUnsafeBytes { try body(UnsafeRawBufferPointer(rebasing: $0[starts[index]..<ends[index]])) }
        }

        /// Field `index` as a `String`.
        func string(_ index: Int) -> String { withField(index) { String(decoding: $0, as: UTF8.self) } }

        mutating func removeAll() {
            bytes.removeAll(keepingCapacity: true)
            starts.removeAll(keepingCapacity: true)
            ends.removeAll(keepingCapacity: true)
        }
    }

    private let reader: _LineReader
    /// The file, for error messages.
    var path: String { reader.path }
    /// The line on which the last record ended.
    var lineNumber: Int { reader.lineNumber }

    init(path: String) throws {
        reader = try _LineReader(path: path)
    }

    /// Reads the next record into `record`.
    ///
    /// - Returns: `false` at the end of the file.
    func next(into record: inout Record) throws -> Bool {
        record.removeAll()
        var inQuotes = false
        var fieldOpen = false
        while true {
            let more: Bool? = try reader.withNextLine { line in
                if fieldOpen {
                    // A quoted field went on past a newline.
                    record.bytes.append(0x0A)
                } else {
                    record.starts.append(record.bytes.count)
                    fieldOpen = true
                }
                var index = 0
                while index < line.count {
                    let byte = line[index]
                    index += 1
                    if inQuotes {
                        if byte == 0x22 {
                            if index < line.count && line[index] == 0x22 {
                                record.bytes.append(0x22)
                                index += 1
                            } else {
                                inQuotes = false
                            }
                        } else {
                            record.bytes.append(byte)
                        }
                    } else if byte == 0x2C {
                        record.ends.append(record.bytes.count)
                        record.starts.append(record.bytes.count)
                    } else if byte == 0x22 && record.bytes.count == record.starts[record.starts.count - 1] {
                        inQuotes = true
                    } else {
                        record.bytes.append(byte)
                    }
                }
                return inQuotes
            }
            guard let more else {
                if fieldOpen {
                    throw AggregationError("end of file inside a quoted field", path: path, line: lineNumber)
                }
                return false
            }
            if !more {
                record.ends.append(record.bytes.count)
                return true
            }
        }
    }
}
