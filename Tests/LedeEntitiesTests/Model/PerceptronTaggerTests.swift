import Foundation
@testable import LedeEntities
import LedeText
import Testing

@Suite("Perceptron tagger")
struct PerceptronTaggerTests {
    /// The project's own sentences, with their mentions marked `[label text]`.
    static let sentences = [
        "[PER Juan Guaido] met [PER Nicolas Maduro] in [LOC Caracas] on Monday .",
        "The [ORG Lede Project] opened an office in [LOC Lisbon] last year .",
        "[PER Maria Santos] , a spokeswoman for [ORG Northwind Bank] , said prices rose .",
        "Shares of [ORG Northwind Bank] fell after the [MISC Venezuelan] report .",
        "[PER Guaido] told reporters in [LOC Bogota] that talks would resume .",
        "Officials from [ORG Acme Corp] visited [LOC Oslo] and [LOC Bergen] .",
        "The [MISC Brazilian] team beat [LOC Chile] in [LOC Santiago] .",
        "[PER Maria Santos] joined [ORG Acme Corp] in [LOC Lisbon] .",
    ]

    static func document(_ marked: String) -> TrainingDocument {
        var text: [UInt8] = []
        var spans: [TrainingDocument.Span] = []
        var rest = Substring(marked)
        while let open = rest.firstIndex(of: "[") {
            text.append(contentsOf: rest[..<open].utf8)
            let close = rest[open...].firstIndex(of: "]")!
            let inner = rest[rest.index(after: open)..<close]
            let space = inner.firstIndex(of: " ")!
            let label = EntityLabel(name: inner[..<space])!
            let name = inner[inner.index(after: space)...]
            spans.append(.init(start: text.count, end: text.count + name.utf8.count, label: label))
            text.append(contentsOf: name.utf8)
            rest = rest[rest.index(after: close)...]
        }
        text.append(contentsOf: rest.utf8)
        return TrainingDocument(text: text, spans: spans)
    }

    static let corpus = sentences.map(document)

    static func train(seed: UInt64 = 7) -> (model: [UInt8], report: PerceptronTrainer.Report) {
        PerceptronTrainer(options: .init(epochs: 15, seed: seed, bucketBits: 14)).train(corpus, dev: corpus)
    }

    static func tag(_ model: PerceptronModel, _ document: TrainingDocument) -> [Mention] {
        var tagger = PerceptronTagger(model: model)
        let tokens = Tokenizer().tokens(of: String(decoding: document.text, as: UTF8.self))
        var mentions: [Mention] = []
        document.text.withUnsafeBytes { text in
            tokens.withUnsafeBufferPointer { tagger.tag(text: text, tokens: $0, into: &mentions) }
        }
        return mentions
    }

    @Test func tinyCorpusIsLearned() throws {
        let (bytes, report) = Self.train()
        #expect(report.misaligned == 0)
        #expect(report.outsideRegions == 0)
        #expect(report.epochs.first!.mistakes > report.epochs.last!.mistakes, "mistakes should fall: \(report.epochs)")
        let model = try PerceptronModel(bytes: bytes)
        for document in Self.corpus {
            let found = Self.tag(model, document).map { TrainingDocument.Span(start: Int($0.start), end: Int($0.end), label: $0.label) }
            #expect(found == document.spans, "\(String(decoding: document.text, as: UTF8.self))")
        }
        #expect(PerceptronTrainer.f1(model: bytes, gazetteer: .builtIn, on: Self.corpus) == 1)
    }

    @Test func trainingIsDeterministicForASeed() {
        #expect(Self.train(seed: 3).model == Self.train(seed: 3).model)
    }

    @Test func modelFileRoundTrips() throws {
        let (bytes, _) = Self.train()
        let path = NSTemporaryDirectory() + "lede-perceptron-\(getpid()).bin"
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let loaded = try PerceptronModel(contentsOf: path)
        let inMemory = try PerceptronModel(bytes: bytes)
        #expect(loaded.bucketBits == 14)
        #expect(loaded.scale == inMemory.scale)
        for document in Self.corpus {
            #expect(Self.tag(loaded, document) == Self.tag(inMemory, document))
        }
        // Decoding twice with one tagger gives the same mentions (scratch state is reset).
        let document = Self.corpus[0]
        #expect(Self.tag(loaded, document) == Self.tag(loaded, document))
    }

