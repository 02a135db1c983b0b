/// One input file and the name its outputs carry.
public struct Shard: Sendable, Hashable {
    /// The file's path as found.
    public var path: String
    /// Its path relative to the input root it was found under (`2019/05/wire-00.jsonl.zst`).
    public var relativePath: String

    public init(path: String, relativePath: String) {
        self.path = path
        self.relativePath = relativePath
    }

    /// The relative path without its `.zst` and `.jsonl` extensions.
    public var stem: String {
        var name = Substring(relativePath)
        for suffix in [".zst", ".zstd", ".jsonl", ".json", ".ndjson"] where name.hasSuffix(suffix) {
            name = name.dropLast(suffix.count)
        }
        return String(name)
    }
}
