import OnePJSON

/// Mutations of a parsed JSON value: a node replaced, removed, doubled or deepened, so the text
/// still parses and the platform's own checks of kinds and values are what is exercised.
enum JSONMutator {
    static func mutate(_ value: JSON, _ rng: inout SplitMix64) -> JSON {
        let paths = nodePaths(value)
        let path = rng.pick(paths)
        return replacing(value, at: path[...]) { node in transform(node, &rng) }
    }

    private static func transform(_ node: JSON, _ rng: inout SplitMix64) -> JSON? {
        switch rng.below(7) {
        case 0: return nil
        case 1: return .array([node, node])
        case 2:
            guard case .object(var object) = node else { return FuzzCorpus.anyValue(&rng) }
            object[rng.pick(FuzzCorpus.strings)] = FuzzCorpus.anyValue(&rng)
            return .object(object)
        case 3:
            guard case .array(var values) = node else { return .array([node]) }
            values.append(FuzzCorpus.anyValue(&rng))
            return .array(values)
        case 4:
            guard case .string(let text) = node else { return .string(rng.pick(FuzzCorpus.strings)) }
            return .string(text + rng.pick(FuzzCorpus.strings))
        default:
            return FuzzCorpus.anyValue(&rng)
        }
    }

    /// The path (indices into arrays and objects, in order) of every node, the root included.
    private static func nodePaths(_ value: JSON) -> [[Int]] {
        var paths: [[Int]] = [[]]
        switch value {
        case .array(let values):
            for (index, element) in values.enumerated() { paths += nodePaths(element).map { [index] + $0 } }
        case .object(let object):
            for (index, entry) in object.entries.enumerated() { paths += nodePaths(entry.value).map { [index] + $0 } }
        default:
            break
        }
        return paths
    }

    /// `value` with the node at `path` transformed; a nil transform removes it (the root becomes null).
    private static func replacing(_ value: JSON, at path: ArraySlice<Int>, _ transform: (JSON) -> JSON?) -> JSON {
        guard let index = path.first else { return transform(value) ?? .null }
        switch value {
        case .array(var values):
            if path.count > 1 {
                values[index] = replacing(values[index], at: path.dropFirst(), transform)
            } else if let new = transform(values[index]) {
                values[index] = new
            } else {
                values.remove(at: index)
            }
            return .array(values)
        case .object(let object):
            var entries = object.entries
            if path.count == 1 {
                if let new = transform(entries[index].value) { entries[index].value = new } else { entries.remove(at: index) }
            } else {
                entries[index].value = replacing(entries[index].value, at: path.dropFirst(), transform)
            }
            return .object(JSONObject(entries.map { ($0.key, $0.value) }))
        default:
            return value
        }
    }
}
