import CLedePrefetch
import LedeText

/// The decoding state of one ``PerceptronTagger``: feature scratch, tags of both
/// passes and the alias resolver, reused from document to document.
///
/// Decoding takes two passes over the regions: the second sees, for every word,
/// the labels the first gave its other occurrences in the document. The static
/// features' weights are summed once per region before both passes, which then
/// add only the four rows that depend on tags.
struct PerceptronDecoder {
    let model: PerceptronModel
    let gazetteer: Gazetteer
    private var extractor: FeatureExtractor
    private var tags: [UInt8] = []
    private var firstPass: [UInt8] = []
    /// Per previous tag and whether the token ends its region (`previous << 1 | last`):
    /// the tags that may come next.
    private let allowedTags: [TagMask] = (0..<(2 * BILOUTag.count)).map { index in
        let previous = UInt8(index >> 1), last = index & 1 == 1
        var mask = TagMask()
        for tag in 0..<UInt8(BILOUTag.count) where BILOUTag.allowed(previous, tag) && (!last || BILOUTag.canEnd(tag)) {
            mask.allow(tag)
        }
        return mask
    }
    /// Per register, previous tag and the tag before (`(register * 17 + previous) * 17
    /// + beforePrevious`): the sum of the ``FeatureExtractor/dynamicRows(previous:beforePrevious:)``.
    private let dynamicSums: [Scores]
    /// Per register and value of the second-pass feature (`register * 17 + labels`,
    /// labels 16 for the first pass): the feature's row.
    private let documentSums: [Scores]
    /// The static rows of one region and the word cache.
    private let buffers = RowBuffers()
    private var aliases = MentionAliasResolver()

    init(model: PerceptronModel, gazetteer: Gazetteer) {
        self.model = model
        self.gazetteer = gazetteer
        extractor = FeatureExtractor(gazetteer: gazetteer, bucketBits: model.bucketBits)
        extractor.casePrior = model.casePrior
        let weights = Weights(model), mask = model.mask
        var dynamicSums: [Scores] = []
        var documentSums: [Scores] = []
        for register: UInt64 in 0...1 {
            for previous in 0..<UInt8(BILOUTag.count) {
                for beforePrevious in 0..<UInt8(BILOUTag.count) {
                    let rows = FeatureExtractor.dynamicRows(
                        previous: previous, beforePrevious: beforePrevious, register: register, mask: mask)
                    var scores = Scores()
                    scores.add(rows.0, weights)
                    scores.add(rows.1, weights)
                    dynamicSums.append(scores)
                }
            }
            for labels in 0...16 {
                var scores = Scores()
                let value = labels == 16 ? FeatureExtractor.firstPassLabels : UInt64(labels)
                scores.add(FeatureExtractor.documentLabelRow(value, register: register, mask: mask), weights)
                documentSums.append(scores)
            }
        }
        self.dynamicSums = dynamicSums
        self.documentSums = documentSums
    }

    mutating func tag(
        text: UnsafeRawBufferPointer, tokens: UnsafeBufferPointer<Token>, into mentions: inout [Mention], resolvesAliases: Bool
    ) {
        guard let textBase = text.baseAddress, let tokenBase = tokens.baseAddress, !tokens.isEmpty else { return }
        precondition(Int(tokens[tokens.count - 1].end) <= text.count, "PerceptronTagger: tokens reach past the text")
        let doc = DocumentView(
            text: textBase.assumingMemoryBound(to: UInt8.self), textCount: text.count,
            tokens: tokenBase, count: tokens.count)
        extractor.prepare(doc, mined: ModelMinedNames(model: model))
        firstPass.removeAll(keepingCapacity: true)
        let base = mentions.count
        var regionTokens = 0
        for r in 0..<extractor.regionStarts.count { regionTokens += Int(extractor.regionEnds[r] - extractor.regionStarts[r]) }
        buffers.reserveScores(tokens: regionTokens)
        scoreStatic(doc, tokens: regionTokens)
        var offset = 0
        for r in 0..<extractor.regionStarts.count {
            let s = Int(extractor.regionStarts[r]), e = Int(extractor.regionEnds[r])
            decode(doc, s, e, offset: offset, firstPass: true)
            firstPass.append(contentsOf: tags)
            extractor.recordPass(s, tags)
            offset += e - s
        }
        offset = 0
        for r in 0..<extractor.regionStarts.count {
            let s = Int(extractor.regionStarts[r]), e = Int(extractor.regionEnds[r])
            decode(doc, s, e, offset: offset, firstPass: false)
            offset += e - s
            emit(doc, s, into: &mentions)
        }
        if resolvesAliases { aliases.resolve(doc, &mentions, from: base) }
    }

