import LedeText

/// Trains a ``PerceptronModel``: a greedy averaged perceptron over BILOU tags on
/// candidate regions, with names mined from the training data.
///
/// Deterministic for a seed: documents are visited in an order shuffled by a
/// SplitMix64 generator, and every sum is taken in a fixed order. After each
/// epoch the averaged weights are scored on the dev documents; the best epoch's
/// model is kept.
public struct PerceptronTrainer {
    /// Training settings.
    public struct Options: Sendable {
        /// Passes over the training documents.
        public var epochs: Int
        /// The shuffling seed.
        public var seed: UInt64
        /// The feature table has `1 << bucketBits` rows (17 weights while training, 16 Int8 and a shift in the file).
        public var bucketBits: Int

        public init(epochs: Int = 12, seed: UInt64 = 1, bucketBits: Int = 16) {
            self.epochs = epochs
            self.seed = seed
            self.bucketBits = bucketBits
        }
    }

    /// What training saw and reached.
    public struct Report: Sendable {
        /// Gold mentions in the training documents.
        public var mentions = 0
        /// Gold mentions whose ends do not fall on token boundaries (not learnable).
        public var misaligned = 0
        /// Gold mentions not wholly inside one candidate region (never predicted).
        public var outsideRegions = 0
        /// Tokens in candidate regions / all tokens.
        public var regionTokens = 0
        public var tokens = 0
        /// Per epoch: tag mistakes during the pass, and dev F1 of the averaged weights.
        public var epochs: [(mistakes: Int, devF1: Double)] = []
        /// The epoch (1-based) whose model was kept.
        public var bestEpoch = 0
    }

    private struct Prepared {
        var gold: [UInt8]          // region tokens' gold tags, region after region
        var rows: [UInt32]         // static feature rows, token after token
        var rowEnds: [Int32]       // per region token: end of its rows
        var words: [UInt64]        // per region token: word hash (dynamic features)
        var regionLengths: [Int32]
        /// A social post: each static row is followed by its social copy, and
        /// training updates only the copies, so news weights are learnt from
        /// news alone (see ``FeatureExtractor/register``).
        var social: Bool
    }

    let options: Options
    let gazetteer: Gazetteer

    /// Creates a trainer.
    public init(options: Options = Options(), gazetteer: Gazetteer = .builtIn) {
        self.options = options
        self.gazetteer = gazetteer
    }

