/// The escaping of text fields in partial files.
///
/// Names cannot normally hold tabs or newlines (white space is folded before
/// aggregation), but a stray one must not split a row, so `\`, tab, newline and
/// carriage return are written as `\\`, `\t`, `\n` and `\r`.
enum _TSVEncoding {
    /// Appends `bytes` escaped.
    static func appendEscaped(_ bytes: UnsafeRawBufferPointer, to out: inout [UInt8]) {
        guard bytes.contains(where: { $0 == 0x5C || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) else {
            out._appendRaw(bytes)
            return
        }
        for byte in bytes {
            switch byte {
            case 0x5C:
                out.append(0x5C)
                out.append(0x5C)
            case 0x09:
                out.append(0x5C)
                out.append(UInt8(ascii: "t"))
            case 0x0A:
                out.append(0x5C)
                out.append(UInt8(ascii: "n"))
            case 0x0D:
                out.append(0x5C)
                out.append(UInt8(ascii: "r"))
            default: out.append(byte)
            }
        }
    }

    /// Appends the unescaped form of `field`.
    ///
    /// - Returns: `false` when the field has an unknown or unfinished escape.
    static func appendUnescaped(_ field: UnsafeRawBufferPointer, to out: inout [UInt8]) -> Bool {
        guard field.contains(0x5C) else {
            out._appendRaw(field)
            return true
        }
        var index = 0
        while index < field.count {
            let byte = field[index]
            index += 1
            guard byte == 0x5C else {
                out.append(byte)
                continue
            }
            guard index < field.count else { return false }
            switch field[index] {
            case 0x5C: out.append(0x5C)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            default: return false
            }
            index += 1
        }
        return true
    }
}
