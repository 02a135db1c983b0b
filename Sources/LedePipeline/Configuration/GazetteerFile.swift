import Foundation
import LedeEntities
import Yams

/// Reads user gazetteers (`--gazetteer FILE`): names that always get the label
/// and canonical name the user gives them.
///
/// The format follows the file name: `.yaml` and `.yml` files are YAML, anything
/// else is TSV.
///
/// TSV, one name per line, `#` comments and blank lines skipped:
///
/// ```
/// SOUTHCOM	ORG	U.S. Southern Command
/// Guaido	PER	Juan Guaidó
/// Lede Labs	ORG
/// ```
///
/// YAML, a list of entries with `name` (or `names`, several spellings of one
/// entity), `label`, and optionally `canonical` (the name itself if left out):
///
/// ```yaml
/// - name: SOUTHCOM
///   label: ORG
///   canonical: U.S. Southern Command
/// - names: [Guaido, Juan Guaido]
///   label: PER
///   canonical: Juan Guaidó
/// ```
public enum GazetteerFile {
    /// The entries of every file of `paths`, in order (a later entry for the same
    /// name wins).
    public static func load(_ paths: [String]) throws(GazetteerFileError) -> [Gazetteer.Entry] {
        var entries: [Gazetteer.Entry] = []
        for path in paths { entries += try load(path) }
        return entries
    }

    /// The entries of one file.
    public static func load(_ path: String) throws(GazetteerFileError) -> [Gazetteer.Entry] {
        guard let data = FileManager.default.contents(atPath: path) else {
            let reason = FileManager.default.fileExists(atPath: path) ? "cannot be read" : "does not exist"
            throw GazetteerFileError(path: path, message: "\(reason); give a TSV or YAML gazetteer file")
        }
        let text = try decode(Array(data), path: path)
        let lowered = path.lowercased()
        if lowered.hasSuffix(".yaml") || lowered.hasSuffix(".yml") {
            return try parseYAML(text, path: path)
        }
        return try parseTSV(text, path: path)
    }

    /// Parses TSV lines `name<TAB>LABEL[<TAB>canonical]`.
    public static func parseTSV(_ text: String, path: String) throws(GazetteerFileError) -> [Gazetteer.Entry] {
        do {
            return try Gazetteer.Entry.parseTSV(text)
        } catch {
            throw GazetteerFileError(path: path, line: error.line, message: error.message)
        }
    }

    /// Parses a YAML list of `{name | names, label, canonical}` maps.
    public static func parseYAML(_ text: String, path: String) throws(GazetteerFileError) -> [Gazetteer.Entry] {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw yamlError(error, path: path)
        } catch {
            throw GazetteerFileError(path: path, message: "not valid YAML: \(error)")
        }
        guard let root else { return [] }  // an empty file names nothing
        guard case let .sequence(list) = root else {
            throw GazetteerFileError(
                path: path, line: root.mark?.line,
                message: "expected a list of entries (- name: …, label: …), found \(kind(of: root))")
        }
        var entries: [Gazetteer.Entry] = []
        for item in list {
            entries += try entry(item, path: path)
        }
        return entries
    }

    /// The entries of one list item: one per spelling.
    private static func entry(_ item: Node, path: String) throws(GazetteerFileError) -> [Gazetteer.Entry] {
        let line = item.mark?.line
        guard case let .mapping(fields) = item else {
            throw GazetteerFileError(path: path, line: line,
                                     message: "expected an entry with name and label, found \(kind(of: item))")
        }
        var names: [String] = []
        var label: EntityLabel?
        var canonical: String?
        var sawName = false
        for (key, value) in fields {
            let keyLine = key.mark?.line ?? line
            switch key.string {
            case "name", "names":
                if sawName {
                    throw GazetteerFileError(path: path, line: keyLine, message: "give either name or names, once")
                }
                sawName = true
                if key.string == "name" {
                    names = [try scalar(value, "name", path: path)]
                } else {
                    guard case let .sequence(spellings) = value, !spellings.isEmpty else {
                        throw GazetteerFileError(path: path, line: value.mark?.line ?? keyLine,
                                                 message: "names must be a non-empty list, as in names: [Guaido, Juan Guaido]")
                    }
                    names = []
                    for spelling in spellings { names.append(try scalar(spelling, "names", path: path)) }
                }
            case "label":
                let name = try scalar(value, "label", path: path)
                guard let known = EntityLabel(name: name) else {
                    throw GazetteerFileError(path: path, line: value.mark?.line ?? keyLine,
                                             message: "unknown label '\(name)' (PER, ORG, LOC or MISC)")
                }
                label = known
            case "canonical":
                canonical = try scalar(value, "canonical", path: path)
            default:
                throw GazetteerFileError(
                    path: path, line: keyLine,
                    message: "unknown key '\(key.string ?? "?")' (an entry has name or names, label and canonical)")
            }
        }
        guard sawName else { throw GazetteerFileError(path: path, line: line, message: "entry without a name") }
        guard let label else { throw GazetteerFileError(path: path, line: line, message: "entry without a label (PER, ORG, LOC or MISC)") }
        if canonical?.isEmpty == true { canonical = nil }
        return names.map { Gazetteer.Entry(name: $0, label: label, canonical: canonical) }
    }

    /// The text of a scalar field, which must not be blank.
    private static func scalar(_ node: Node, _ field: String, path: String) throws(GazetteerFileError) -> String {
        guard case let .scalar(value) = node else {
            throw GazetteerFileError(path: path, line: node.mark?.line,
                                     message: "\(field) must be plain text, found \(kind(of: node))")
        }
        let text = value.string.split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
        if text.isEmpty && field != "canonical" {
            throw GazetteerFileError(path: path, line: node.mark?.line, message: "empty \(field)")
        }
        return text
    }

    private static func kind(of node: Node) -> String {
        switch node {
        case .scalar: "plain text"
        case .mapping: "a map"
        case .sequence: "a list"
        case .alias: "an alias (write the value out instead)"
        }
    }

    private static func yamlError(_ error: YamlError, path: String) -> GazetteerFileError {
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
             let .composer(context, problem, mark, _):
            let detail = context.map { "\($0.text) " } ?? ""
            return GazetteerFileError(path: path, line: mark.line, message: "not valid YAML: \(detail)\(problem)")
        case let .duplicatedKeysInMapping(duplicates, context):
            return GazetteerFileError(path: path, line: context.mark.line,
                                      message: "key given twice in one entry: \(duplicates.joined(separator: ", "))")
        default:
            return GazetteerFileError(path: path, message: "not valid YAML: \(error)")
        }
    }

    /// The file as text: UTF-8 (a byte-order mark is skipped), else an error
    /// naming the line of the first bad byte.
    private static func decode(_ bytes: [UInt8], path: String) throws(GazetteerFileError) -> String {
        let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? bytes.dropFirst(3) : bytes[...]
        if let text = String(validating: body, as: UTF8.self) { return text }
        var line = 1
        for content in body.split(separator: 0x0A, omittingEmptySubsequences: false) {
            if String(validating: content, as: UTF8.self) == nil { break }
            line += 1
        }
        throw GazetteerFileError(path: path, line: line, message: "not UTF-8 text; save the file as UTF-8")
    }
}
