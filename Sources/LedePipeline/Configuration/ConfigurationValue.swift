import Yams

/// One value of a pipeline file with its dotted key and place, read into Swift
/// types with errors that name the key, the file, the line and the column.
struct ConfigurationValue {
    /// The YAML node.
    let node: Node
    /// The dotted key path of the value (`run.jobs`, `inputs.paths[0]`).
    let key: String
    /// The file, as named to the user.
    let file: String

    /// Where the value starts in the file.
    var location: PipelineFileError.Location? {
        node.mark.map { PipelineFileError.Location(line: $0.line, column: $0.column) }
    }

    /// A YAML null (`~`, `null` or nothing at all): the key is treated as absent.
    var isNull: Bool {
        if case .scalar = node { return node.tag == Tag(.null) }
        return false
    }

    /// An error about this value.
    func error(_ message: String) -> PipelineFileError {
        PipelineFileError(file: file, location: location, key: key.isEmpty ? nil : key, message: message)
    }

    /// The entries of a mapping whose keys must be among `allowed`; a null is an empty mapping.
    ///
    /// An unknown key is an error at the key's line that lists the allowed keys and
    /// suggests the one probably meant (`chunk_size` → `chunk-size`). Repeated keys
    /// never get here: the YAML parser rejects them.
    func mapping(allowed: [String]) throws(PipelineFileError) -> [String: ConfigurationValue] {
        if isNull { return [:] }
        guard case .mapping(let mapping) = node else {
            throw error("expects a mapping with the keys \(Self.list(allowed)), not \(kindDescription)")
        }
        var entries: [String: ConfigurationValue] = [:]
        for (keyNode, valueNode) in mapping {
            let keyValue = ConfigurationValue(node: keyNode, key: key, file: file)
            guard case .scalar(let scalar) = keyNode else {
                throw keyValue.error("keys must be plain words, not \(keyValue.kindDescription)")
            }
            let name = scalar.string
            let path = key.isEmpty ? name : "\(key).\(name)"
            guard allowed.contains(name) else {
                var message = "unknown key \"\(name)\""
                if let suggestion = Self.suggestion(for: name, among: allowed) {
                    message += ": did you mean \"\(suggestion)\"?"
                }
                message += " The keys \(key.isEmpty ? "at the top level" : "of \(key)") are \(Self.list(allowed))."
                throw PipelineFileError(file: file, location: keyValue.location, key: path, message: message)
            }
            entries[name] = ConfigurationValue(node: valueNode, key: path, file: file)
        }
        return entries
    }

    /// A non-empty string from a scalar of any type (`id: 1` names the field `1`).
    func string() throws(PipelineFileError) -> String {
        guard case .scalar(let scalar) = node else {
            throw error("expects a single value, not \(kindDescription)")
        }
        if scalar.string.isEmpty { throw error("is empty: give a value or remove the key") }
        return scalar.string
    }

    /// A whole number in `range`.
    func integer(in range: some RangeExpression<Int>, meaning: String) throws(PipelineFileError) -> Int {
        guard case .scalar(let scalar) = node else {
            throw error("expects a whole number (\(meaning)), not \(kindDescription)")
        }
        guard node.tag == Tag(.int), let value = node.int else {
            throw error("expects a whole number (\(meaning)), not \(Self.quoted(scalar.string))")
        }
        guard range.contains(value) else {
            throw error("\(value) is out of range: \(meaning)")
        }
        return value
    }

    /// `true` or `false` (YAML's other spellings of them too, such as `yes` and `no`).
    func boolean(meaning: String) throws(PipelineFileError) -> Bool {
        guard case .scalar(let scalar) = node else {
            throw error("expects true or false (\(meaning)), not \(kindDescription)")
        }
        guard node.tag == Tag(.bool), let value = node.bool else {
            throw error("expects true or false (\(meaning)), not \(Self.quoted(scalar.string))")
        }
        return value
    }

    /// One of `choices`.
    func choice<Choice: RawRepresentable & CaseIterable>(_: Choice.Type) throws(PipelineFileError) -> Choice
    where Choice.RawValue == String {
        let names = Choice.allCases.map(\.rawValue)
        let value = try string()
        guard let choice = Choice(rawValue: value) else {
            throw error("\(Self.quoted(value)) is not one of \(Self.list(names))")
        }
        return choice
    }

    /// The items of a sequence, or a lone scalar as a list of one.
    func items() throws(PipelineFileError) -> [ConfigurationValue] {
        switch node {
        case .sequence(let sequence):
            return sequence.enumerated().map { index, item in
                ConfigurationValue(node: item, key: "\(key)[\(index)]", file: file)
            }
        case .scalar:
            return [self]
        default:
            throw error("expects a list, not \(kindDescription)")
        }
    }

    /// What the node is, in words, for errors.
    var kindDescription: String {
        switch node {
        case .mapping: "a mapping"
        case .sequence: "a list"
        case .alias: "an alias"
        case .scalar(let scalar): Self.quoted(scalar.string)
        }
    }

    private static func quoted(_ text: String) -> String { "\"\(text)\"" }

    private static func list(_ names: [String]) -> String { names.joined(separator: ", ") }

    /// The allowed key a misspelt one probably meant: same letters up to case, `_`
    /// and `-`, or at most two edits away.
    private static func suggestion(for name: String, among allowed: [String]) -> String? {
        func normalized(_ text: String) -> String { String(text.lowercased().map { $0 == "_" ? "-" : $0 }) }
        let wanted = normalized(name)
        if let exact = allowed.first(where: { normalized($0) == wanted }) { return exact }
        let scored = allowed.map { ($0, editDistance(Array(wanted.unicodeScalars), Array($0.unicodeScalars))) }
        guard let best = scored.min(by: { $0.1 < $1.1 }), best.1 <= 2 else { return nil }
        return best.0
    }

    private static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
