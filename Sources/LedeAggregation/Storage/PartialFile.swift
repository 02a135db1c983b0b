import LedeIO

/// The binary files of a partial directory (format 3).
///
/// Every file is framed the same way, all fixed-width integers little-endian:
///
/// ```
/// header   "LDP3" (4 bytes), table tag (4 ASCII bytes), 0 (UInt32), 0 (UInt32)
/// payload  records
/// trailer  number of records (UInt64)
/// ```
///
/// | file | tag | record |
/// |---|---|---|
/// | `names.bin` | `NAME` | label (UInt8), length (UInt32), UTF-8 bytes; sorted by bytes, then label, unique |
/// | `entities.bin` | `ENTS` | Δname, first day, last day (packed `yyyymmdd`, 0 if none), mentions, documents |
/// | `cooccurrences.bin` | `PAIR` | Δ(`a << 32 \| b`) (a < b), documents |
/// | `timeline.bin` | `TIME` | Δ(`day << 32 \| name`), mentions, documents |
/// | `tags.bin` | `TAGS` | length (UInt32), UTF-8 bytes, mentions, documents (Int64); sorted bytewise, unique |
/// | `stats.bin` | `STAT` | kind (UInt8: 0 counter, 1 reject, 2 source), length (UInt32), UTF-8 name, value (Int64) |
///
/// Names are ranks in `names.bin`. The entity, co-occurrence and timeline
/// tables are sorted by their packed 64-bit key, one record per key, and every
/// field of their records is an unsigned LEB128 varint in its shortest form
/// (see ``_BinaryCell``); Δ is the difference from the previous record's key
/// (the key itself in the first record), never 0 after it. In the news
/// corpus's partials a pair record takes 2.5 bytes on average (16 with
/// fixed-width fields), a timeline record 3.5 (24) and an entity record 11 (32).
enum _PartialFile: String, CaseIterable {
    case names, entities, cooccurrences, timeline, tags, stats

    static let magic: UInt32 = 0x3350_444C  // "LDP3" little-endian
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
    static func partialFile(_ file: _PartialFile, directory: String, durable: Bool) throws(SystemError) -> _OutputBuffer {
        var out = try _OutputBuffer(path: file.path(in: directory), durable: durable)
        try out.appendLittleEndian(_PartialFile.magic)
        try out.appendLittleEndian(file.tag)
        try out.appendLittleEndian(UInt64(0))
        return out
    }

    /// Ends a partial file: writes the trailer and renames the file into place.
    consuming func commit(records: Int) throws(SystemError) {
        try appendLittleEndian(UInt64(records))
        try commit()
    }
}
