/// One merge rule: its priority (lower merges first) and the token it produces.
struct MergeRule: Sendable {
    var rank: Int32
    var mergedID: Int32
}

/// Merged ids of recently seen words. Bounded: cleared when full, so memory stays flat on long inputs.
struct WordCache: Sendable {
    static let capacity = 65_536
    /// Words longer than this are merged every time (rare, and they would crowd out common words).
    static let longestCachedWord = 128
    var idsForWord: [[UInt8]: [Int32]] = [:]

    mutating func insert(_ ids: [Int32], for word: [UInt8]) {
        if idsForWord.count >= Self.capacity { idsForWord.removeAll(keepingCapacity: true) }
        idsForWord[word] = ids
    }
}

/// Finds added tokens in UTF-8 text: leftmost match wins, and the longest one among those starting there.
struct AddedTokenMatcher: Sendable {
    /// Candidates by first byte, longest first.
    private let candidatesByFirstByte: [[(bytes: [UInt8], id: Int32)]]

    init(_ addedTokens: [Tokenizer.AddedToken]) {
        var table = [[(bytes: [UInt8], id: Int32)]](repeating: [], count: 256)
        for token in addedTokens {
            let bytes = Array(token.content.utf8)
            table[Int(bytes[0])].append((bytes, token.id))
        }
        for index in table.indices { table[index].sort { $0.bytes.count > $1.bytes.count } }
        candidatesByFirstByte = table
    }

    var isEmpty: Bool { candidatesByFirstByte.allSatisfy(\.isEmpty) }

    /// The added token starting at `offset`, if any, and its length in bytes.
    func match(in bytes: [UInt8], at offset: Int) -> (id: Int32, length: Int)? {
        for candidate in candidatesByFirstByte[Int(bytes[offset])] {
            let length = candidate.bytes.count
            guard offset + length <= bytes.count else { continue }
            var equal = true
            for index in 1..<length where bytes[offset + index] != candidate.bytes[index] {
                equal = false
                break
            }
            if equal { return (candidate.id, length) }
        }
        return nil
    }
}

extension Tokenizer {
    /// `encode` plus where each token came from in the input's UTF-8 (used to build loss masks).
    public func encodeWithOffsets(_ text: String, parseSpecialTokens: Bool = true) -> TokenizedText {
        let bytes = Array(text.utf8)
        var scalars: [Unicode.Scalar] = []
        var scalarOffsets: [Int] = []
        scalars.reserveCapacity(bytes.count)
        scalarOffsets.reserveCapacity(bytes.count + 1)
        var offset = 0
        for scalar in text.unicodeScalars {
            scalars.append(scalar)
            scalarOffsets.append(offset)
            offset += UTF8.width(scalar)
        }
        scalarOffsets.append(offset)
        let classes = scalars.map(ScalarClass.init)

        var result = TokenizedText(ids: [], utf8Ranges: [])
        result.ids.reserveCapacity(bytes.count / 3)
        result.utf8Ranges.reserveCapacity(bytes.count / 3)
        var segmentStart = 0
        var index = 0
        if parseSpecialTokens && !addedTokenMatcher.isEmpty {
            while index < scalars.count {
                let byteOffset = scalarOffsets[index]
                guard let match = addedTokenMatcher.match(in: bytes, at: byteOffset) else {
                    index += 1
                    continue
                }
                encodeSegment(scalars, classes, scalarOffsets, bytes, segmentStart, index, into: &result)
                result.ids.append(match.id)
                result.utf8Ranges.append(byteOffset..<(byteOffset + match.length))
                while scalarOffsets[index] < byteOffset + match.length { index += 1 }
                segmentStart = index
            }
        }
        encodeSegment(scalars, classes, scalarOffsets, bytes, segmentStart, scalars.count, into: &result)
        return result
    }

    /// Pre-tokenizes scalars `[start, end)` and appends the merged ids of each piece.
    private func encodeSegment(
        _ scalars: [Unicode.Scalar], _ classes: [ScalarClass], _ scalarOffsets: [Int], _ bytes: [UInt8],
        _ start: Int, _ end: Int, into result: inout TokenizedText
    ) {
        guard start < end else { return }
        let pieces = preTokenization.split(Array(scalars[start..<end]), classes: Array(classes[start..<end]))
        for piece in pieces {
            let byteStart = scalarOffsets[start + piece.start]
            let byteEnd = scalarOffsets[start + piece.end]
            var word: [UInt8] = piece.hasAddedSpace ? [0x20] : []
            word.append(contentsOf: bytes[byteStart..<byteEnd])
            let ids = mergedIDs(of: word)
            // Map each token back to source bytes; the added space (if any) occupies no source bytes.
            var cursor = piece.hasAddedSpace ? byteStart - 1 : byteStart
            for id in ids {
                let length = bytesForID[Int(id)].count
                let lower = max(cursor, byteStart)
                let upper = max(cursor + length, byteStart)
                result.ids.append(id)
                result.utf8Ranges.append(lower..<upper)
                cursor += length
            }
        }
    }

