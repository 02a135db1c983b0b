import ArgumentParser
import LedeAggregation

/// `--since` and `--until`, inclusive days.
struct DateRangeOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Count only documents of this day or later.", valueName: "YYYY-MM-DD"))
    var since: Day?

    @Option(name: .long, help: ArgumentHelp("Count only documents of this day or earlier.", valueName: "YYYY-MM-DD"))
    var until: Day?

    func validate() throws {
        if let since, let until, until < since { throw ValidationError("--until \(until) is before --since \(since)") }
    }

    /// Whether a bound is given.
    var isSet: Bool { since != nil || until != nil }
}
