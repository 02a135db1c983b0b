extension Gazetteer {
    /// The gazetteer built from the built-in lists alone, built once on first use
    /// and shared by every tagger that does not bring its own.
    public static let builtIn = Gazetteer(entries: builtInEntries)

    /// The built-in lists as entries, in the order that decides labels when two
    /// lists name the same key: countries, regions, cities, organisations, other
    /// `MISC` names and demonyms, then the flag-only lists.
    public static var builtInEntries: [Entry] {
        var entries: [Entry] = []
        entries.reserveCapacity(8_000)

        var demonyms: [Entry] = []
        for fields in BuiltInLists.records(BuiltInLists.countries) {
            let country = fields[0]
            entries.append(Entry(name: country, label: .location))
            for alias in BuiltInLists.items(fields, 2) {
                entries.append(Entry(name: alias, label: .location, canonical: country))
            }
            let names = BuiltInLists.items(fields, 1)
            guard let first = names.first else { continue }
            for demonym in names {
                demonyms.append(Entry(name: demonym, label: .miscellaneous, flags: .demonym,
                                      canonical: demonym == first ? nil : first))
                if demonym.hasSuffix("an") || demonym.hasSuffix("i") {
                    demonyms.append(Entry(name: demonym + "s", label: .miscellaneous, flags: .demonym,
                                          canonical: first))
                }
            }
        }
        for list in [BuiltInLists.regions, BuiltInLists.cities] {
            for fields in BuiltInLists.records(list) {
                entries.append(Entry(name: fields[0], label: .location))
                for alias in BuiltInLists.items(fields, 1) {
                    entries.append(Entry(name: alias, label: .location, canonical: fields[0]))
                }
            }
        }
        for fields in BuiltInLists.records(BuiltInLists.organizations) {
            let canonical = fields.count > 1 && !fields[1].isEmpty ? fields[1] : nil
            entries.append(Entry(name: fields[0], label: .organization, canonical: canonical))
        }
        for name in BuiltInLists.lines(BuiltInLists.miscellaneous) {
            entries.append(Entry(name: name, label: .miscellaneous))
        }
        entries.append(contentsOf: demonyms)

        let flagLists: [(String, Flags)] = [
            (BuiltInLists.givenNames, .givenName),
            (BuiltInLists.organizationKeywords, .orgKeyword),
            (BuiltInLists.miscellaneousKeywords, .miscKeyword),
            (BuiltInLists.locationKeywords, .locationKeyword),
            (BuiltInLists.personTitles, .personTitle),
            (BuiltInLists.commonWords, .commonLowercaseWord),
            (BuiltInLists.calendar, .monthOrDay),
            (BuiltInLists.connectors, .connector),
            (BuiltInLists.locationPrepositions, .locationPreposition),
            (BuiltInLists.speechVerbs, .speechVerb),
        ]
        for (list, flags) in flagLists {
            for name in BuiltInLists.lines(list) {
                entries.append(Entry(name: name, label: nil, flags: flags))
            }
        }
        return entries
    }
}

extension BuiltInLists {
    /// Non-empty trimmed lines of a list.
    static func lines(_ list: String) -> [String] {
        list.split(separator: "\n").compactMap { line in
            let trimmed = line.trimmingSpaces
            return trimmed.isEmpty ? nil : trimmed
        }
    }

    /// Lines split into `|` fields.
    static func records(_ list: String) -> [[String]] {
        lines(list).map { $0.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingSpaces } }
    }

    /// The `,`-separated items of field `index`, if present.
    static func items(_ fields: [String], _ index: Int) -> [String] {
        guard index < fields.count else { return [] }
        return fields[index].split(separator: ",").map { $0.trimmingSpaces }.filter { !$0.isEmpty }
    }
}

extension StringProtocol {
    /// Without leading and trailing spaces (Foundation-free).
    var trimmingSpaces: String {
        var slice = self[...]
        while slice.first == " " { slice = slice.dropFirst() }
        while slice.last == " " { slice = slice.dropLast() }
        return String(slice)
    }
}
