import ArgumentParser
import LedeEntities
import LedePipeline

extension Lede {
    /// `lede eval`: precision, recall and F1 of the tagger against gold NER files.
    struct Eval: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Score the tagger against gold-annotated documents.",
            discussion: """
                Gold files are JSON Lines (.jsonl or .jsonl.zst) with "id", "text" and "entities" \
                (start/end bytes, char_start/char_end, label), as in ../shared/corpora. Scores are \
                exact span + label (CoNLL style), per label and overall. With --predicted OUT_DIR, \
                scores the documents a finished `lede run --output OUT_DIR` wrote instead of \
                running a tagger here.
                """
        )

        @Option(name: .long, parsing: .upToNextOption, help: "Gold files or directories.")
        var gold: [String] = []

        @Option(name: .long, help: "Score the output directory of a `lede run` instead of tagging here.")
        var predicted: String?

        @OptionGroup var taggerOptions: TaggerOptions

        @Flag(name: .long, help: "Print one JSON object instead of a table.")
        var json = false

        func validate() throws {
            if gold.isEmpty { throw ValidationError("give --gold FILE_OR_DIR (for example ../shared/corpora/conll2003/valid.jsonl.zst)") }
        }

        func run() throws {
            let documents: [GoldDocument]
            do {
                documents = try GoldCorpus.load(gold)
            } catch {
                throw ValidationError("\(error)")
            }
            let report: EvaluationReport
            if let predicted {
                let result: (scorer: Scorer, missing: Int)
                do {
                    result = try Evaluator.evaluate(predicted: predicted, gold: documents)
                } catch {
                    throw ValidationError("\(error)")
                }
                report = EvaluationReport(
                    gold: gold, tagger: "predicted \(predicted)", scorer: result.scorer, tokens: 0, seconds: 0,
                    missingDocuments: result.missing)
            } else {
                let choice = try taggerOptions.load()
                let result: (scorer: Scorer, tokens: Int, seconds: Double)
                switch choice {
                case .rules(var tagger):
                    result = Evaluator.evaluate(documents, tagger: &tagger)
                case .model(var tagger):
                    result = Evaluator.evaluate(documents, tagger: &tagger)
                case .rulesWithUserNames(var tagger):
                    result = Evaluator.evaluate(documents, tagger: &tagger)
                case .modelWithUserNames(var tagger):
                    result = Evaluator.evaluate(documents, tagger: &tagger)
                }
                report = EvaluationReport(
                    gold: gold, tagger: taggerOptions.description, scorer: result.scorer,
                    tokens: result.tokens, seconds: result.seconds)
            }
            print(json ? report.json : report.text)
        }
    }
}
