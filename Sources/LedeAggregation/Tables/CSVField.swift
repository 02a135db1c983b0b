import LedeEntities

/// Parsers for the fields of merged CSV tables.
enum _CSVField {
    /// Reads a label written by name (`PER`, `ORG`, `LOC`, `MISC`).
    static func label(_ field: UnsafeRawBufferPointer) -> EntityLabel? {
        switch field.count {
        case 3:
            let a = field[0]
            let b = field[1]
            let c = field[2]
            if a == UInt8(ascii: "P") && b == UInt8(ascii: "E") && c == UInt8(ascii: "R") { return .person }
            if a == UInt8(ascii: "O") && b == UInt8(ascii: "R") && c == UInt8(ascii: "G") { return .organization }
            if a == UInt8(ascii: "L") && b == UInt8(ascii: "O") && c == UInt8(ascii: "C") { return .location }
            return nil
        case 4:
            return field.elementsEqual("MISC".utf8) ? .miscellaneous : nil
        default:
            return nil
        }
    }

    /// Reads a non-negative decimal count of at most 18 digits (no overflow possible).
    static func count(_ field: UnsafeRawBufferPointer) -> Int64? {
        guard !field.isEmpty, field.count <= 18 else { return nil }
        var value: Int64 = 0
        for byte in field {
            let digit = byte &- UInt8(ascii: "0")
            guard digit < 10 else { return nil }
            value = value * 10 + Int64(digit)
        }
        return value
    }
}
