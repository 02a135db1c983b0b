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

    @Option(name: .long, help: "The model file for --tagger model (default: $LEDE_MODEL, else \(TaggerOptions.defaultModel) here, beside lede's install, or in its checkout).")
    var model: String?

    @Option(name: .long, help: ArgumentHelp(
        "A user gazetteer, TSV (name<TAB>LABEL[<TAB>canonical]) or YAML (.yaml/.yml); repeatable. Its names always win.",
        valueName: "file"))
    var gazetteer: [String] = []

    /// The model path: `--model`, else `$LEDE_MODEL`, else the first model found
    /// by ``defaultModelCandidates(executable:)``.
    var modelPath: String { Self.modelPath(given: model) }

    /// The environment variable that names the model file when `--model` is not given.
    static let modelEnvironmentVariable = "LEDE_MODEL"

    /// `given`, else `$LEDE_MODEL`, else the first default candidate that exists
    /// (or, when none does, the first candidate, so that the error names a path).
    static func modelPath(given model: String?, environment: [String: String] = ProcessInfo.processInfo.environment)
        -> String
    {
        if let model { return model }
        if let fromEnvironment = environment[modelEnvironmentVariable], !fromEnvironment.isEmpty { return fromEnvironment }
        let executable = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        let candidates = defaultModelCandidates(executable: executable)
        return candidates.first { FileManager.default.fileExists(atPath: $0) } ?? defaultModel
    }

    /// Where a model is looked for, in order: `Models/ner-perceptron.bin` under the
    /// working directory; `share/lede/ner-perceptron.bin` beside the executable's
    /// `bin` (where `make install` puts it); and the checkout the executable was
    /// built in (`.build/release/lede` is three levels below it).
    static func defaultModelCandidates(executable: URL) -> [String] {
        var candidates = [defaultModel]
        let binDirectory = executable.deletingLastPathComponent()
        candidates.append(
            binDirectory.deletingLastPathComponent().appendingPathComponent("share/lede/\(installedModelName)").path)
        var directory = binDirectory
        for _ in 0..<4 {
            candidates.append(directory.appendingPathComponent(defaultModel).path)
            directory = directory.deletingLastPathComponent()
        }
        return candidates
    }

    /// The model's file name under `share/lede`.
    static let installedModelName = "ner-perceptron.bin"

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
                throw ValidationError(
                    "\(error)\n(the model is looked for with --model PATH, then $\(Self.modelEnvironmentVariable), then "
                        + "\(Self.defaultModel) here, share/lede/\(Self.installedModelName) beside lede's bin directory "
                        + "(make install), and the checkout lede was built in)")
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
