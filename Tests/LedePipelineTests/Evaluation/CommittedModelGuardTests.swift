import Foundation
import LedeEntities
import LedeIO
import LedePipeline
import Testing

/// Guards the committed model's quality on CoNLL-2003 valid, when `../shared/corpora` is there.
@Suite("Committed model quality")
struct CommittedModelGuardTests {
    /// The overall valid F1 the committed model reached (0.9064), less half a point.
    static let minimumF1 = 0.9014
    /// The WNUT-17 valid F1 the committed model reached (0.3667), less half a point.
    static let minimumSocialF1 = 0.3617
    /// The floor of every label's F1 (the target).
    static let minimumLabelF1 = 0.82

    static var modelPath: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Models/ner-perceptron.bin").path
    }

    @Test func conllValidF1StaysAtTheReachedFigure() throws {
        guard let corpora = Fixtures.corpora else {
            print("skipped: ../shared/corpora is absent (the committed model's F1 guard needs conll2003/valid)")
            return
        }
        let gold = try GoldCorpus.load([Path.join(corpora, "conll2003/valid.jsonl.zst")])
        var tagger = PerceptronTagger(model: try PerceptronModel(contentsOf: Self.modelPath))
        let (scorer, _, _) = Evaluator.evaluate(gold, tagger: &tagger)
        #expect(scorer.overall.f1 >= Self.minimumF1, "CoNLL valid F1 \(scorer.overall.f1) fell below \(Self.minimumF1)")
        for label in EntityLabel.allCases {
            #expect(scorer.score(label).f1 >= Self.minimumLabelF1, "\(label.name) F1 \(scorer.score(label).f1)")
        }
    }

    @Test func wnutValidF1StaysAtTheReachedFigure() throws {
        guard let corpora = Fixtures.corpora else {
            print("skipped: ../shared/corpora is absent (the committed model's F1 guard needs wnut17/valid)")
            return
        }
        let gold = try GoldCorpus.load([Path.join(corpora, "wnut17/valid.jsonl.zst")])
        var tagger = PerceptronTagger(model: try PerceptronModel(contentsOf: Self.modelPath))
        let (scorer, _, _) = Evaluator.evaluate(gold, tagger: &tagger)
        #expect(scorer.overall.f1 >= Self.minimumSocialF1, "WNUT valid F1 \(scorer.overall.f1) fell below \(Self.minimumSocialF1)")
    }
}