    /// Writes the static scores of the document's `count` region tokens to
    /// ``RowBuffers/staticScores`` and ``RowBuffers/afterOutside``, in order.
    ///
    /// Three stages run over the region tokens as a pipeline, each some tokens
    /// behind the one before: the ``FeatureExtractor/WordKey`` (its word-cache
    /// slot asked for), then the rows (each row's weights asked for as soon as
    /// it is hashed; none for the word features when the word cache has their
    /// sum), then the sums. So the cache misses of the word cache and of the
    /// rows overlap with the hashing of the tokens after them, whatever the
    /// regions' lengths. Integer sums in any order give the same scores.
    private mutating func scoreStatic(_ doc: DocumentView, tokens count: Int) {
        guard count > 0 else { return }
        let buffers = self.buffers
        let weights = Weights(model)
        let marks = buffers.marks, keys = buffers.keys
        var writer = RowWriter(base: buffers.rows, weights: weights)
        var ahead = RegionCursor(extractor), current = RegionCursor(extractor)
        var keyed = 0, summed = 0, start = 0
        for k in 0..<count {
            while keyed < count && keyed <= k + RowBuffers.keyLead {
                let key = extractor.wordKey(doc, ahead.t)
                let slot = RowBuffers.slot(key)
                keys[keyed & RowBuffers.ringMask] = key
                lede_prefetch(buffers.cachedKeys + slot)
                lede_prefetch(buffers.cachedScores + slot)
                ahead.advance(extractor)
                keyed += 1
            }
            let t = current.t
            let key = keys[k & RowBuffers.ringMask]
            let slot = RowBuffers.slot(key)
            let hit = buffers.cachedKeys[slot] == key
            if !hit {
                buffers.cachedKeys[slot] = key
                extractor.wordFeatures(doc, t, raw: key.raw, into: &writer)
            }
            let wordEnd = writer.count
            extractor.contextFeatures(doc, t, current.s, current.e, into: &writer)
            let outside = extractor.wordPreviousRow(word: extractor.wordHash[t], previous: 0)
            writer.prefetch(outside)
            marks[k & RowBuffers.ringMask] = RowBuffers.TokenRows(
                wordEnd: Int32(truncatingIfNeeded: wordEnd), end: Int32(truncatingIfNeeded: writer.count),
                slot: Int32(slot), afterOutside: outside, hit: hit)
            current.advance(extractor)
            if k >= RowBuffers.sumLag {
                Self.sum(summed, buffers, weights, start: &start)
                summed += 1
            }
        }
        while summed < count {
            Self.sum(summed, buffers, weights, start: &start)
            summed += 1
        }
    }

    /// Sums the rows of region token `k` (its rows start at `start`, which
    /// moves to where the next token's start) into its static scores.
    @inline(__always)
    private static func sum(_ k: Int, _ buffers: RowBuffers, _ weights: Weights, start: inout Int) {
        let rows = buffers.rows
        let mark = buffers.marks[k & RowBuffers.ringMask]
        var scores: Scores
        if mark.hit {
            scores = buffers.cachedScores[Int(mark.slot)]
        } else {
            scores = Scores()
            for r in start..<Int(mark.wordEnd) { scores.add(rows[r & RowBuffers.rowMask], weights) }
            buffers.cachedScores[Int(mark.slot)] = scores
        }
        for r in Int(mark.wordEnd)..<Int(mark.end) { scores.add(rows[r & RowBuffers.rowMask], weights) }
        buffers.staticScores[k] = scores
        scores.add(mark.afterOutside, weights)
        buffers.afterOutside[k] = scores
        start = Int(mark.end)
    }

    /// Walks the region tokens of a document in order.
    private struct RegionCursor {
        var region = 0
        var t: Int
        var s: Int
        var e: Int

        init(_ extractor: FeatureExtractor) {
            t = extractor.regionStarts.isEmpty ? 0 : Int(extractor.regionStarts[0])
            s = t
            e = extractor.regionStarts.isEmpty ? 0 : Int(extractor.regionEnds[0])
        }

