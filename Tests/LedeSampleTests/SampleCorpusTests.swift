import Foundation
import Testing
@testable import LedeSample

@Suite struct SampleCorpusTests {
    let corpus = SampleCorpus(seed: 7)

    @Test func sameSeedAndNumberGiveSameBytes() {
        let other = SampleCorpus(seed: 7)
        for number in [0, 1, 2, 41, 42, 999, 123_456_789] {
            #expect(corpus.document(number: number) == other.document(number: number))
        }
    }

    @Test func differentSeedsAndNumbersDiffer() {
        let other = SampleCorpus(seed: 8)
        for number in 0..<50 {
            #expect(corpus.document(number: number) != other.document(number: number))
        }
        #expect(corpus.document(number: 1) != corpus.document(number: 2))
    }

    @Test func documentDoesNotDependOnBatching() {
        var batch: [UInt8] = []
        corpus.appendDocuments(100..<140, to: &batch)
        var oneByOne: [UInt8] = []
        for number in 100..<140 {
            var line: [UInt8] = [0x41, 0x42] // content already in the buffer must be kept
            corpus.appendDocument(number: number, to: &line)
            #expect(line.starts(with: [0x41, 0x42]))
            oneByOne.append(contentsOf: line.dropFirst(2))
            oneByOne.append(0x0A)
        }
        #expect(batch == oneByOne)
    }

    @Test func everyLineIsAJSONObjectWithStringFields() throws {
        var ids: Set<String> = []
        for number in 0..<3_000 {
            let line = corpus.document(number: number)
            #expect(!line.contains(0x0A), "a line must not contain a raw newline")
            #expect(!line.contains { $0 < 0x20 }, "no raw control characters")
            #expect(String(validating: line, as: UTF8.self) != nil, "valid UTF-8")
            let fields = try #require(SampleTestSupport.decode(line), "document \(number) does not parse")
            #expect(Set(fields.keys) == ["id", "date", "source", "title", "text"])
            let id = try #require(fields["id"])
            #expect(id.hasPrefix("sample-") && id.count == 16)
            ids.insert(id)
            #expect(SampleCorpus.sources.contains(fields["source"] ?? ""))
            #expect(!(fields["title"] ?? "").isEmpty)
            #expect(!(fields["text"] ?? "").isEmpty)
        }
        #expect(ids.count == 3_000)
        let first = SampleTestSupport.decode(corpus.document(number: 42))
        #expect(first?["id"] == "sample-000000042")
    }

    @Test func datesStayWithinTheConfiguredRange() throws {
        // A range over a leap day and a year boundary.
        let custom = SampleCorpus(seed: 3, startDate: SampleDay(year: 2019, month: 12, day: 20), days: 75)
        #expect(custom.endDate == SampleDay(year: 2020, month: 3, day: 3))
        var seen: Set<String> = []
        for number in 0..<1_500 {
            let fields = try #require(SampleTestSupport.decode(custom.document(number: number)))
            let date = try #require(fields["date"])
            let day = String(date.prefix(10))
            seen.insert(day)
            let parts = day.split(separator: "-").compactMap { Int($0) }
            try #require(parts.count == 3)
            let parsed = SampleDay(year: parts[0], month: parts[1], day: parts[2])
            #expect(parsed >= custom.startDate && parsed <= custom.endDate)
            if date.count > 10 {
                #expect(date.count == 20 && date.hasSuffix("Z") && date.dropFirst(10).first == "T")
            }
        }
        #expect(seen.contains("2020-02-29"))
        #expect(seen.count > 60, "dates spread over the range")
    }

    @Test func escapedDocumentsDecodeToTheSameText() throws {
        var escapedDocuments = 0
        var sawSurrogatePair = false, sawEscapedSlash = false, sawQuote = false, sawLineBreak = false
        for number in 0..<600 {
            let line = corpus.document(number: number)
            let text = String(decoding: line, as: UTF8.self)
            guard text.contains("\\u") else { continue }
            escapedDocuments += 1
            var plain: [UInt8] = []
            corpus.appendDocument(number: number, to: &plain, allowEscapes: false)
            #expect(!String(decoding: plain, as: UTF8.self).contains("\\u"))
            let escaped = try #require(SampleTestSupport.decode(line))
            let reference = try #require(SampleTestSupport.decode(plain))
            #expect(escaped == reference, "document \(number): escapes must decode to the plain text")
            let body = try #require(escaped["text"])
            #expect(!body.contains("\u{FFFD}"), "no broken surrogates")
            #expect(!body.contains("\\u"), "escapes are decoded, not literal")
            let lower = text.lowercased()
            if lower.contains("\\ud83") { sawSurrogatePair = true }
            if text.contains("\\/") { sawEscapedSlash = true }
            if text.contains("\\\"") { sawQuote = true }
            if body.contains("\n") && body.replacingOccurrences(of: "\n\n", with: "").contains("\n") { sawLineBreak = true }
        }
        // About 10% of documents are written with escapes.
        #expect(escapedDocuments >= 30 && escapedDocuments <= 100, "\(escapedDocuments) of 600 escaped")
        #expect(sawSurrogatePair && sawEscapedSlash && sawQuote && sawLineBreak)
    }

