import ArgumentParser
import LedeEntities
import LedeStore

extension Lede {
    /// `lede neighbors ENTITY`: the entities named most often in the same documents.
    struct Neighbors: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the entities most often named in the same documents as an entity.",
            discussion: """
                ENTITY is a canonical name, as `lede top` prints it. A name that has several \
                labels gets one list per label, unless --entity-label picks one. Co-occurrences \
                are counted over the whole archive (among each document's most mentioned \
                entities, up to the run's --cooccurrence-cap), not per day.
                """)

        @Argument(help: "The entity's canonical name.")
        var entity: String

        @OptionGroup var store: StoreLocation

        @Option(name: .long, help: "The entity's label, when its name has several.")
        var entityLabel: EntityLabel?

        @Option(name: .long, help: "Only neighbours of this label.")
        var label: EntityLabel?

        @Option(name: .long, help: "How many neighbours.")
        var limit: Int = 20

        @Flag(name: .long, help: "Print JSON instead of a table.")
        var json = false

        @Option(name: .long, help: .hidden)
        var since: String?

        @Option(name: .long, help: .hidden)
        var until: String?

        func validate() throws {
            if since != nil || until != nil {
                throw ValidationError(
                    "co-occurrences are counted over the whole archive, not per day: --since and --until do not apply to neighbors (use `lede timeline` or `lede top` for a range of days)")
            }
            if limit < 1 { throw ValidationError("--limit must be at least 1") }
        }

        func run() throws {
            let reader = try store.open()
            let lists = try querying {
                try reader.entities(named: entity, label: entityLabel).map { entity in
                    EntityNeighbors(entity: entity, neighbors: try reader.neighbors(of: entity, label: label, limit: limit))
                }
            }
            if json {
                try JSONPrinter.print(lists)
                return
            }
            for (index, list) in lists.enumerated() {
                if index > 0 { print("") }
                print(EntityHeader.line(list.entity))
                guard !list.neighbors.isEmpty else {
                    print("  no \(label.map { "\($0.name) " } ?? "")entity shares a document with it")
                    continue
                }
                let width = min(40, max(8, list.neighbors.map { $0.entity.canonical.count }.max() ?? 8))
                print("  " + pad("neighbor", width) + "  label  documents")
                for neighbor in list.neighbors {
                    print(
                        "  " + pad(neighbor.entity.canonical, width) + "  " + pad(neighbor.entity.label.name, 5) + "  "
                            + leftPad(neighbor.documents, 9))
                }
            }
        }
    }
}

/// An entity with its neighbours, as `--json` prints it: the entity's fields plus `neighbors`.
struct EntityNeighbors: Encodable {
    var entity: StoreEntity
    var neighbors: [StoreNeighbor]

    private enum CodingKeys: String, CodingKey {
        case neighbors
    }

    func encode(to encoder: any Encoder) throws {
        try entity.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(neighbors, forKey: .neighbors)
    }
}

/// `text` cut or padded with spaces to `width` characters.
func pad(_ text: String, _ width: Int) -> String {
    text.count >= width ? String(text.prefix(width)) : text + String(repeating: " ", count: width - text.count)
}