        @inline(__always)
        mutating func advance(_ extractor: FeatureExtractor) {
            t += 1
            guard t == e else { return }
            region += 1
            guard region < extractor.regionStarts.count else { return }
            s = Int(extractor.regionStarts[region])
            e = Int(extractor.regionEnds[region])
            t = s
        }
    }

    /// Greedy decoding of region `[s, e)` into ``tags``; `offset` is the offset of the
    /// region's tokens in ``RowBuffers/staticScores`` and ``firstPass``.
    private mutating func decode(_ doc: DocumentView, _ s: Int, _ e: Int, offset: Int, firstPass isFirst: Bool) {
        let weights = Weights(model)
        tags.removeAll(keepingCapacity: true)
        let staticScores = buffers.staticScores + offset, afterOutside = buffers.afterOutside + offset
        var previous: UInt8 = 0, beforePrevious: UInt8 = 0
        let register = Int(extractor.register) * BILOUTag.count, documents = Int(extractor.register) * BILOUTag.count
        for t in s..<e {
            let word = extractor.wordHash[t]
            var scores: Scores
            if previous == 0 {
                scores = afterOutside[t - s]
            } else {
                scores = staticScores[t - s]
                scores.add(extractor.wordPreviousRow(word: word, previous: previous), weights)
            }
            scores.add(dynamicSums[(register + Int(previous)) * BILOUTag.count + Int(beforePrevious)])
            let labels = isFirst ? 16 : Int(extractor.documentLabels(word: word, own: firstPass[offset + t - s]))
            scores.add(documentSums[documents + labels])
            let best = allowedTags[Int(previous) << 1 | (t == e - 1 ? 1 : 0)].best(scores)
            tags.append(best)
            beforePrevious = previous
            previous = best
        }
    }

    /// One token's tag scores: `O` scores 0, and the model's rows hold every
    /// other tag's weight relative to it, 16 Int8s (16 bytes) per row and the
    /// row's shift.
    ///
    /// A row is one 16-byte load read as four Int32 lanes; shifts sign-extend
    /// byte `j` of every lane into ``bytes``[j] (so tag `1 + 4i + j` is lane `i`
    /// of vector `j`) and apply the row's shift. No call, no scalar load of a
    /// weight, so the loads of a token's rows overlap in the CPU.
    struct Scores {
        var bytes = (SIMD4<Int32>(), SIMD4<Int32>(), SIMD4<Int32>(), SIMD4<Int32>())

        @inline(__always)
        mutating func add(_ row: UInt32, _ model: Weights) {
            let packed = model.rows.loadUnaligned(fromByteOffset: Int(row) &* 16, as: SIMD4<Int32>.self)
            let shift = Int32(model.shifts[Int(row)])
            bytes.0 &+= ((packed &<< 24) &>> 24) &<< shift
            bytes.1 &+= ((packed &<< 16) &>> 24) &<< shift
            bytes.2 &+= ((packed &<< 8) &>> 24) &<< shift
            bytes.3 &+= (packed &>> 24) &<< shift
        }

        /// Adds `other`'s scores.
        @inline(__always)
        mutating func add(_ other: Scores) {
            bytes.0 &+= other.bytes.0
            bytes.1 &+= other.bytes.1
            bytes.2 &+= other.bytes.2
            bytes.3 &+= other.bytes.3
        }

        /// The score of `tag` (0: `O`).
        @inline(__always)
        subscript(tag: UInt8) -> Int32 {
            guard tag != 0 else { return 0 }
            let k = Int(tag &- 1), lane = k >> 2
            switch k & 3 {
            case 0: return bytes.0[lane]
            case 1: return bytes.1[lane]
            case 2: return bytes.2[lane]
            default: return bytes.3[lane]
            }
        }
    }

    /// A set of tags, laid out like ``Scores``: lane `i` of vector `j` is all
    /// ones when tag `1 + 4i + j` is in.
    struct TagMask {
        var lanes = (SIMD4<Int32>(), SIMD4<Int32>(), SIMD4<Int32>(), SIMD4<Int32>())
        var outside = false

        /// Puts `tag` in the set.
        mutating func allow(_ tag: UInt8) {
            guard tag != 0 else { outside = true; return }
            let k = Int(tag - 1), lane = k >> 2
            switch k & 3 {
            case 0: lanes.0[lane] = -1
            case 1: lanes.1[lane] = -1
            case 2: lanes.2[lane] = -1
            default: lanes.3[lane] = -1
            }
        }