    @Test func documentSizesLookLikeNewsArticles() throws {
        var totalBytes = 0
        let count = 2_000
        for number in 0..<count {
            let line = corpus.document(number: number)
            totalBytes += line.count + 1
            let text = try #require(SampleTestSupport.decode(line)?["text"])
            let words = text.split(whereSeparator: { $0 == " " || $0 == "\n" }).count
            #expect((150...1_500).contains(words), "document \(number) has \(words) words")
            let paragraphs = text.components(separatedBy: "\n\n").count
            #expect((3...12).contains(paragraphs), "document \(number) has \(paragraphs) paragraphs")
        }
        let average = totalBytes / count
        #expect((3_000...4_500).contains(average), "average line is \(average) bytes")
        #expect(abs(average - SampleCorpus.averageLineBytes) < 300)
    }

    @Test func entityPopularityIsSkewed() throws {
        let names = Set(SampleCorpus.people.map(\.name))
        var documentsPerPerson: [String: Int] = [:]
        for number in 0..<2_000 {
            let text = try #require(SampleTestSupport.decode(corpus.document(number: number))?["text"])
            for name in SampleTestSupport.names(in: text, among: names) {
                documentsPerPerson[name, default: 0] += 1
            }
        }
        let counts = SampleCorpus.people.map { documentsPerPerson[$0.name] ?? 0 }.sorted(by: >)
        let top = counts[0]
        let median = counts[counts.count / 2]
        #expect(top >= 100, "most popular person is in \(top) documents")
        #expect(top >= 20 * max(median, 1), "top \(top) vs median \(median)")
        #expect(counts.filter { $0 > 0 }.count >= 300, "a long tail of people is used")
    }

    @Test func laterMentionsUseSurnamesAndAcronyms() throws {
        var surnameLater = 0, documentsWithPeople = 0, acronymLater = 0
        let people = SampleCorpus.people
        let peopleByName = Dictionary(uniqueKeysWithValues: people.map { ($0.name, $0) })
        let acronymOrgs = SampleCorpus.organizations.filter { $0.shortName != nil }
        for number in 0..<500 {
            let text = try #require(SampleTestSupport.decode(corpus.document(number: number))?["text"])
            let found = SampleTestSupport.names(in: text, among: Set(peopleByName.keys))
            if !found.isEmpty { documentsWithPeople += 1 }
            if found.contains(where: { name in
                guard let surname = peopleByName[name]?.shortName,
                      let first = text.range(of: name) else { return false }
                return text[first.upperBound...].replacingOccurrences(of: name, with: "").contains(surname)
            }) {
                surnameLater += 1
            }
            for org in acronymOrgs {
                let acronym = org.shortName!
                if let intro = text.range(of: "\(org.name) (\(acronym))"),
                   text[intro.upperBound...].contains(acronym) {
                    acronymLater += 1
                    break
                }
            }
        }
        #expect(documentsWithPeople >= 480)
        #expect(surnameLater >= documentsWithPeople * 3 / 4, "\(surnameLater) of \(documentsWithPeople)")
        #expect(acronymLater >= 25, "\(acronymLater) documents introduce and reuse an acronym")
    }

    @Test func textHasNewsTypography() throws {
        var curly = 0, dashes = 0, ellipses = 0, nonASCIINames = 0, handles = 0, hashtags = 0, money = 0
        let count = 1_000
        for number in 0..<count {
            let text = try #require(SampleTestSupport.decode(corpus.document(number: number))?["text"])
            if text.contains("“") || text.contains("‘") { curly += 1 }
            if text.contains(" — ") { dashes += 1 }
            if text.contains("…") { ellipses += 1 }
            if text.range(of: "[A-Z][a-z]*[àáâãäçèéêëíîïñóôõöúüşğıøåæłńśźżąę][a-z]", options: .regularExpression) != nil {
                nonASCIINames += 1
            }
            if text.range(of: " @[A-Za-z]", options: .regularExpression) != nil { handles += 1 }
            if text.range(of: "#[A-Z]", options: .regularExpression) != nil { hashtags += 1 }
            if text.range(of: "[$£€¥][0-9]", options: .regularExpression) != nil { money += 1 }
        }
        #expect(curly > count * 8 / 10)
        #expect(dashes > count / 4)
        #expect(ellipses > count / 20)
        #expect(nonASCIINames > count / 5)
        #expect((count / 20...count / 4).contains(handles), "\(handles) documents with @handles")
        #expect(hashtags > count / 20)
        #expect(money > count / 10)
    }

    @Test func sourcesAreSkewed() throws {
        var perSource: [String: Int] = [:]
        for number in 0..<2_000 {
            let source = try #require(SampleTestSupport.decode(corpus.document(number: number))?["source"])
            perSource[source, default: 0] += 1
        }
        let sources = SampleCorpus.sources
        #expect(Set(perSource.keys) == Set(sources))
        #expect(perSource[sources[0]]! > 3 * perSource[sources[sources.count - 1]]!)
    }
}
