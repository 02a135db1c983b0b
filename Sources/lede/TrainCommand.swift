import ArgumentParser
import Foundation
import LedeEntities
import LedeIO
import LedePipeline

extension Lede {
    /// `lede train`: trains the statistical tagger's weights from gold documents.
    struct Train: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Train the perceptron entity tagger on gold-annotated documents.",
            discussion: """
                Reads gold JSON Lines (.jsonl or .jsonl.zst, the format of ../shared/corpora) \
                and writes a binary weights file. Deterministic for a seed: `make model` \
                rebuilds the committed model bit for bit.
                """
        )

        @Option(name: .long, parsing: .upToNextOption, help: "Training gold files or directories.")
        var gold: [String] = []

        @Option(name: .long, parsing: .upToNextOption, help: "Gold files of social posts (tweets, comments): they train only the social register's weights.")
        var social: [String] = []

        @Option(name: .long, parsing: .upToNextOption, help: "Dev gold files used to pick the epoch.")
        var dev: [String] = []

        @Option(name: .long, parsing: .upToNextOption, help: "Unlabelled news files or directories: how often each word is capitalised becomes a feature.")
        var unlabeled: [String] = []

        @Option(name: .long, help: "Where to write the model.")
        var output: String

        @Option(name: .long, help: "Passes over the training data.")
        var epochs: Int = 12

        @Option(name: .long, help: "Shuffling seed.")
        var seed: UInt64 = 1

        @Option(name: .long, help: "log2 of the feature table's rows (weights: 32 << bits bytes, 2 MiB at 16).")
        var bucketBits: Int = 16

        func validate() throws {
            if gold.isEmpty { throw ValidationError("give --gold TRAIN (for example ../shared/corpora/conll2003/train.jsonl.zst)") }
            if epochs < 1 { throw ValidationError("--epochs must be at least 1") }
            if !(10...22).contains(bucketBits) { throw ValidationError("--bucket-bits must be between 10 and 22") }
        }

        func run() throws {
            let train: [TrainingDocument]
            let devDocuments: [TrainingDocument]
            var stream = StandardError()
            var casePrior = CasePrior()
            do {
                train = try GoldCorpus.load(gold).map { Self.trainingDocument($0, isSocial: false) }
                    + GoldCorpus.load(social).map { Self.trainingDocument($0, isSocial: true) }
                devDocuments = try GoldCorpus.load(dev).map { Self.trainingDocument($0, isSocial: nil) }
                if !unlabeled.isEmpty {
                    let counted = try UnlabeledCorpus.casePrior(from: unlabeled)
                    casePrior = counted.prior
                    print("unlabeled: \(counted.documents) documents", to: &stream)
                }
            } catch {
                throw ValidationError("\(error)")
            }
            let trainer = PerceptronTrainer(options: .init(epochs: epochs, seed: seed, bucketBits: bucketBits))
            let started = Date()
            let (model, report) = trainer.train(train, dev: devDocuments, casePrior: casePrior) { print($0, to: &stream) }
            do {
                try Data(model).write(to: URL(fileURLWithPath: output), options: .atomic)
            } catch {
                throw ValidationError("cannot write --output \(output): \(error.localizedDescription)")
            }
            print("wrote \(output): \(model.count) bytes, epoch \(report.bestEpoch) of \(epochs), "
                + String(format: "%.1f s", Date().timeIntervalSince(started)))
        }

        static func trainingDocument(_ document: GoldDocument, isSocial: Bool?) -> TrainingDocument {
            TrainingDocument(text: document.text, spans: document.byteSpans.map {
                TrainingDocument.Span(start: $0.start, end: $0.end, label: $0.label)
            }, isSocial: isSocial)
        }
    }
}
