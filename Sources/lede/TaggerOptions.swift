import ArgumentParser
import Foundation
import LedeEntities

/// Which tagger a command uses: `--tagger rules|model` and `--model PATH`.
struct TaggerOptions: ParsableArguments, CustomStringConvertible {
    enum Kind: String, ExpressibleByArgument, CaseIterable {
        case rules, model
    }

    /// A loaded tagger, ready to copy into workers.
    enum Choice {
        case rules(RuleTagger)
        case model(PerceptronTagger)
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

    /// The model path: `--model`, else the committed model found from the working
    /// directory or from the executable's checkout (`.build/release/lede`).
    var modelPath: String {
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
        switch kind {
        case .rules:
            return .rules(RuleTagger(gazetteer: .builtIn))
        case .model:
            do {
                return .model(PerceptronTagger(model: try PerceptronModel(contentsOf: modelPath)))
            } catch {
                throw ValidationError("\(error)")
            }
        }
    }

    var description: String { kind == .rules ? "rules" : "model \(modelPath)" }
}
