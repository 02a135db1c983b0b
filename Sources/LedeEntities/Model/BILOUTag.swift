/// The tags of the statistical tagger: `O`, or a label with its position in the
/// mention (Begin, Inside, Last, Unit), packed in one byte.
///
/// Tag 0 is `O`; tag `1 + 4 * label + part` is part `B`, `I`, `L` or `U` of `label`.
enum BILOUTag {
    /// The number of tags: `O` plus 4 parts × 4 labels.
    static let count = 17
    static let outside: UInt8 = 0
    static let begin: UInt8 = 0, inside: UInt8 = 1, last: UInt8 = 2, unit: UInt8 = 3

    @inline(__always)
    static func make(_ label: EntityLabel, _ part: UInt8) -> UInt8 { 1 &+ label.rawValue &* 4 &+ part }

    @inline(__always)
    static func part(_ tag: UInt8) -> UInt8 { (tag &- 1) & 3 }

    @inline(__always)
    static func label(_ tag: UInt8) -> EntityLabel { EntityLabel(rawValue: (tag &- 1) >> 2)! }

    /// Whether `tag` may follow `previous` (0 = `O` or the region start).
    @inline(__always)
    static func allowed(_ previous: UInt8, _ tag: UInt8) -> Bool {
        let open = previous != 0 && part(previous) <= inside
        if open {
            return tag != 0 && (tag &- 1) >> 2 == (previous &- 1) >> 2 && (part(tag) == inside || part(tag) == last)
        }
        return tag == 0 || part(tag) == begin || part(tag) == unit
    }

    /// Whether a region may end on `tag` (no mention left open).
    @inline(__always)
    static func canEnd(_ tag: UInt8) -> Bool { tag == 0 || part(tag) >= last }
}
