import ArgumentParser
import LedeEntities
import LedeStore

extension Lede {
    /// `lede timeline ENTITY`: an entity's mentions day by day.
    struct Timeline: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print an entity's mentions and documents per day.",
            discussion: """
                ENTITY is a canonical name, as `lede top` prints it. A name that has several \
                labels gets one timeline per label, unless --label picks one.
                """)

        @Argument(help: "The entity's canonical name.")
        var entity: String

        @OptionGroup var store: StoreLocation

        @Option(name: .long, help: "The entity's label, when its name has several.")
        var label: EntityLabel?

        @OptionGroup var range: DateRangeOptions

        @Option(name: .long, help: "At most this many days: the latest ones.")
        var limit: Int?

        @Flag(name: .long, help: "Print JSON instead of a table.")
        var json = false

        func validate() throws {
            if let limit, limit < 1 { throw ValidationError("--limit must be at least 1") }
        }

        func run() throws {
            let reader = try store.open()
            let timelines = try querying {
                try reader.entities(named: entity, label: label).map { entity in
                    EntityTimeline(
                        entity: entity,
                        timeline: try reader.timeline(of: entity, since: range.since, until: range.until, limit: limit))
                }
            }
            if json {
                try JSONPrinter.print(timelines)
                return
            }
            for (index, timeline) in timelines.enumerated() {
                if index > 0 { print("") }
                print(EntityHeader.line(timeline.entity))
                guard !timeline.timeline.isEmpty else {
                    print("  no dated document names it\(range.isSet ? " in this range" : "")")
                    continue
                }
                print("  date        mentions  documents")
                for day in timeline.timeline {
                    print("  \(day.date)  \(leftPad(day.mentions, 8))  \(leftPad(day.documents, 9))")
                }
            }
        }
    }
}

/// An entity with its days, as `--json` prints it: the entity's fields plus `timeline`.
struct EntityTimeline: Encodable {
    var entity: StoreEntity
    var timeline: [StoreTimelineEntry]

    private enum CodingKeys: String, CodingKey {
        case timeline
    }

    func encode(to encoder: any Encoder) throws {
        try entity.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(timeline, forKey: .timeline)
    }
}

/// The line that introduces an entity in `timeline` and `neighbors`.
enum EntityHeader {
    static func line(_ entity: StoreEntity) -> String {
        var line = "\(entity.canonical) (\(entity.label.name)): \(entity.mentions) mentions in \(entity.documents) documents"
        if let first = entity.firstDate, let last = entity.lastDate { line += ", \(first) to \(last)" }
        return line
    }
}

/// `value` right-aligned in `width` columns.
func leftPad(_ value: Int, _ width: Int) -> String {
    let text = String(value)
    return text.count >= width ? text : String(repeating: " ", count: width - text.count) + text
}
