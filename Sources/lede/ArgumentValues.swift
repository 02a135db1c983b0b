import ArgumentParser
import LedeAggregation
import LedeEntities

// Option values read as the tables write them.

extension Day: ExpressibleByArgument {
    /// A day written `YYYY-MM-DD`.
    public init?(argument: String) { self.init(argument) }
}

extension EntityLabel: ExpressibleByArgument {
    /// `PER`, `ORG`, `LOC` or `MISC`, in any case.
    public init?(argument: String) { self.init(name: argument.uppercased()) }

    public static var allValueStrings: [String] { allCases.map(\.name) }
}
