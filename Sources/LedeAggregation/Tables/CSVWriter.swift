import LedeIO

/// RFC 4180 quoting of CSV fields.
///
/// A field is quoted when it holds a comma, a double quote, a carriage return
/// or a newline; quotes inside are doubled. Everything else is written as is,
/// so that plain names stay readable and `cut`-able.
enum _CSVWriter {
    /// Appends `bytes` as one CSV field.
    static func appendField(_ bytes: UnsafeRawBufferPointer, to out: inout [UInt8]) {
        guard bytes.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else {
            out._appendRaw(bytes)
            return
        }
        out.append(0x22)
        for byte in bytes {
            if byte == 0x22 { out.append(0x22) }
            out.append(byte)
        }
        out.append(0x22)
    }

    /// Appends `bytes` as one CSV field to an output buffer.
    static func appendField(_ bytes: UnsafeRawBufferPointer, to out: inout _OutputBuffer) throws(SystemError) {
        guard bytes.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else {
            try out.append(bytes)
            return
        }
        var quoted: [UInt8] = []
        appendField(bytes, to: &quoted)
        try out.append(quoted)
    }

    /// One CSV field for a string, as a `String` (for tests and small outputs).
    static func field(_ text: String) -> String {
        var out: [UInt8] = []
        var text = text
        text.withUTF8 { appendField(UnsafeRawBufferPointer($0), to: &out) }
        return String(decoding: out, as: UTF8.self)
    }
}
