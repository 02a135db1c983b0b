import Foundation
import LedeEntities
import LedeIO
import LedePipeline
import Testing

@Suite("User gazetteer files")
struct GazetteerFileTests {
    /// Writes `contents` to `name` in a fresh directory and loads it.
    static func load(_ name: String, _ contents: [UInt8]) throws -> Result<[Gazetteer.Entry], GazetteerFileError> {
        let root = try Fixtures.temporaryDirectory()
        defer { Fixtures.remove(root) }
        let path = Path.join(root, name)
        try AtomicFile.write(contents, to: path, durable: false)
        do {
            return .success(try GazetteerFile.load(path))
        } catch {
            return .failure(GazetteerFileError(path: name, line: error.line, message: error.message))
        }
    }

    static func load(_ name: String, _ text: String) throws -> Result<[Gazetteer.Entry], GazetteerFileError> {
        try load(name, Array(text.utf8))
    }

    /// The `file:line` an error names, or the entries.
    static func failure(_ result: Result<[Gazetteer.Entry], GazetteerFileError>) -> String? {
        guard case let .failure(error) = result else { return nil }
        return error.description
    }

    @Test func tsv() throws {
        let result = try Self.load("names.tsv", "# mine\nSOUTHCOM\tORG\tU.S. Southern Command\nGuaido\tPER\tJuan Guaidó\n")
        #expect(try result.get() == [
            Gazetteer.Entry(name: "SOUTHCOM", label: .organization, canonical: "U.S. Southern Command"),
            Gazetteer.Entry(name: "Guaido", label: .person, canonical: "Juan Guaidó"),
        ])
        // Any extension but .yaml/.yml is TSV; a byte-order mark is skipped.
        let bom = try Self.load("names.txt", [0xEF, 0xBB, 0xBF] + Array("Lede Labs\tORG\n".utf8))
        #expect(try bom.get() == [Gazetteer.Entry(name: "Lede Labs", label: .organization)])
    }

    @Test func yaml() throws {
        let result = try Self.load("names.yaml", """
            # mine
            - name: SOUTHCOM
              label: ORG
              canonical: U.S. Southern Command
            - {names: [Guaido, Juan  Guaido], label: PER, canonical: Juan Guaidó}
            - name: Lede Labs
              label: ORG
            """)
        #expect(try result.get() == [
            Gazetteer.Entry(name: "SOUTHCOM", label: .organization, canonical: "U.S. Southern Command"),
            Gazetteer.Entry(name: "Guaido", label: .person, canonical: "Juan Guaidó"),
            Gazetteer.Entry(name: "Juan Guaido", label: .person, canonical: "Juan Guaidó"),
            Gazetteer.Entry(name: "Lede Labs", label: .organization),
        ])
        #expect(try Self.load("empty.yml", "# nothing yet\n").get() == [])
    }

    @Test func errorsNameTheFileAndLine() throws {
        #expect(Self.failure(try Self.load("g.tsv", "a\tORG\n\nb\tPERSON\n"))
                == "g.tsv:3: unknown label 'PERSON' (PER, ORG, LOC or MISC)")
        #expect(Self.failure(try Self.load("g.tsv", "a\tORG\nb\n")) == "g.tsv:2: expected name<TAB>LABEL[<TAB>canonical], found 1 field(s)")
        #expect(Self.failure(try Self.load("g.tsv", Array("a\tORG\n".utf8) + [0x62, 0xFF, 0x09] + Array("PER\n".utf8)))
                == "g.tsv:2: not UTF-8 text; save the file as UTF-8")
        #expect(Self.failure(try Self.load("g.yaml", "- name: a\n  label: ORG\n- name: b\n  lable: PER\n"))
                == "g.yaml:4: unknown key 'lable' (an entry has name or names, label and canonical)")
        #expect(Self.failure(try Self.load("g.yaml", "- name: a\n  label: ORG\n- name: b\n"))
                == "g.yaml:3: entry without a label (PER, ORG, LOC or MISC)")
        #expect(Self.failure(try Self.load("g.yaml", "- name: a\n  label: Person\n"))
                == "g.yaml:2: unknown label 'Person' (PER, ORG, LOC or MISC)")
        #expect(Self.failure(try Self.load("g.yml", "name: a\nlabel: ORG\n"))
                == "g.yml:1: expected a list of entries (- name: …, label: …), found a map")
        #expect(Self.failure(try Self.load("g.yml", "- name: a\n  label: ORG\n- name: [b\n"))?.hasPrefix("g.yml:4: not valid YAML") == true)
        #expect(Self.failure(try Self.load("g.yml", "- name: [a, b]\n  label: ORG\n"))
                == "g.yml:1: name must be plain text, found a list")
        #expect(throws: GazetteerFileError.self) { try GazetteerFile.load("/nonexistent/names.tsv") }
    }
}
