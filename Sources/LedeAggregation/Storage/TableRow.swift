import LedeEntities

/// One decoded row of any table, in reusable storage.
///
/// Text columns are unescaped into one shared byte array; labels, days and
/// counts are integers. `fields` holds three integers per column: the start and
/// end of its text (text columns) and its value (other columns). Two arrays,
/// not one per column, because the merge copies and compares rows in its inner
/// loop. The merge keeps one row per input file plus the row being combined, so
/// memory does not grow with the table.
struct _TableRow {
    var text: [UInt8] = []
    var fields: [Int]

    init(columns: Int) {
        fields = [Int](repeating: 0, count: columns * 3)
    }

    @inline(__always) func start(_ column: Int) -> Int { fields[column &* 3] }
    @inline(__always) func end(_ column: Int) -> Int { fields[column &* 3 &+ 1] }
    @inline(__always) func value(_ column: Int) -> Int { fields[column &* 3 &+ 2] }
    @inline(__always) mutating func setValue(_ column: Int, _ value: Int) { fields[column &* 3 &+ 2] = value }

    /// Decodes one line of a partial file.
    ///
    /// - Returns: `nil` on success, else what is wrong with the line.
    mutating func decode(tsvLine line: UnsafeRawBufferPointer, schema: _TableSchema) -> String? {
        text.removeAll(keepingCapacity: true)
        let columnCount = schema.kinds.count
        var fieldStart = 0
        for column in 0..<columnCount {
            var fieldEnd = fieldStart
            while fieldEnd < line.count && line[fieldEnd] != 0x09 { fieldEnd += 1 }
            let isLast = column == columnCount - 1
            if isLast ? fieldEnd != line.count : fieldEnd == line.count {
                return "expected \(columnCount) tab-separated fields"
            }
            let field = UnsafeRawBufferPointer(rebasing: line[fieldStart..<fieldEnd])
            if let problem = decodeField(field, column: column, kind: schema.kinds[column]) {
                return "\(problem) in \(schema.columns[column])"
            }
            fieldStart = fieldEnd + 1
        }
        return nil
    }

    private mutating func decodeField(_ field: UnsafeRawBufferPointer, column: Int, kind: _ColumnKind) -> String? {
        switch kind {
        case .text:
            fields[column * 3] = text.count
            guard _TSVEncoding.appendUnescaped(field, to: &text) else { return "bad escape" }
            fields[column * 3 + 1] = text.count
        case .label:
            guard let label = _TableRow.label(field) else { return "bad label" }
            setValue(column, Int(label.rawValue))
        case .day:
            guard field.count == 10, let day = Day.parsePrefix(field) else { return "bad date" }
            setValue(column, Int(day))
        case .firstDay, .lastDay:
            if field.isEmpty {
                setValue(column, 0)
            } else {
                guard field.count == 10, let day = Day.parsePrefix(field) else { return "bad date" }
                setValue(column, Int(day))
            }
        case .count:
            guard let count = _TableRow.count(field) else { return "bad count" }
            setValue(column, Int(count))
        }
        return nil
    }

    /// Three-way comparison of the key columns.
    @inline(__always)
    static func compareKeys(_ a: _TableRow, _ b: _TableRow, schema: _TableSchema) -> Int {
        let textColumns = schema.textColumns
        return a.text.withUnsafeBytes { x in
            b.text.withUnsafeBytes { y in
                a.fields.withUnsafeBufferPointer { f in
                    b.fields.withUnsafeBufferPointer { g in
                        for column in 0..<schema.keyCount {
                            let base = column &* 3
                            let order: Int
                            if textColumns & (1 << UInt32(column)) != 0 {
                                order = _compareBytes(
                                    x.baseAddress.map { $0 + f[base] }, f[base &+ 1] &- f[base],
                                    y.baseAddress.map { $0 + g[base] }, g[base &+ 1] &- g[base])
                            } else {
                                let p = f[base &+ 2]
                                let q = g[base &+ 2]
                                order = p < q ? -1 : (p > q ? 1 : 0)
                            }
                            if order != 0 { return order }
                        }
                        return 0
                    }
                }
            }
        }
    }

    /// Combines the values of a row with an equal key into this one.
    mutating func absorb(_ other: _TableRow, schema: _TableSchema) {
        for column in schema.keyCount..<schema.kinds.count {
            let value = other.value(column)
            switch schema.kinds[column] {
            case .count:
                setValue(column, self.value(column) + value)
            case .firstDay:
                if value != 0 && (self.value(column) == 0 || value < self.value(column)) { setValue(column, value) }
            case .lastDay:
                if value > self.value(column) { setValue(column, value) }
            case .text, .label, .day:
                break
            }
        }
    }

    /// Makes this row a copy of `other`, reusing this row's storage.
    mutating func assign(_ other: _TableRow) {
        text.removeAll(keepingCapacity: true)
        text.append(contentsOf: other.text)
        fields.withUnsafeMutableBufferPointer { mine in
            other.fields.withUnsafeBufferPointer { theirs in
                for index in mine.indices { mine[index] = theirs[index] }
            }
        }
    }

    /// Lends the bytes of text column `column`.
    func withText<R>(_ column: Int, _ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try text.withUnsafeBytes { try body(UnsafeRawBufferPointer(rebasing: $0[start(column)..<end(column)])) }
    }

    /// Text column `column` as a `String`.
    func string(_ column: Int) -> String {
        withText(column) { String(decoding: $0, as: UTF8.self) }
    }

    /// Reads a label written by name.
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
