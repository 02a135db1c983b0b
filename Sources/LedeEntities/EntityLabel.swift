/// The four entity classes of CoNLL-style news NER.
public enum EntityLabel: UInt8, Sendable, CaseIterable, Comparable, Hashable {
    /// A person: `PER`.
    case person = 0
    /// An organisation: `ORG`.
    case organization = 1
    /// A place: `LOC`.
    case location = 2
    /// Anything else worth naming (nationalities, events, products): `MISC`.
    case miscellaneous = 3

    /// The label as written in outputs: `PER`, `ORG`, `LOC` or `MISC`.
    public var name: String {
        switch self {
        case .person: "PER"
        case .organization: "ORG"
        case .location: "LOC"
        case .miscellaneous: "MISC"
        }
    }

    /// Reads a label from its written name (`PER`, `ORG`, `LOC`, `MISC`), case-sensitively.
    public init?(name: some StringProtocol) {
        switch name {
        case "PER": self = .person
        case "ORG": self = .organization
        case "LOC": self = .location
        case "MISC": self = .miscellaneous
        default: return nil
        }
    }

    public static func < (lhs: EntityLabel, rhs: EntityLabel) -> Bool { lhs.rawValue < rhs.rawValue }
}
