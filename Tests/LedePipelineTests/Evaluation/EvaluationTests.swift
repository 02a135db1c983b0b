import Foundation
import LedeEntities
import LedeIO
import LedePipeline
import LedeText
import Testing

/// A tagger that returns fixed mentions, one list per document, in call order.
private struct ScriptedTagger: EntityTagger {
    var script: [[Mention]]
    var lexicon: CanonicalLexicon { Gazetteer.builtIn.lexicon }
    mutating func tag(text: UnsafeRawBufferPointer, tokens: UnsafeBufferPointer<Token>, into mentions: inout [Mention]) {
        mentions.append(contentsOf: script.removeFirst())
    }
}

@Suite("Evaluation")
struct EvaluationTests {
    /// Two documents; the second has a two-byte scalar, so byte and scalar offsets differ.
    static let gold = """
        {"id":"d1","text":"Juan Guaido met Nicolas Maduro in Caracas .","entities":[\
        {"start":0,"end":11,"char_start":0,"char_end":11,"label":"PER","text":"Juan Guaido"},\
        {"start":16,"end":30,"char_start":16,"char_end":30,"label":"PER","text":"Nicolas Maduro"},\
        {"start":34,"end":41,"char_start":34,"char_end":41,"label":"LOC","text":"Caracas"}]}
        {"id":"d2","text":"Reuters reported from Zürich .","entities":[\
        {"start":0,"end":7,"char_start":0,"char_end":7,"label":"ORG","text":"Reuters"},\
        {"start":22,"end":29,"char_start":22,"char_end":28,"label":"LOC","text":"Zürich"}]}

        """

    /// Hand-computed: PER 1 TP, 1 FP (`Nicolas`), 1 FN; LOC 1 TP, 1 FN (`Zürich` as MISC);
    /// ORG 1 TP; MISC 1 FP. Overall 3 TP, 2 FP, 2 FN: P = R = F1 = 0.6.
    static func expectHandComputed(_ scorer: Scorer) {
        #expect(scorer.documents == 2)
        #expect(scorer.score(.person) == LabelScore(truePositives: 1, falsePositives: 1, falseNegatives: 1))
        #expect(scorer.score(.location) == LabelScore(truePositives: 1, falsePositives: 0, falseNegatives: 1))
        #expect(scorer.score(.organization) == LabelScore(truePositives: 1, falsePositives: 0, falseNegatives: 0))
        #expect(scorer.score(.miscellaneous) == LabelScore(truePositives: 0, falsePositives: 1, falseNegatives: 0))
        #expect(abs(scorer.score(.person).f1 - 0.5) < 1e-12)
        #expect(abs(scorer.score(.location).precision - 1) < 1e-12)
        #expect(abs(scorer.score(.location).recall - 0.5) < 1e-12)
        #expect(abs(scorer.score(.location).f1 - 2.0 / 3.0) < 1e-12)
        #expect(scorer.score(.miscellaneous).f1 == 0)
        let overall = scorer.overall
        #expect(abs(overall.precision - 0.6) < 1e-12)
        #expect(abs(overall.recall - 0.6) < 1e-12)
        #expect(abs(overall.f1 - 0.6) < 1e-12)
    }

    @Test func taggerOnHandMadeGoldGivesHandComputedScores() throws {
        let root = try Fixtures.temporaryDirectory()
        defer { Fixtures.remove(root) }
        let path = Path.join(root, "gold.jsonl")
        try Self.gold.write(toFile: path, atomically: true, encoding: .utf8)
        let documents = try GoldCorpus.load([path])
        #expect(documents.map(\.id) == ["d1", "d2"])
        #expect(documents[1].byteSpans[1] == EntitySpan(start: 22, end: 29, label: .location))
        #expect(documents[1].scalarSpans[1] == EntitySpan(start: 22, end: 28, label: .location))
        var tagger = ScriptedTagger(script: [
            [Mention(start: 0, end: 11, label: .person), Mention(start: 16, end: 23, label: .person),
             Mention(start: 34, end: 41, label: .location)],
            [Mention(start: 0, end: 7, label: .organization), Mention(start: 22, end: 29, label: .miscellaneous)],
        ])
        let result = Evaluator.evaluate(documents, tagger: &tagger)
        Self.expectHandComputed(result.scorer)
        #expect(result.tokens == 13)
        let report = EvaluationReport(gold: [path], tagger: "scripted", scorer: result.scorer, tokens: result.tokens, seconds: 0.5)
        let json = try JSONSerialization.jsonObject(with: Data(report.json.utf8)) as! [String: Any]
        let overall = json["overall"] as! [String: Any]
        #expect(abs((overall["f1"] as! Double) - 0.6) < 1e-12)
        #expect(report.text.contains("ALL"))
    }

    @Test func predictedRunOutputIsScoredInScalarOffsets() throws {
        let root = try Fixtures.temporaryDirectory()
        defer { Fixtures.remove(root) }
        let goldPath = Path.join(root, "gold.jsonl")
        try Self.gold.write(toFile: goldPath, atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(atPath: Path.join(root, "out/documents"), withIntermediateDirectories: true)
        let predicted = """
            {"id":"d2","tokens":5,"entities":[{"start":0,"end":7,"label":"ORG"},{"start":22,"end":28,"label":"MISC"}]}
            {"id":"other","tokens":1,"entities":[{"start":0,"end":3,"label":"PER"}]}
            {"id":"d1","tokens":9,"entities":[{"start":0,"end":11,"label":"PER"},{"start":16,"end":23,"label":"PER"},{"start":34,"end":41,"label":"LOC"}]}

            """
        try predicted.write(toFile: Path.join(root, "out/documents/shard.jsonl"), atomically: true, encoding: .utf8)
        let documents = try GoldCorpus.load([goldPath])
        let result = try Evaluator.evaluate(predicted: Path.join(root, "out"), gold: documents)
        #expect(result.missing == 0)
        Self.expectHandComputed(result.scorer)
    }

    @Test func missingGoldFileSaysWhatToPass() {
        #expect(throws: GoldReadError.self) { try GoldCorpus.load(["/nonexistent/gold.jsonl"]) }
    }
}
