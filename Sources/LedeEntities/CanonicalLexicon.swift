/// An immutable arena of canonical entity names, addressed by `Int32` id.
///
/// Mentions refer to it with ``CanonicalSource/lexicon(_:)`` so that a canonical
/// name that is not in the document's text ("United States" for `U.S.`) costs no
/// copy per mention. Ids are dense, from 0 to `count - 1`.
public final class CanonicalLexicon: Sendable {
    /// All names back to back, UTF-8.
    private let bytes: [UInt8]
    /// `offsets[id] ..< offsets[id + 1]` is the name of `id`.
    private let offsets: [Int32]

    /// An empty lexicon, for taggers whose mentions never use `.lexicon`.
    public static let empty = CanonicalLexicon(names: [])

    /// Creates a lexicon whose id `i` names `names[i]`.
    public init(names: [String]) {
        var builder = Builder()
        for name in names { builder.append(name) }
        (bytes, offsets) = (builder.bytes, builder.offsets)
    }

    init(builder: Builder) {
        (bytes, offsets) = (builder.bytes, builder.offsets)
    }

    /// The names of `first` with the same ids, then those of `second` with ids
    /// shifted by `first.count`.
    public init(_ first: CanonicalLexicon, followedBy second: CanonicalLexicon) {
        bytes = first.bytes + second.bytes
        let shift = Int32(first.bytes.count)
        offsets = first.offsets + second.offsets.dropFirst().map { $0 + shift }
    }

    /// The number of names.
    public var count: Int { offsets.count - 1 }

    /// Calls `body` with the UTF-8 bytes of name `id`, borrowed from the arena.
    ///
    /// - Precondition: `0 <= id < count`.
    public func withName<R>(_ id: Int32, body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        precondition(id >= 0 && Int(id) < count, "canonical id \(id) out of range")
        let lower = Int(offsets[Int(id)]), upper = Int(offsets[Int(id) + 1])
        return try bytes.withUnsafeBytes { try body(UnsafeRawBufferPointer(rebasing: $0[lower..<upper])) }
    }

    /// Name `id` as a `String` (for output edges and tests, not for hot loops).
    public func name(_ id: Int32) -> String {
        withName(id) { String(decoding: $0, as: UTF8.self) }
    }

    /// Collects names at build time, giving one id to each distinct name.
    struct Builder {
        var bytes: [UInt8] = []
        var offsets: [Int32] = [0]
        private var ids: [String: Int32] = [:]

        /// The id of `name`, adding it if it is new.
        mutating func intern(_ name: String) -> Int32 {
            if let id = ids[name] { return id }
            let id = append(name)
            ids[name] = id
            return id
        }

        @discardableResult
        mutating func append(_ name: String) -> Int32 {
            let id = Int32(offsets.count - 1)
            bytes.append(contentsOf: name.utf8)
            offsets.append(Int32(bytes.count))
            return id
        }
    }
}
