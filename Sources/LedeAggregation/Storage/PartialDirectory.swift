import LedeIO

/// The layout of a partial directory and how one is put in place.
///
/// ```
/// <partial>/FORMAT             lede-partial 3
/// <partial>/names.bin          the sorted name table
/// <partial>/entities.bin       name rank, first and last day, mentions, documents
/// <partial>/cooccurrences.bin  rank a, rank b, documents
/// <partial>/timeline.bin       day, name rank, mentions, documents
/// <partial>/tags.bin           tag, mentions, documents
/// <partial>/stats.bin          kind, name, value
/// ```
///
/// Each table has one row per key in key order; `_PartialFile` gives the byte layout.
enum _PartialDirectory {
    /// The content of `FORMAT`: a name and a version, bumped on any incompatible change.
    static let formatLine = "lede-partial \(PartialStore.formatVersion)"
    static let formatFile = "FORMAT"

    /// Builds a partial in a hidden sibling of `destination`, then swaps it into place.
    ///
    /// - Parameters:
    ///   - destination: The partial directory to create or replace.
    ///   - durable: Whether files are flushed to stable storage before the swap
    ///     (the body's table writers choose for their own files).
    ///   - body: Writes the tables into the directory it is given.
    /// - Throws: What `body` throws, or ``SystemError``; the temporary directory
    ///   is removed and `destination` is untouched.
    static func write(to destination: String, durable: Bool = true, _ body: (String) throws -> Void) throws {
        let temporary = _TemporaryName.sibling(of: destination, purpose: "tmp")
        do {
            try FileSystem.createDirectory(temporary)
            try AtomicFile.write(Array("\(formatLine)\n".utf8), to: Path.join(temporary, formatFile), durable: durable)
            try body(temporary)
            if durable { FileSystem.syncDirectory(temporary) }
            try _DirectoryReplacement.replace(destination, with: temporary, durable: durable)
        } catch {
            try? FileSystem.removeTree(temporary)
            throw error
        }
    }

    /// Checks that `directory` holds a partial of this format version.
    static func validate(_ directory: String) throws {
        let path = Path.join(directory, formatFile)
        guard FileSystem.isDirectory(directory) else {
            throw AggregationError("partial directory not found", path: directory)
        }
        let reader: _LineReader
        do { reader = try _LineReader(path: path, bufferSize: 256) } catch {
            throw AggregationError("not a Lede partial (no \(formatFile) file)", path: directory)
        }
        let line = try reader.withNextLine { String(decoding: $0, as: UTF8.self) }
        guard line == formatLine else {
            throw AggregationError(
                "unsupported partial format \"\(line ?? "")\", expected \"\(formatLine)\" (written by another "
                    + "version of Lede); process its shard again, for example into a new output directory", path: path)
        }
    }
}
