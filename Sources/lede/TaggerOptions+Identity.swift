import LedeIO

extension TaggerOptions {
    /// What makes the tagger's output what it is, for the run state: Lede's
    /// version and the tagger, with the fingerprints of the model file and of
    /// every user gazetteer, so that a retrained model or an edited gazetteer at
    /// the same path counts as a change of settings.
    var identity: String {
        let version = Lede.configuration.version
        var identity: String
        switch kind {
        case .rules:
            identity = "lede \(version) rules"
        case .model:
            identity = "lede \(version) model xxh64:\(Self.fingerprint(modelPath))"
        }
        for file in gazetteer { identity += " gazetteer xxh64:\(Self.fingerprint(file))" }
        return identity
    }

    private static func fingerprint(_ path: String) -> String {
        (try? XXH64.hash(file: path)).map { String($0, radix: 16) } ?? "unreadable"
    }
}
