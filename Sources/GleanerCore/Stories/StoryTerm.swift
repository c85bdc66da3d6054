/// A term of a story's profile or of an article's vector, with its weight. Vectors and profiles are kept in
/// term order (`String`'s `<`), so that two of them are added or multiplied in one walk side by side.
public struct StoryTerm: Sendable, Hashable {
    public var term: String
    public var weight: Double

    public init(term: String, weight: Double) {
        self.term = term
        self.weight = weight
    }

    /// The entries of `vector` in term order.
    public static func sorted(_ vector: [String: Double]) -> [StoryTerm] {
        vector.map { StoryTerm(term: $0.key, weight: $0.value) }.sorted { $0.term < $1.term }
    }

    /// The sum of two vectors in term order, in term order: a term of both weighs the sum of its weights.
    static func sum(_ left: [StoryTerm], _ right: [StoryTerm]) -> [StoryTerm] {
        var sum: [StoryTerm] = []
        sum.reserveCapacity(left.count + right.count)
        var (l, r) = (0, 0)
        while l < left.count, r < right.count {
            if left[l].term == right[r].term {
                sum.append(StoryTerm(term: left[l].term, weight: left[l].weight + right[r].weight))
                l += 1
                r += 1
            } else if left[l].term < right[r].term {
                sum.append(left[l])
                l += 1
            } else {
                sum.append(right[r])
                r += 1
            }
        }
        sum += left[l...]
        sum += right[r...]
        return sum
    }

    /// The dot product of two vectors in term order.
    static func dot(_ left: [StoryTerm], _ right: [StoryTerm]) -> Double {
        var dot = 0.0
        var (l, r) = (0, 0)
        while l < left.count, r < right.count {
            if left[l].term == right[r].term {
                dot += left[l].weight * right[r].weight
                l += 1
                r += 1
            } else if left[l].term < right[r].term {
                l += 1
            } else {
                r += 1
            }
        }
        return dot
    }

    /// The length of a vector.
    static func length(_ vector: [StoryTerm]) -> Double {
        vector.reduce(0) { $0 + $1.weight * $1.weight }.squareRoot()
    }
}
