import ArgumentParser
import Foundation
import LedeEntities
import LedePipeline

/// Which tagger a command uses: `--tagger rules|model`, `--model PATH` and
/// `--gazetteer FILE` (user names on top of either).
struct TaggerOptions: ParsableArguments, CustomStringConvertible {
    enum Kind: String, ExpressibleByArgument, CaseIterable {
        case rules, model
    }

    /// A loaded tagger, ready to copy into workers. Without user gazetteers the
    /// taggers are not wrapped, so they cost nothing extra.
    enum Choice {
        case rules(RuleTagger)
        case model(PerceptronTagger)
        case rulesWithUserNames(UserGazetteerTagger<RuleTagger>)
        case modelWithUserNames(UserGazetteerTagger<PerceptronTagger>)
    }

    /// The committed model, relative to the repository root.
    static let defaultModel = "Models/ner-perceptron.bin"

    /// The trained model is the default: it scores higher on news and resolves
    /// in-document aliases ("Guaido" → "Juan Guaido") like the rules do.
    @Option(name: .long, help: "The entity tagger: model (default, the trained perceptron) or rules (model-free).")
    var tagger: Kind?

    /// The tagger asked for, else the model.
    var kind: Kind { tagger ?? .model }

    @Option(name: .long, help: "The model file for --tagger model (default: \(TaggerOptions.defaultModel)).")
    var model: String?

    @Option(name: .long, help: ArgumentHelp(
        "A user gazetteer, TSV (name<TAB>LABEL[<TAB>canonical]) or YAML (.yaml/.yml); repeatable. Its names always win.",
        valueName: "file"))
    var gazetteer: [String] = []

    /// The model path: `--model`, else the committed model found from the working
    /// directory or from the executable's checkout (`.build/release/lede`).
    var modelPath: String { Self.modelPath(given: model) }

    /// `given`, or the default model: beside the working directory or up to four
    /// levels above the executable (a checkout's `.build/release/lede`).
    static func modelPath(given model: String?) -> String {
        if let model { return model }
        if FileManager.default.fileExists(atPath: Self.defaultModel) { return Self.defaultModel }
        let executable = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var directory = executable.deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = directory.appendingPathComponent(Self.defaultModel).path
            if FileManager.default.fileExists(atPath: candidate) { return candidate }
            directory = directory.deletingLastPathComponent()
        }
        return Self.defaultModel
    }

    func load() throws -> Choice {
        let userNames = try loadUserGazetteer()
        switch kind {
        case .rules:
            let rules = RuleTagger(gazetteer: .builtIn)
            guard let userNames else { return .rules(rules) }
            return .rulesWithUserNames(UserGazetteerTagger(base: rules, userGazetteer: userNames))
        case .model:
            let model: PerceptronTagger
            do {
                model = PerceptronTagger(model: try PerceptronModel(contentsOf: modelPath))
            } catch {
                throw ValidationError("\(error)")
            }
            guard let userNames else { return .model(model) }
            return .modelWithUserNames(UserGazetteerTagger(base: model, userGazetteer: userNames))
        }
    }

    /// The names of every `--gazetteer`, or `nil` when there are none.
    private func loadUserGazetteer() throws -> UserGazetteer? {
        let entries: [Gazetteer.Entry]
        do {
            entries = try GazetteerFile.load(gazetteer)
        } catch {
            throw ValidationError("--gazetteer \(error)")
        }
        let names = UserGazetteer(entries: entries)
        return names.isEmpty ? nil : names
    }

    var description: String {
        let base = kind == .rules ? "rules" : "model \(modelPath)"
        return gazetteer.isEmpty ? base : base + " with gazetteer " + gazetteer.joined(separator: ", ")
    }
}
