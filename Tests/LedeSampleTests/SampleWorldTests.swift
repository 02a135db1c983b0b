import Testing
@testable import LedeSample

@Suite struct SampleWorldTests {
    @Test func entityListsAreLargeAndDistinct() {
        let people = SampleCorpus.people
        #expect(people.count >= 800)
        #expect(Set(people.map(\.name)).count == people.count, "full names are unique")
        #expect(people.allSatisfy { $0.kind == .person && $0.label == "PER" && $0.shortName != nil })
        #expect(people.allSatisfy { $0.name.contains($0.shortName!) })
        #expect(people.enumerated().allSatisfy { $0.offset == $0.element.rank })

        let orgs = SampleCorpus.organizations
        #expect(orgs.count >= 250)
        #expect(Set(orgs.map(\.name)).count == orgs.count)
        #expect(orgs.contains { $0.name == "World Health Organization" && $0.shortName == "WHO" })
        #expect(orgs.contains { $0.name == "U.S. Southern Command" })
        #expect(orgs.contains { $0.name.hasSuffix(" Inc") })
        #expect(orgs.contains { $0.name.hasSuffix(" University") })
        #expect(orgs.contains { $0.name.hasSuffix(" Bank") })
        #expect(orgs.contains { $0.name.hasSuffix(" Party") })
        #expect(orgs.contains { $0.name.contains("Ministry of Finance") })

        let places = SampleCorpus.places
        #expect(places.count >= 250)
        #expect(places.allSatisfy { $0.label == "LOC" })
        for name in ["Zürich", "São Paulo", "Venezuela", "Caracas", "Middle East"] {
            #expect(places.contains { $0.name == name }, "\(name) is a place")
        }
        #expect(SampleCorpus.entities.count == people.count + orgs.count + places.count)
    }

    @Test func namesSpanCulturesAndScripts() {
        let names = SampleCorpus.people.map(\.name)
        #expect(names.filter { $0.unicodeScalars.contains { $0.value > 0x7F } }.count > names.count / 10)
        // Names written surname first keep the surname as the short form.
        #expect(SampleCorpus.people.contains { $0.name.hasPrefix($0.shortName! + " ") })
        #expect(SampleCorpus.people.contains { $0.name.hasSuffix(" " + $0.shortName!) })
    }

    @Test func fragmentsEscapeEveryNonASCIIScalar() {
        var arena = ByteArenaBuilder()
        let frag = arena.add("Zürich 😀 a/b")
        let escaped = String(decoding: arena.bytes[Int(frag.escapedStart)..<Int(frag.escapedStart + frag.escapedLength)],
                             as: UTF8.self)
        #expect(escaped.lowercased() == "z\\u00fcrich \\ud83d\\ude00 a\\/b")
        let ascii = arena.add("plain text")
        #expect(ascii.escapedLength == 0)
    }

    @Test func zipfSamplerFavoursLowRanks() {
        let sampler = ZipfSampler(count: 100, exponent: 1.0)
        var rng = SplitMix64(seed: 99)
        var counts = [Int](repeating: 0, count: 100)
        let draws = 200_000
        for _ in 0..<draws { counts[sampler.sample(&rng)] += 1 }
        // P(0) = 1 / H(100) ≈ 0.193, P(9) ≈ 0.0193.
        #expect(abs(Double(counts[0]) / Double(draws) - 0.193) < 0.01)
        #expect(abs(Double(counts[9]) / Double(draws) - 0.0193) < 0.003)
        #expect(counts[0] > 50 * counts[99] / 2)
    }

    @Test func weightedSamplerMatchesWeights() {
        let sampler = ZipfSampler(weights: [1, 0, 3])
        var rng = SplitMix64(seed: 5)
        var counts = [0, 0, 0]
        for _ in 0..<40_000 { counts[sampler.sample(&rng)] += 1 }
        #expect(counts[1] == 0)
        #expect(abs(Double(counts[2]) / 40_000 - 0.75) < 0.01)
    }
}