    @Test func copiesDecodeWithTheirOwnScratch() async throws {
        let model = try PerceptronModel(bytes: Self.train().model)
        var original = PerceptronTagger(model: model)
        var copy = original
        func run(_ tagger: inout PerceptronTagger, _ document: TrainingDocument) -> [Mention] {
            let tokens = Tokenizer().tokens(of: String(decoding: document.text, as: UTF8.self))
            var mentions: [Mention] = []
            document.text.withUnsafeBytes { text in
                tokens.withUnsafeBufferPointer { tagger.tag(text: text, tokens: $0, into: &mentions) }
            }
            return mentions
        }
        // Interleaved use of a tagger and its copy gives what fresh taggers give.
        for (a, b) in zip(Self.corpus, Self.corpus.reversed()) {
            #expect(run(&original, a) == Self.tag(model, a))
            #expect(run(&copy, b) == Self.tag(model, b))
        }
        let copies = [PerceptronTagger](repeating: original, count: 4)
        let results = await withTaskGroup(of: [Mention].self) { group in
            for var tagger in copies {
                group.addTask { Self.corpus.flatMap { run(&tagger, $0) } }
            }
            return await group.reduce(into: [[Mention]]()) { $0.append($1) }
        }
        let expected = Self.corpus.flatMap { Self.tag(model, $0) }
        #expect(results.count == 4 && results.allSatisfy { $0 == expected })
    }

    @Test func badFilesSayHowToRebuild() {
        #expect(throws: PerceptronModel.LoadError.self) { try PerceptronModel(bytes: Array("not a model at all, really not".utf8)) }
        do {
            _ = try PerceptronModel(contentsOf: "/nonexistent/model.bin")
            Issue.record("loading a missing file should fail")
        } catch {
            #expect(error.description.contains("make model"))
        }
    }

    @Test func lowercaseTextHasNoRegions() {
        var extractor = FeatureExtractor(gazetteer: .builtIn, bucketBits: 10)
        let text = Array("prices rose and shares fell , traders said .".utf8)
        let tokens = Tokenizer().tokens(of: String(decoding: text, as: UTF8.self))
        text.withUnsafeBufferPointer { bytes in
            tokens.withUnsafeBufferPointer { list in
                let doc = DocumentView(text: bytes.baseAddress!, textCount: bytes.count, tokens: list.baseAddress!, count: list.count)
                extractor.prepare(doc, mined: LeaveOneOutNames(global: [:], maxTokens: 1))
            }
        }
        #expect(extractor.regionStarts.isEmpty)
    }

    static func prepared(_ text: String, prior: CasePrior = CasePrior()) -> (FeatureExtractor, social: Bool, regions: [String]) {
        var extractor = FeatureExtractor(gazetteer: .builtIn, bucketBits: 10)
        extractor.casePrior = prior
        let bytes = Array(text.utf8)
        let tokens = Tokenizer().tokens(of: text)
        var social = false
        var regions: [String] = []
        bytes.withUnsafeBufferPointer { raw in
            tokens.withUnsafeBufferPointer { list in
                let doc = DocumentView(text: raw.baseAddress!, textCount: raw.count, tokens: list.baseAddress!, count: list.count)
                social = FeatureExtractor.isSocial(doc)
                extractor.prepare(doc, mined: LeaveOneOutNames(global: [:], maxTokens: 1))
                for (s, e) in zip(extractor.regionStarts, extractor.regionEnds) {
                    regions.append(String(decoding: raw[Int(tokens[Int(s)].start)..<Int(tokens[Int(e) - 1].end)], as: UTF8.self))
                }
            }
        }
        return (extractor, social, regions)
    }

    @Test func socialPostsAreToldFromNews() {
        #expect(Self.prepared("lol i love this song so much").social)
        #expect(Self.prepared("Watching the game with @someone tonight").social)
        #expect(Self.prepared("Great video , thanks a lot !").social)
        // A short news item is full of numbers.
        #expect(!Self.prepared("Results : Leeds 2 Chelsea 1 , Ajax 0 PSV 3 .").social)
        // One lowercase line start in a long article is not enough.
        let article = (["b Saqlain 12 ."] + Array(repeating: "The minister said on Monday that talks in Geneva would resume next week .", count: 8))
            .joined(separator: "\n")
        #expect(!Self.prepared(article).social)
    }

    /// A long text of 100 tokens that opens with `first`, `signs` in place of its first filler words.
    static func longText(_ signs: [String], first: String = "Word") -> String {
        ([first] + signs + Array(repeating: "word", count: 99 - signs.count)).joined(separator: " ")
    }

