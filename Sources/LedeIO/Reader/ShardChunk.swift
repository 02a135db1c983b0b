/// A piece of a shard handed to a worker: whole lines, or one line that could not be kept in memory.
public struct ShardChunk: Sendable {
    /// What the chunk holds.
    public enum Content: Sendable {
        /// Whole lines within the length limit, each ending in `\n` except perhaps
        /// the shard's last line. Never empty.
        case lines([UInt8])
        /// One line longer than the limit, streamed to a spill file instead of memory.
        /// Its decoded size is the line's length plus its newline (none for a last
        /// line without one, or a line cut off by a failing stream).
        case overlong(OverlongLine)
        /// The start of a line cut off by a corrupt or truncated stream: always the
        /// last chunk, right before the reader throws. Never empty, no newline.
        case truncated([UInt8])
    }

    /// Position of the chunk in its shard, from 0.
    public var index: Int
    /// Offset of the chunk's first byte in the shard's decoded stream: the sum of
    /// the decoded sizes of the chunks before it.
    public var byteOffset: Int64
    /// The bytes.
    public var content: Content

    public init(index: Int, byteOffset: Int64, content: Content) {
        self.index = index
        self.byteOffset = byteOffset
        self.content = content
    }
}

/// A line over the length limit, kept byte for byte in a spill file.
public struct OverlongLine: Sendable, Equatable {
    /// The line's length in bytes, without its newline (for a line cut off by a
    /// failing stream: the bytes decoded before the fault). The spill file holds
    /// exactly these bytes.
    public var length: Int64
    /// Where its bytes are; the consumer moves them into the rejects and removes the file.
    public var spillPath: String
    /// The line ends in a newline: false for a shard's last line without one, and for a
    /// line cut off by a failing stream.
    public var hasNewline: Bool

    public init(length: Int64, spillPath: String, hasNewline: Bool) {
        self.length = length
        self.spillPath = spillPath
        self.hasNewline = hasNewline
    }

    /// The line's size in the shard's decoded stream: its length, and its newline if it has one.
    public var decodedSize: Int64 { length + (hasNewline ? 1 : 0) }
}
