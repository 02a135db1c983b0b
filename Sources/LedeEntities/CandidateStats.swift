/// Counts the first pass keeps so that the alias pass can skip the work no
/// candidate of the document needs (most documents need little of it).
struct CandidateStats {
    /// One-word candidates an alias could still label or relabel.
    var openSingles = 0
    /// One-word places from the gazetteer (a full person name may claim them).
    var placeSingles = 0
    /// People with two or more words.
    var fullPersons = 0
    /// People of any length.
    var persons = 0
    /// Organisations with two or more words.
    var fullOrganizations = 0
    /// One-word candidates in capitals that an organisation's acronym could explain.
    var acronyms = 0

    @inline(__always)
    mutating func count(_ candidate: Candidate, acronymShape: Bool) {
        let single = candidate.tokenCount == 1
        switch candidate.source {
        case .pending, .weak, .evidence:
            if single {
                openSingles += 1
                if acronymShape { acronyms += 1 }
            }
        case .gazetteer:
            if single && candidate.label == .location { placeSingles += 1 }
            if single && candidate.label == .organization && acronymShape { acronyms += 1 }
        case .user, .keyword:
            break
        }
        switch candidate.label {
        case .person:
            persons += 1
            if !single { fullPersons += 1 }
        case .organization where !single:
            fullOrganizations += 1
        default:
            break
        }
    }
}
