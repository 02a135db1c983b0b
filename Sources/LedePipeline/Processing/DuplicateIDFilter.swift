#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import LedeIO

/// Finds the lines of one shard whose id an earlier accepted line of the same
/// shard already had (`--dedupe-ids`).
///
/// The filter sees a shard's chunks in input order, on the shard's reader (one
/// read task at a time per shard), before the chunks are spread over the
/// workers: so the first occurrence in input order wins whatever the chunk size
/// and `--jobs`. Its scope is one shard, because a shard's results may depend on
/// nothing else: shards are processed, recorded, resumed and replaced one by one,
/// and split between Slurm tasks.
///
/// Only lines the ``JSONFieldScanner`` accepts and that have an id take part: a
/// rejected line's id is not seen, and a line without an id (whose document gets
/// `<shard>:<line>`) is never a duplicate. A numeric id and a string id with the
/// same spelling are the same id, as in the documents written.
///
/// Ids are kept as 64-bit XXH64 hashes of their decoded bytes, not as strings:
/// about 8 bytes per distinct id (plus the set's slack), whatever the ids' length.
/// Two different ids with the same hash would make the later line a false
/// duplicate: among *n* distinct ids of one shard the chance is about
/// n² / 2⁶⁵, one in 37 million for a million ids, one in 3,700 for
/// a hundred million.
struct DuplicateIDFilter {
    private var scanner: JSONFieldScanner
    private var seen: Set<UInt64> = []

    /// Creates a filter that has seen no id yet.
    init(fields: FieldNames) {
        scanner = JSONFieldScanner(fields: fields)
    }

    /// Distinct ids seen so far.
    var count: Int { seen.count }

    /// Notes the ids of a chunk's lines and returns the lines that repeat an id.
    ///
    /// - Parameter bytes: Whole lines, each ending in `\n` except perhaps the
    ///   shard's last, cut exactly as ``ChunkWorker/process(_:index:shard:shardName:firstLine:byteOffset:duplicateLines:depth:)`` cuts them.
    /// - Returns: The 0-based numbers within the chunk of the lines whose id an
    ///   earlier line had, ascending.
    mutating func duplicates(in bytes: [UInt8]) -> [Int] {
        var duplicates: [Int] = []
        bytes.withUnsafeBytes { chunk in
            guard let base = chunk.baseAddress else { return }
            var start = 0
            var line = 0
            while start < chunk.count {
                let end = memchr(base + start, 0x0A, chunk.count - start).map { UnsafeRawPointer($0) - base } ?? chunk.count
                if scanner.scan(UnsafeRawBufferPointer(rebasing: chunk[start..<end])) == nil {
                    let hash = scanner.withID { id in id.map { XXH64.hash($0) } }
                    if let hash, !seen.insert(hash).inserted { duplicates.append(line) }
                }
                line += 1
                start = end + 1
            }
        }
        return duplicates
    }
}