    @Test func aLongTextNeedsASignEveryFiftyTokens() {
        for sign in ["i", "@someone", "#news", "http://example.org", "😀"] {
            #expect(!Self.prepared(Self.longText([sign])).social, "\(sign)")
            #expect(Self.prepared(Self.longText([sign, sign])).social, "\(sign)")
        }
        #expect(!Self.prepared(Self.longText([], first: "then")).social)
        #expect(Self.prepared(Self.longText(["i"], first: "then")).social)
        // A lowercase `i` opening the text is two signs.
        #expect(Self.prepared(Self.longText([], first: "i")).social)
        #expect(!Self.prepared(Self.longText([], first: "I")).social)
        // Other symbols, lowercase words and capitals inside a sentence are none.
        #expect(!Self.prepared(Self.longText(["%", "&", "a", "Paris", "USA", "3", "!"])).social)
    }

    @Test func socialPostsMayNameInLowercase() {
        var builder = CasePrior.Builder()
        let news = "Talks were held in Caracas and officials left Caracas later , a trip to Caracas ."
        let newsTokens = Tokenizer().tokens(of: news)
        Array(news.utf8).withUnsafeBytes { raw in newsTokens.withUnsafeBufferPointer { builder.add(text: raw, tokens: $0) } }
        let prior = builder.build()
        #expect(Self.prepared("omg we landed in caracas lol", prior: prior).regions == ["caracas"])
        // News text keeps to capitalised regions.
        let article = Array(repeating: "The minister flew to caracas on Monday and met officials from several countries there .", count: 4)
            .joined(separator: " ")
        #expect(Self.prepared(article, prior: prior).regions == ["The", "Monday", "The", "Monday", "The", "Monday", "The", "Monday"])
    }

    @Test func featuresDoNotDependOnThePreviousDocument() {
        func key(_ words: [String]) -> UInt64 {
            var combined: UInt64 = 0
            for (k, word) in words.enumerated() {
                let hash = CasePriorTests.wordHash(word)
                combined = k == 0 ? hash : ByteKey.combine(combined, hash)
            }
            return ByteKey.finish(combined)
        }
        let mined = LeaveOneOutNames(
            global: [key(["new", "york"]): SIMD4<Int32>(0, 0, 3, 0)],
            lowercase: [key(["apple"]), key(["york"])], maxTokens: 2)
        let texts = ["Officials met in Paris Apple and Lisbon .", "Officials met in New York and Lisbon ."]
        func rows(_ extractor: inout FeatureExtractor, _ text: String) -> [UInt32] {
            let bytes = Array(text.utf8)
            let tokens = Tokenizer().tokens(of: text)
            var out: [UInt32] = []
            bytes.withUnsafeBufferPointer { raw in
                tokens.withUnsafeBufferPointer { list in
                    let doc = DocumentView(text: raw.baseAddress!, textCount: raw.count, tokens: list.baseAddress!, count: list.count)
                    extractor.prepare(doc, mined: mined)
                    for (s, e) in zip(extractor.regionStarts, extractor.regionEnds) {
                        for t in Int(s)..<Int(e) { extractor.features(doc, t, Int(s), Int(e), into: &out) }
                    }
                }
            }
            return out
        }
        var fresh = FeatureExtractor(gazetteer: .builtIn, bucketBits: 16)
        let alone = rows(&fresh, texts[1])
        var used = FeatureExtractor(gazetteer: .builtIn, bucketBits: 16)
        _ = rows(&used, texts[0])
        #expect(rows(&used, texts[1]) == alone)
    }

    @Test func copiesOfAnExtractorKeepTheirOwnFacts() {
        func prepare(_ extractor: inout FeatureExtractor, _ text: String) {
            let bytes = Array(text.utf8)
            let tokens = Tokenizer().tokens(of: text)
            bytes.withUnsafeBufferPointer { raw in
                tokens.withUnsafeBufferPointer { list in
                    let doc = DocumentView(text: raw.baseAddress!, textCount: raw.count, tokens: list.baseAddress!, count: list.count)
                    extractor.prepare(doc, mined: LeaveOneOutNames(global: [:], maxTokens: 1))
                }
            }
        }
        var original = FeatureExtractor(gazetteer: .builtIn, bucketBits: 10)
        prepare(&original, "Juan Guaido met Maria Corina Machado in Caracas .")
        let copy = original
        let before = (0..<8).map { copy.wordHash[$0] }
        prepare(&original, "Angela Merkel flew to Paris on Monday .")
        #expect((0..<8).map { copy.wordHash[$0] } == before)
        #expect((0..<8).map { original.wordHash[$0] } != before)
    }
}
