#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import LedeIO

/// Bad input paths, explained in terms a user can act on.
public struct DiscoveryError: Error, CustomStringConvertible, Sendable {
    public var description: String
}

/// Turns the user's input arguments into a sorted, duplicate-free list of shards.
public enum ShardDiscovery {
    /// File names that are read as shards when found inside a directory.
    public static let shardSuffixes = [".jsonl.zst", ".jsonl.zstd", ".jsonl", ".ndjson", ".ndjson.zst"]

    /// Resolves files, directories (searched recursively) and glob patterns.
    ///
    /// A directory's shards are named relative to it; a file or glob match is named
    /// by its file name. Two shards that would write to the same output name are an
    /// error rather than a silent overwrite.
    public static func shards(for inputs: [String]) throws -> [Shard] {
        var found: [Shard] = []
        for input in inputs {
            if FileSystem.isDirectory(input) {
                let files = try FileSystem.regularFiles(under: input).filter(isShardName)
                if files.isEmpty {
                    throw DiscoveryError(description: "no .jsonl or .jsonl.zst files under \(input)")
                }
                found += files.map { Shard(path: $0, relativePath: Path.relative($0, to: input)) }
            } else if FileSystem.isRegularFile(input) {
                found.append(Shard(path: input, relativePath: Path.lastComponent(of: input)))
            } else if input.contains(where: { "*?[".contains($0) }) {
                let matches = glob(input).filter(FileSystem.isRegularFile)
                if matches.isEmpty { throw DiscoveryError(description: "no file matches \(input)") }
                found += matches.map { Shard(path: $0, relativePath: Path.lastComponent(of: $0)) }
            } else {
                throw DiscoveryError(description: "input \(input) does not exist: give a .jsonl.zst file, a directory or a glob pattern")
            }
        }
        var byName: [String: String] = [:]
        var unique: [Shard] = []
        for shard in found {
            if let other = byName[shard.relativePath] {
                if other == shard.path { continue }
                throw DiscoveryError(description: "\(other) and \(shard.path) would both write outputs named \(shard.relativePath): pass their common parent directory instead")
            }
            byName[shard.relativePath] = shard.path
            unique.append(shard)
        }
        // `a.jsonl` and `a.jsonl.zst` would write the same documents file, and
        // removing one's outputs would remove the other's.
        var byStem: [String: String] = [:]
        for shard in unique {
            if let other = byStem[shard.stem] {
                throw DiscoveryError(description: "\(other) and \(shard.path) would both write documents named \(shard.stem): keep one of them")
            }
            byStem[shard.stem] = shard.path
        }
        return unique.sorted { $0.relativePath.utf8.lexicographicallyPrecedes($1.relativePath.utf8) }
    }

    /// Whether a file name looks like a shard.
    public static func isShardName(_ path: String) -> Bool {
        let name = Path.lastComponent(of: path)
        return !name.hasPrefix(".") && shardSuffixes.contains { name.hasSuffix($0) }
    }

    private static func glob(_ pattern: String) -> [String] {
        var result = glob_t()
        defer { globfree(&result) }
        guard Glibc.glob(pattern, 0, nil, &result) == 0 else { return [] }
        return (0..<Int(result.gl_pathc)).compactMap { index in
            result.gl_pathv[index].map { String(cString: $0) }
        }.sorted()
    }
}
