import LedeIO

/// A zstd window limit as the command line and pipeline files write it: `128MiB`, `2GiB`,
/// `512KiB`, or a whole number of MiB (`128`), as the other sizes of a run are given.
///
/// Units are binary, as for `zstd --memory`: `K`, `KB` and `KiB` all mean 1,024 bytes.
public enum WindowSize {
    /// The limit `text` names, in bytes, or `nil` when it is not a size.
    public static func parse(_ text: String) -> Int? {
        let upper = text.uppercased()
        let units: [(String, Int)] = [
            ("GIB", 30), ("MIB", 20), ("KIB", 10), ("GB", 30), ("MB", 20), ("KB", 10), ("G", 30), ("M", 20), ("K", 10),
        ]
        let (digits, shift) = units.first { upper.hasSuffix($0.0) }.map { (upper.dropLast($0.0.count), $0.1) } ?? (upper[...], 20)
        guard let value = Int(digits), value > 0, value <= Int.max >> shift else { return nil }
        return value << shift
    }

    /// What a limit must be, for messages.
    public static let range = "a size from 1KiB to 2GiB such as 128MiB or 2GiB (a bare number is MiB)"

    /// Whether `size` bytes is a limit the reader accepts.
    public static func isValid(_ size: Int) -> Bool { ShardByteSource.maxWindowSizes.contains(size) }
}