    /// Trains on `train`, picks the epoch by F1 on `dev` (the last epoch when `dev`
    /// is empty), and returns the model file's bytes, which include `casePrior`.
    public func train(
        _ train: [TrainingDocument], dev: [TrainingDocument], casePrior: CasePrior = CasePrior(),
        log: (String) -> Void = { _ in }
    ) -> (model: [UInt8], report: Report) {
        var report = Report()
        let tokenizer = Tokenizer()
        // 1. Tokenize, align gold spans, mine names.
        var tokenLists: [[Token]] = []
        var goldTags: [[UInt8]] = []
        var localNames: [[UInt64: SIMD4<Int32>]] = []
        var global: [UInt64: SIMD4<Int32>] = [:]
        var longest = 1
        var lowercase: Set<UInt64> = []
        for document in train {
            var buffer = TokenBuffer(capacity: 256)
            tokenizer.tokenize(document.text, into: &buffer)
            let tokens = buffer.tokens
            var tags = [UInt8](repeating: 0, count: tokens.count)
            var local: [UInt64: SIMD4<Int32>] = [:]
            var cursor = 0
            // Names and lowercase words are mined from news only: social posts
            // tag names that news writes as words, and write names in lowercase.
            let social = document.isSocial ?? document.text.withUnsafeBufferPointer { text in
                tokens.withUnsafeBufferPointer { list in
                    guard let base = text.baseAddress, let first = list.baseAddress else { return false }
                    return FeatureExtractor.isSocial(DocumentView(text: base, textCount: text.count, tokens: first, count: list.count))
                }
            }
            document.text.withUnsafeBufferPointer { text in
                for span in document.spans {
                    report.mentions += 1
                    while cursor < tokens.count && Int(tokens[cursor].end) <= span.start { cursor += 1 }
                    var last = cursor
                    while last < tokens.count && Int(tokens[last].start) < span.end { last += 1 }
                    guard cursor < last, Int(tokens[cursor].start) == span.start, Int(tokens[last - 1].end) == span.end else {
                        report.misaligned += 1
                        continue
                    }
                    let count = last - cursor
                    for k in 0..<count {
                        let part: UInt8 = count == 1 ? BILOUTag.unit : k == 0 ? BILOUTag.begin : k == count - 1 ? BILOUTag.last : BILOUTag.inside
                        tags[cursor + k] = BILOUTag.make(span.label, part)
                    }
                    if count <= 8 && !social {
                        var key: UInt64 = 0
                        for k in 0..<count {
                            let hash = gazetteer.word(text: text.baseAddress!, textCount: text.count, token: tokens[cursor + k]).hash
                            key = k == 0 ? hash : ByteKey.combine(key, hash)
                        }
                        key = ByteKey.finish(key)
                        var one = SIMD4<Int32>(repeating: 0)
                        one[Int(span.label.rawValue)] = 1
                        local[key, default: .zero] &+= one
                        global[key, default: .zero] &+= one
                        longest = max(longest, count)
                    }
                }
            }
            document.text.withUnsafeBufferPointer { text in
                if social { return }
                for token in tokens where token.kind == .word && !token.flags.contains(.capitalized) && token.flags.contains(.hasLowercase) {
                    lowercase.insert(ByteKey.finish(gazetteer.word(text: text.baseAddress!, textCount: text.count, token: token).hash))
                }
            }
            tokenLists.append(tokens)
            goldTags.append(tags)
            localNames.append(local)
        }
        // 2. Regions and static features, with leave-one-document-out mined names.
        var extractor = FeatureExtractor(gazetteer: gazetteer, bucketBits: options.bucketBits)
        extractor.casePrior = casePrior
        var mined = LeaveOneOutNames(global: global, lowercase: lowercase, maxTokens: longest)
        var prepared: [Prepared] = []
        for (index, document) in train.enumerated() {
            mined.local = localNames[index]
            let tokens = tokenLists[index], tags = goldTags[index]
            var item = Prepared(gold: [], rows: [], rowEnds: [], words: [], regionLengths: [], social: false)
            report.tokens += tokens.count
            document.text.withUnsafeBufferPointer { text in
                tokens.withUnsafeBufferPointer { tokenBuffer in
                    guard !tokens.isEmpty else { return }
                    let doc = DocumentView(text: text.baseAddress!, textCount: text.count, tokens: tokenBuffer.baseAddress!, count: tokens.count)
                    extractor.prepare(doc, mined: mined, social: document.isSocial)
                    item.social = extractor.register != 0
                    var covered = [Bool](repeating: false, count: tokens.count)
                    for r in 0..<extractor.regionStarts.count {
                        let s = Int(extractor.regionStarts[r]), e = Int(extractor.regionEnds[r])
                        item.regionLengths.append(Int32(e - s))
                        // A mention cut by the region's ends cannot be predicted: train on O there.
                        var regionTags = Array(tags[s..<e])
                        if let first = regionTags.first, first != 0, BILOUTag.part(first) != BILOUTag.begin && BILOUTag.part(first) != BILOUTag.unit {
                            for k in 0..<regionTags.count where regionTags[k] != 0 {
                                let part = BILOUTag.part(regionTags[k])
                                regionTags[k] = 0
                                if part == BILOUTag.last { break }
                            }
                        }
                        if let last = regionTags.last, last != 0, BILOUTag.part(last) == BILOUTag.begin || BILOUTag.part(last) == BILOUTag.inside {
                            var k = regionTags.count - 1
                            while k >= 0, regionTags[k] != 0 {
                                let part = BILOUTag.part(regionTags[k])
                                regionTags[k] = 0
                                if part == BILOUTag.begin { break }
                                k -= 1
                            }
                        }
                        for t in s..<e {
                            covered[t] = true
                            item.gold.append(regionTags[t - s])
                            extractor.features(doc, t, s, e, into: &item.rows)
                            item.rowEnds.append(Int32(item.rows.count))
                            item.words.append(extractor.wordHash[t])
                            report.regionTokens += 1
                        }
                    }
                    for t in 0..<tokens.count where tags[t] != 0 && !covered[t] {
                        let part = BILOUTag.part(tags[t])
                        if part == BILOUTag.begin || part == BILOUTag.unit { report.outsideRegions += 1 }
                    }
                }
            }
            prepared.append(item)
        }
        log("train: \(train.count) documents, \(report.tokens) tokens, \(report.regionTokens) in candidate regions; "
            + "\(report.mentions) mentions, \(report.misaligned) off token boundaries, \(report.outsideRegions) outside regions; "
            + "\(global.count) mined names")
        var masks: [UInt64: UInt8] = [:]
        for (key, counts) in global { masks[key] = minedMask(counts) }
        for key in lowercase { masks[key, default: 0] |= 16 }
        let minedEntries = masks.map { (key: $0.key, mask: $0.value) }.sorted { $0.key < $1.key }

        // 3. Epochs.
        let size = (1 << options.bucketBits) * BILOUTag.count
        var weights = [Float](repeating: 0, count: size)
        var totals = [Double](repeating: 0, count: size)
        var stamps = [Int32](repeating: 0, count: size)
        var now: Int32 = 0
        var random = options.seed
        var order = Array(0..<prepared.count)
        var bestModel: [UInt8] = []
        var bestF1 = -1.0
        var scores = [Float](repeating: 0, count: BILOUTag.count)
        var firstPass: [UInt8] = []
        for epoch in 1...max(1, options.epochs) {
            for k in stride(from: order.count - 1, to: 0, by: -1) {
                random &+= 0x9E37_79B9_7F4A_7C15
                var z = random
                z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
                z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
                z ^= z >> 31
                order.swapAt(k, Int(z % UInt64(k + 1)))
            }
            var mistakes = 0
            for index in order {
                let item = prepared[index]
                extractor.register = item.social ? 1 : 0
                // Pass 1: tags without document labels, no updates.
                firstPass.removeAll(keepingCapacity: true)
                extractor.passLabels.removeAll()
                for pass in 0..<2 {
                    var position = 0
                    var rowStart = 0
                    for length in item.regionLengths {
                        var previous: UInt8 = 0, beforePrevious: UInt8 = 0
                        for k in 0..<Int(length) {
                            let rowEnd = Int(item.rowEnds[position])
                            let word = item.words[position]
                            let dynamic = extractor.dynamicRows(previous: previous, beforePrevious: beforePrevious)
                            let wordPrevious = extractor.wordPreviousRow(word: word, previous: previous)
                            let documentRow = extractor.documentLabelRow(
                                word: word, own: pass == 0 ? 0 : firstPass[position], firstPass: pass == 0)
                            for tag in 0..<BILOUTag.count { scores[tag] = 0 }
                            weights.withUnsafeBufferPointer { w in
                                func add(_ row: UInt32) {
                                    let base = Int(row) * BILOUTag.count
                                    for tag in 0..<BILOUTag.count { scores[tag] += w[base + tag] }
                                }
                                for r in rowStart..<rowEnd { add(item.rows[r]) }
                                add(dynamic.0); add(dynamic.1); add(wordPrevious); add(documentRow)
                            }
                            var best: UInt8 = 0
                            var bestScore = -Float.infinity
                            let last = k == Int(length) - 1
                            for tag in 0..<UInt8(BILOUTag.count) {
                                guard BILOUTag.allowed(previous, tag), !last || BILOUTag.canEnd(tag) else { continue }
                                if scores[Int(tag)] > bestScore { bestScore = scores[Int(tag)]; best = tag }
                            }
                            let gold = item.gold[position]
                            if pass == 0 {
                                firstPass.append(best)
                                if best != 0 {
                                    var one = SIMD4<Int16>(repeating: 0)
                                    one[Int(BILOUTag.label(best).rawValue)] = 1
                                    extractor.passLabels.modify(word) { $0 &+= one }
                                }
                            } else {
                                now &+= 1
                                if best != gold {
                                    mistakes += 1
                                    func update(_ row: UInt32, _ tag: UInt8, _ delta: Float) {
                                        let i = Int(row) * BILOUTag.count + Int(tag)
                                        totals[i] += Double(now - stamps[i]) * Double(weights[i])
                                        stamps[i] = now
                                        weights[i] += delta
                                    }
                                    // A social post's rows alternate shared and social: only the social ones learn.
                                    for r in stride(from: item.social ? rowStart + 1 : rowStart, to: rowEnd, by: item.social ? 2 : 1) {
                                        update(item.rows[r], gold, 1)
                                        update(item.rows[r], best, -1)
                                    }
                                    for row in [dynamic.0, dynamic.1, wordPrevious, documentRow] {
                                        update(row, gold, 1)
                                        update(row, best, -1)
                                    }
                                }
                            }
                            beforePrevious = previous
                            previous = best
                            rowStart = rowEnd
                            position += 1
                        }
                    }
                }
            }
            // Averaged weights of this epoch, each tag's relative to `O` in its row
            // (argmax is unchanged and the tagger need not read `O`), quantised.
            let width = PerceptronModel.rowWidth
            var relative = [Float](repeating: 0, count: (1 << options.bucketBits) * width)
            for row in 0..<(1 << options.bucketBits) {
                func averaged(_ i: Int) -> Float {
                    Float((totals[i] + Double(now - stamps[i]) * Double(weights[i])) / Double(max(now, 1)))
                }
                let base = row * BILOUTag.count
                let outside = averaged(base)
                for k in 0..<width {
                    let value = averaged(base + 1 + k) - outside
                    relative[row * width + k] = value
                }
            }
            let bytes = PerceptronModel.serialize(bucketBits: options.bucketBits, weights: PerceptronModel.quantise(relative),
                                                  mined: minedEntries, maxTokens: longest, casePrior: casePrior)
            let f1 = dev.isEmpty ? Double(epoch) : Self.f1(model: bytes, gazetteer: gazetteer, on: dev)
            report.epochs.append((mistakes, dev.isEmpty ? 0 : f1))
            log("epoch \(epoch): \(mistakes) mistakes" + (dev.isEmpty ? "" : ", dev F1 \(String(f1))"))
            if f1 > bestF1 {
                bestF1 = f1
                bestModel = bytes
                report.bestEpoch = epoch
            }
        }
        return (bestModel, report)
    }

