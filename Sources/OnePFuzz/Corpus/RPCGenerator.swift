import Foundation
import OnePJSON

/// Makes JSON-RPC request bodies: seeds with the world's names filled in, then mutated as values
/// and as bytes.
struct RPCGenerator {
    let names: FuzzNames
    private let calls: [(String, JSON)]
    private let texts: [String]

    init(names: FuzzNames) throws {
        self.names = names
        calls = try RPCSeeds.calls.map { procedure, arguments in (procedure, try JSON(parsing: names.substitute(arguments))) }
        texts = RPCSeeds.texts.map(names.substitute)
    }

    func body(_ rng: inout SplitMix64) -> [UInt8] {
        var bytes: [UInt8]
        if rng.percent(10) {
            bytes = Array(rng.pick(texts).utf8)
        } else {
            var calls = self.calls(&rng)
            var auth = self.auth(&rng)
            for _ in 0..<(rng.percent(60) ? 1 + rng.below(3) : 0) {
                // Mostly the arguments, where the procedures' own checks are; sometimes the envelope.
                switch rng.below(10) {
                case 0: auth = JSONMutator.mutate(auth, &rng)
                case 1: calls = JSONMutator.mutate(.array(calls), &rng).arrayValue ?? calls
                default:
                    guard !calls.isEmpty, case .object(var call) = calls[0] else { break }
                    let index = rng.below(calls.count)
                    if case .object(let chosen) = calls[index] { call = chosen }
                    call["arguments"] = JSONMutator.mutate(call["arguments"] ?? [], &rng)
                    calls[index] = .object(call)
                }
            }
            bytes = JSON.object(["auth": auth, "calls": .array(calls)]).utf8Bytes()
        }
        for _ in 0..<(rng.percent(25) ? 1 + rng.below(2) : 0) { bytes = ByteMutator.mutate(bytes, &rng) }
        return bytes
    }

    private func calls(_ rng: inout SplitMix64) -> [JSON] {
        let count = rng.percent(70) ? 1 : 2 + rng.below(3)
        var list: [JSON] = []
        for index in 0..<count {
            let (procedure, arguments) = rng.pick(calls)
            var call: JSONObject = ["procedure": .string(procedure), "arguments": arguments]
            switch rng.below(10) {
            case 0: break
            case 1: call["id"] = .string("call-\(index)")
            case 2: call["id"] = .double(Double(index) + 0.5)
            default: call["id"] = .int(index + 1)
            }
            list.append(.object(call))
        }
        return list
    }

    private func auth(_ rng: inout SplitMix64) -> JSON {
        switch rng.below(12) {
        case 0...4: return ["cik": .string(names.deviceCIK)]
        case 5...7: return ["cik": .string(names.rootCIK)]
        case 8: return ["cik": .string(names.rootCIK), "client_id": .string(names.deviceRID)]
        case 9: return ["token": .string(names.token)]
        case 10: return ["cik": .string(names.rootCIK), "resource_id": .string(names.integerPort)]
        default: return ["cik": "0123456789abcdef0123456789abcdef01234567"]
        }
    }
}

extension FuzzNames {
    /// `text` with every `$NAME` placeholder replaced by what the world holds.
    func substitute(_ text: String) -> String {
        let values: [(String, String)] = [
            ("$ROOTCIK", rootCIK), ("$ROOTRID", rootRID), ("$DEVICECIK", deviceCIK), ("$DEVICE", deviceRID), ("$INT", integerPort),
            ("$FLOAT", floatPort), ("$STRING", stringPort), ("$RULE", rule), ("$DISPATCH", dispatch), ("$SHARE", shareCode),
            ("$TOKEN", token), ("$VENDORTOKEN", vendorToken), ("$VENDOR", vendor), ("$MODEL", model), ("$SN", serial),
            ("$GROUP", group), ("$CONTENT", content),
        ]
        var result = text
        for (placeholder, value) in values { result = result.replacingOccurrences(of: placeholder, with: value) }
        return result
    }
}
