import LedeSample
import LedeIO

/// What one accepted line yielded, copied out of the scanner for comparison.
struct ScannedFields: Equatable, CustomStringConvertible {
    var text: [UInt8]
    var id: [UInt8]?
    var idIsNumber = false
    var date: [UInt8]?
    var source: [UInt8]?

    var textString: String { String(decoding: text, as: UTF8.self) }
    var idString: String? { id.map { String(decoding: $0, as: UTF8.self) } }
    var dateString: String? { date.map { String(decoding: $0, as: UTF8.self) } }
    var sourceString: String? { source.map { String(decoding: $0, as: UTF8.self) } }

    var description: String {
        "text=\(textString.debugDescription) id=\(String(describing: idString)) date=\(String(describing: dateString)) source=\(String(describing: sourceString))"
    }
}

extension JSONFieldScanner {
    /// Scans bytes and copies the fields out.
    mutating func scanBytes(_ line: [UInt8]) -> Result<ScannedFields, LineRejection> {
        let rejection = line.withUnsafeBytes { scan($0) }
        if let rejection { return .failure(rejection) }
        return .success(
            ScannedFields(
                text: withText { Array($0) },
                id: withID { $0.map { Array($0) } },
                idIsNumber: idIsNumber,
                date: withDate { $0.map { Array($0) } },
                source: withSource { $0.map { Array($0) } }))
    }
}

/// Scans one line with a fresh scanner.
func scanLine(_ line: [UInt8], fields: FieldNames = FieldNames()) -> Result<ScannedFields, LineRejection> {
    var scanner = JSONFieldScanner(fields: fields)
    return scanner.scanBytes(line)
}

/// Scans one line given as a Swift string (its UTF-8) with a fresh scanner.
func scanLine(_ line: String, fields: FieldNames = FieldNames()) -> Result<ScannedFields, LineRejection> {
    scanLine(Array(line.utf8), fields: fields)
}

extension Result where Success == ScannedFields, Failure == LineRejection {
    var accepted: Success? {
        if case .success(let value) = self { return value }
        return nil
    }

    var rejection: Failure? {
        if case .failure(let error) = self { return error }
        return nil
    }
}

/// The project-wide SplitMix64, so that property tests replay exactly from their seed.
typealias JSONTestRandom = SplitMix64

