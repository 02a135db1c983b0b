import LedeIO

/// The binary files of a partial directory (format 2).
///
/// Every file is framed the same way, all integers little-endian:
///
/// ```
/// header   "LDP2" (4 bytes), table tag (4 ASCII bytes), record size (UInt32, 0 if variable), 0 (UInt32)
/// payload  records
/// trailer  number of records (UInt64)
/// ```
///
/// | file | tag | record |
/// |---|---|---|
/// | `names.bin` | `NAME` | label (UInt8), length (UInt32), UTF-8 bytes; sorted by bytes, then label, unique |
/// | `entities.bin` | `ENTS` | name (UInt32), first day, last day (UInt32, packed `yyyymmdd`, 0 if none), 0 (UInt32), mentions, documents (Int64) |
/// | `cooccurrences.bin` | `PAIR` | `a << 32 \| b` (UInt64, a < b), documents (Int64) |
/// | `timeline.bin` | `TIME` | `day << 32 \| name` (UInt64), mentions, documents (Int64) |
/// | `tags.bin` | `TAGS` | length (UInt32), UTF-8 bytes, mentions, documents (Int64); sorted bytewise, unique |
/// | `stats.bin` | `STAT` | kind (UInt8: 0 counter, 1 reject, 2 source), length (UInt32), UTF-8 name, value (Int64) |
///
/// Names are ranks in `names.bin`; tables with fixed records are sorted by
/// their first 8 bytes read as an integer, one record per key.
enum _PartialFile: String, CaseIterable {
    case names, entities, cooccurrences, timeline, tags, stats

    static let magic: UInt32 = 0x3250_444C  // "LDP2" little-endian
    static let headerSize = 16
    static let trailerSize = 8

    /// The file's name in the partial directory.
    var fileName: String { "\(rawValue).bin" }

    /// The 4-byte tag after the magic.
    var tag: UInt32 {
        let text: String
        switch self {
        case .names: text = "NAME"
        case .entities: text = "ENTS"
        case .cooccurrences: text = "PAIR"
        case .timeline: text = "TIME"
        case .tags: text = "TAGS"
        case .stats: text = "STAT"
        }
        return text.utf8.reversed().reduce(0) { $0 << 8 | UInt32($1) }
    }

    /// The path of this file in `directory`.
    func path(in directory: String) -> String { Path.join(directory, fileName) }
}

extension _OutputBuffer {
    /// Starts a partial file: creates it and writes its header.
    static func partialFile(_ file: _PartialFile, directory: String, recordSize: Int, durable: Bool) throws(SystemError)
        -> _OutputBuffer
    {
        var out = try _OutputBuffer(path: file.path(in: directory), durable: durable)
        try out.appendLittleEndian(_PartialFile.magic)
        try out.appendLittleEndian(file.tag)
        try out.appendLittleEndian(UInt32(recordSize))
        try out.appendLittleEndian(UInt32(0))
        return out
    }

    /// Ends a partial file: writes the trailer and renames the file into place.
    consuming func commit(records: Int) throws(SystemError) {
        try appendLittleEndian(UInt64(records))
        try commit()
    }
}