    /// Exact span + label micro F1 of a serialised model on gold documents.
    static func f1(model bytes: [UInt8], gazetteer: Gazetteer, on documents: [TrainingDocument]) -> Double {
        guard let model = try? PerceptronModel(bytes: bytes) else { return 0 }
        var tagger = PerceptronTagger(model: model, gazetteer: gazetteer)
        let tokenizer = Tokenizer()
        var buffer = TokenBuffer()
        var mentions: [Mention] = []
        var correct = 0, predicted = 0, gold = 0
        for document in documents {
            buffer.removeAll()
            mentions.removeAll(keepingCapacity: true)
            document.text.withUnsafeBytes { text in
                tokenizer.tokenize(text, into: &buffer)
                buffer.tokens.withUnsafeBufferPointer { tagger.tag(text: text, tokens: $0, into: &mentions) }
            }
            let goldSet = Set(document.spans)
            predicted += mentions.count
            gold += goldSet.count
            for mention in mentions where goldSet.contains(TrainingDocument.Span(start: Int(mention.start), end: Int(mention.end), label: mention.label)) {
                correct += 1
            }
        }
        let p = predicted == 0 ? 0 : Double(correct) / Double(predicted)
        let r = gold == 0 ? 0 : Double(correct) / Double(gold)
        return p + r == 0 ? 0 : 2 * p * r / (p + r)
    }
}