    /// Byte-pair merging of one word, through the word cache.
    func mergedIDs(of word: [UInt8]) -> [Int32] {
        let cacheable = word.count <= WordCache.longestCachedWord
        if cacheable, let cached = wordCache.withLock({ $0.idsForWord[word] }) { return cached }
        let ids = mergeBytePairs(word)
        if cacheable { wordCache.withLock { $0.insert(ids, for: word) } }
        return ids
    }

    /// Repeatedly merges the adjacent pair with the lowest rank (leftmost on ties) until none applies.
    /// Symbols form a linked list; candidate pairs sit in a min-heap and are re-checked when popped,
    /// since earlier merges may have consumed them. Matches Hugging Face's order, including that a
    /// stale candidate is still taken when the pair now there merges into the same token.
    func mergeBytePairs(_ word: [UInt8]) -> [Int32] {
        var ids: [Int32] = []
        ids.reserveCapacity(word.count)
        for byte in word {
            let id = idForByte[Int(byte)]
            if id >= 0 {
                ids.append(id)
            } else if let unknownID {
                ids.append(unknownID)
            }
        }
        if ids.count < 2 { return ids }

        var next = Array(1...ids.count)  // ids.count marks the end
        var previous = Array(-1..<(ids.count - 1))
        var alive = [Bool](repeating: true, count: ids.count)
        var heap = MergeCandidateHeap()
        for position in 0..<(ids.count - 1) {
            if let rule = rule(ids[position], ids[position + 1]) {
                heap.push(MergeCandidate(rank: rule.rank, position: Int32(position), mergedID: rule.mergedID))
            }
        }
        while let candidate = heap.pop() {
            let position = Int(candidate.position)
            guard alive[position] else { continue }
            let right = next[position]
            guard right < ids.count else { continue }
            guard let current = rule(ids[position], ids[right]), current.mergedID == candidate.mergedID else { continue }
            ids[position] = candidate.mergedID
            alive[right] = false
            next[position] = next[right]
            if next[right] < ids.count { previous[next[right]] = position }
            let before = previous[position]
            if before >= 0, let rule = rule(ids[before], ids[position]) {
                heap.push(MergeCandidate(rank: rule.rank, position: Int32(before), mergedID: rule.mergedID))
            }
            let after = next[position]
            if after < ids.count, let rule = rule(ids[position], ids[after]) {
                heap.push(MergeCandidate(rank: rule.rank, position: Int32(position), mergedID: rule.mergedID))
            }
        }
        var merged: [Int32] = []
        var position = 0
        while position < ids.count {
            merged.append(ids[position])
            position = next[position]
        }
        return merged
    }

    @inline(__always)
    private func rule(_ left: Int32, _ right: Int32) -> MergeRule? {
        merges[UInt64(UInt32(left)) << 32 | UInt64(UInt32(right))]
    }
}

/// A pair that may merge: ordered by rank, then by position (leftmost first).
struct MergeCandidate {
    var rank: Int32
    var position: Int32
    var mergedID: Int32

    func precedes(_ other: MergeCandidate) -> Bool {
        rank != other.rank ? rank < other.rank : position < other.position
    }
}

/// A binary min-heap of merge candidates.
struct MergeCandidateHeap {
    private var storage: [MergeCandidate] = []

    mutating func push(_ candidate: MergeCandidate) {
        storage.append(candidate)
        var child = storage.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard storage[child].precedes(storage[parent]) else { break }
            storage.swapAt(child, parent)
            child = parent
        }
    }

    mutating func pop() -> MergeCandidate? {
        guard let top = storage.first else { return nil }
        let last = storage.removeLast()
        if !storage.isEmpty {
            storage[0] = last
            var parent = 0
            while true {
                let left = 2 * parent + 1
                let right = left + 1
                var smallest = parent
                if left < storage.count && storage[left].precedes(storage[smallest]) { smallest = left }
                if right < storage.count && storage[right].precedes(storage[smallest]) { smallest = right }
                if smallest == parent { break }
                storage.swapAt(parent, smallest)
                parent = smallest
            }
        }
        return top
    }
}
