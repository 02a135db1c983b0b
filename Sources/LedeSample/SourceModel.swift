/// A news source (wire service or paper) and its house style.
///
/// Styles differ the way real archives do, so that downstream stages meet
/// "3.5 percent" and "3.5 per cent", "May 12" and "12 May", ‘single’ and
/// “double” quotes, and both date-only and timestamped `date` fields.
struct SourceModel: Sendable {
    var name: Frag
    var nameText: String
    /// Relative share of documents.
    var weight: Int
    /// "12 May" instead of "May 12".
    var dayFirst: Bool
    /// ‘…’ instead of “…”.
    var singleQuotes: Bool
    /// 0: " percent", 1: " per cent", 2: "%".
    var percentStyle: UInt8
    /// Prefers £ and "£600m"/"£4.2bn" amounts.
    var britishMoney: Bool
    /// Later mentions often "Mr. Guaido" instead of "Guaido".
    var honorifics: Bool
    /// Opens stories with "CARACAS, Venezuela — ".
    var datelines: Bool
    /// Writes `date` as "2019-05-12T14:05:00Z".
    var timestamps: Bool

    /// The six sources, most frequent first.
    static func all(_ arena: inout ByteArenaBuilder) -> [SourceModel] {
        func s(_ name: String, _ weight: Int, dayFirst: Bool = false, single: Bool = false, percent: UInt8 = 0,
               british: Bool = false, honorifics: Bool = false, datelines: Bool = false, timestamps: Bool = false) -> SourceModel {
            SourceModel(name: arena.add(name), nameText: name, weight: weight, dayFirst: dayFirst, singleQuotes: single,
                        percentStyle: percent, britishMoney: british, honorifics: honorifics, datelines: datelines,
                        timestamps: timestamps)
        }
        return [
            s("wire-a", 30, datelines: true),
            s("wire-b", 24, datelines: true),
            s("wire-c", 18, honorifics: true),
            s("wire-d", 12, datelines: true, timestamps: true),
            s("metro-daily", 9, dayFirst: true, single: true, percent: 1, british: true),
            s("global-post", 7, dayFirst: true, percent: 2, british: true),
        ]
    }
}