        /// The tag of the highest score among the set's, the lowest tag on a tie
        /// (`O` when the set has no tag scoring above `Int32.min`).
        @inline(__always)
        func best(_ scores: Scores) -> UInt8 {
            let floor = SIMD4<Int32>(repeating: .min)
            let v0 = scores.bytes.0 & lanes.0 | floor & ~lanes.0
            let v1 = scores.bytes.1 & lanes.1 | floor & ~lanes.1
            let v2 = scores.bytes.2 & lanes.2 | floor & ~lanes.2
            let v3 = scores.bytes.3 & lanes.3 | floor & ~lanes.3
            let top = pointwiseMax(pointwiseMax(v0, v1), pointwiseMax(v2, v3)).max()
            if top == .min || (outside && top <= 0) { return 0 }
            let all = SIMD4<Int32>(repeating: top)
            // Bit 4i + j for lane i of vector j: the tags' order.
            let none = SIMD4<Int32>()
            let bits = none.replacing(with: SIMD4(1 << 0, 1 << 4, 1 << 8, 1 << 12), where: v0 .== all)
                | none.replacing(with: SIMD4(1 << 1, 1 << 5, 1 << 9, 1 << 13), where: v1 .== all)
                | none.replacing(with: SIMD4(1 << 2, 1 << 6, 1 << 10, 1 << 14), where: v2 .== all)
                | none.replacing(with: SIMD4(1 << 3, 1 << 7, 1 << 11, 1 << 15), where: v3 .== all)
            return UInt8(truncatingIfNeeded: 1 + bits.wrappedSum().trailingZeroBitCount)
        }
    }

    /// The model's weight rows and their shifts.
    struct Weights {
        let rows: UnsafeRawPointer
        let shifts: UnsafePointer<UInt8>

        init(_ model: PerceptronModel) {
            rows = model.weights
            shifts = model.shifts
        }
    }

    /// Writes rows into the ring of ``RowBuffers/rows`` (the row count keeps
    /// growing, its index wraps), and asks the CPU for each row's weights and shift right away, so
    /// that they arrive while the rest of the region is hashed.
    struct RowWriter: FeatureRows {
        let base: UnsafeMutablePointer<UInt32>
        let weights: Weights
        var count = 0

        @inline(__always)
        mutating func append(_ row: UInt32) {
            prefetch(row)
            base[count & RowBuffers.rowMask] = row
            count &+= 1
        }

        /// Asks the CPU for `row`'s weights and shift.
        @inline(__always)
        func prefetch(_ row: UInt32) {
            lede_prefetch(weights.rows + Int(row) &* 16)
            lede_prefetch(weights.shifts + Int(row))
        }
    }

    /// Turns the region's tags (starting at token `s`) into mentions.
    private func emit(_ doc: DocumentView, _ s: Int, into mentions: inout [Mention]) {
        var open = -1
        for (k, tag) in tags.enumerated() where tag != 0 {
            let part = BILOUTag.part(tag)
            if part == BILOUTag.begin || part == BILOUTag.unit { open = s + k }
            if part == BILOUTag.last || part == BILOUTag.unit, open >= 0 {
                let first = open, end = s + k + 1
                var canonical = CanonicalSource.surface
                let label = BILOUTag.label(tag)
                if end - first == 1 {
                    // The region's facts already hold the single token's entry.
                    if extractor.nameLabel[first] == label.rawValue && extractor.nameCanonical[first] >= 0 {
                        canonical = .lexicon(extractor.nameCanonical[first])
                    }
                } else if end - first <= 4 {
                    var key = extractor.wordHash[first]
                    for t in (first + 1)..<max(first + 1, end) { key = ByteKey.combine(key, extractor.wordHash[t]) }
                    let match = gazetteer.find(hash: ByteKey.finish(key), text: doc.text, textCount: doc.textCount,
                                               tokens: doc.tokens, from: first, count: end - first)
                    if match.label == label, match.canonical >= 0 { canonical = .lexicon(match.canonical) }
                }
                mentions.append(Mention(start: doc[first].start, end: doc[end - 1].end, label: label, canonical: canonical))
                open = -1
            }
        }
    }
}
