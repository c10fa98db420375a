import Foundation
import OnePJSON
import OnePlatform

/// Makes, sends and checks one fuzz case of each kind against a world (and its server).
struct FuzzCases: Sendable {
    let world: FuzzWorld
    let port: Int?
    /// Out of 100 socket cases, how many have their HTTP framing broken.
    let framingPercent: Int
    private let rpc: RPCGenerator
    private let provision: ProvisionGenerator
    private let dataInterface: DataInterfaceGenerator

    /// How long a socket case may take before its silence counts as a hang.
    static let socketTimeout = 10

    init(world: FuzzWorld, port: Int?, framingPercent: Int = 0) throws {
        self.world = world
        self.port = port
        self.framingPercent = framingPercent
        rpc = try RPCGenerator(names: world.names)
        provision = ProvisionGenerator(names: world.names)
        dataInterface = DataInterfaceGenerator(names: world.names)
    }

    func kind(_ rng: inout SplitMix64, socketPercent: Int) -> FuzzKind {
        let overSocket = port != nil && rng.percent(socketPercent)
        switch rng.below(10) {
        case 0...4: return overSocket ? .socketRPC : .rpc
        case 5...7: return overSocket ? .socketProvision : .provision
        default: return overSocket ? .socketDataInterface : .dataInterface
        }
    }

    /// What one case found: its failure, if any, and what was answered (`write ok`, `provisioning 205`),
    /// which a report counts to show how deep the cases reach.
    struct Outcome {
        var failure: FuzzFailure?
        var answers: [String]
    }

    /// - Parameter trace: whether to write the case to standard error before it runs.
    func run(_ kind: FuzzKind, index: Int, _ rng: inout SplitMix64, trace: Bool = false) async -> Outcome {
        func announce(_ input: String) {
            if trace { FileHandle.standardError.write(Data("case \(index) \(kind.rawValue): \(input)\n".utf8)) }
        }
        switch kind {
        case .rpc:
            let body = rpc.body(&rng)
            announce(Self.show(body))
            let answer = await world.platform.processRPC(body)
            let failure = RPCOracle.check(request: body, answer: answer).map { makeFailure(index, kind, Self.show(body), Self.show(answer), $0) }
            return Outcome(failure: failure, answers: RPCOracle.outcomes(request: body, answer: answer))
        case .provision:
            let request = provision.request(&rng)
            announce(Self.show(request))
            let answer = await world.platform.processProvision(request)
            let failure = HTTPOracle.checkProvision(status: answer.status, body: answer.body).map {
                makeFailure(index, kind, Self.show(request), "\(answer.status) \(Self.show(answer.body))", $0)
            }
            return Outcome(failure: failure, answers: ["provisioning \(answer.status)"])
        case .dataInterface:
            let request = dataInterface.request(&rng, forms: provision)
            announce(Self.show(request))
            let answer = await world.platform.processDataInterface(request)
            let failure = HTTPOracle.checkDataInterface(status: answer.status, body: answer.body).map {
                makeFailure(index, kind, Self.show(request), "\(answer.status) \(Self.show(answer.body))", $0)
            }
            return Outcome(failure: failure, answers: ["data interface \(answer.status)"])
        case .socketRPC:
            let socketCase = SocketCase.rpc(rpc.body(&rng), path: rng.percent(50) ? "/onep:v1/rpc/process" : "/api:v1/rpc/process")
            return await overSocket(framed(socketCase, &rng), index, announce)
        case .socketProvision:
            return await overSocket(framed(.provision(provision.request(&rng)), &rng), index, announce)
        case .socketDataInterface:
            return await overSocket(framed(.dataInterface(dataInterface.request(&rng, forms: provision)), &rng), index, announce)
        }
    }

    /// The platform still answers its root client: nothing the cases did took it down or wedged it.
    func healthCheck(index: Int) async -> FuzzFailure? {
        let names = world.names
        let request: JSON = [
            "auth": ["cik": .string(names.rootCIK)], "calls": [["id": 1, "procedure": "info", "arguments": [["alias": ""], ["basic": true]]]],
        ]
        let body = request.utf8Bytes()
        let answer = await world.platform.processRPC(body)
        guard (try? JSON(parsing: answer))?[0]?["status"] == "ok" else {
            return makeFailure(index, .rpc, "health check", Self.show(answer), "the root client's info no longer answers ok")
        }
        return nil
    }

    /// The case with its framing broken, for the share of socket cases the options ask for.
    private func framed(_ socketCase: SocketCase, _ rng: inout SplitMix64) -> SocketCase {
        guard framingPercent > 0, rng.percent(framingPercent) else { return socketCase }
        return socketCase.broken(rng.pick(SocketCase.Framing.allCases), &rng)
    }

    private func overSocket(_ socketCase: SocketCase, _ index: Int, _ announce: (String) -> Void) async -> Outcome {
        announce(Self.show(socketCase.request))
        guard let port else { return Outcome(failure: nil, answers: []) }
        let outcome = await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(
                    returning: RawHTTP.exchange(port: port, socketCase.request, timeout: Self.socketTimeout, halfClose: socketCase.halfCloses))
            }
        }
        let answer: String
        switch outcome {
        case .answered(let response): answer = "\(response.status) \(Self.show(response.body))"
        case .closed(let bytes): answer = "closed after \(Self.show(bytes))"
        case .silent: answer = "nothing"
        case .unreachable(let why): answer = why
        }
        let failure = socketCase.check(outcome).map { makeFailure(index, socketCase.kind, Self.show(socketCase.request), answer, $0) }
        let status = if case .answered(let response) = outcome { "\(response.status)" } else { "no answer" }
        let framing = socketCase.framing.map { " with \($0)" } ?? ""
        return Outcome(failure: failure, answers: ["\(socketCase.kind.rawValue)\(framing) \(status)"])
    }

    private func makeFailure(_ index: Int, _ kind: FuzzKind, _ input: String, _ answer: String, _ reason: String) -> FuzzFailure {
        FuzzFailure(index: index, kind: kind, input: input, answer: answer, reason: reason)
    }

    /// Bytes as a Swift string literal would show them, cut to a readable length.
    static func show(_ bytes: [UInt8]) -> String {
        let text = String(decoding: bytes.prefix(600), as: UTF8.self).debugDescription
        return bytes.count > 600 ? text + " (\(bytes.count) bytes)" : text
    }

    static func show(_ request: ProvisionRequest) -> String {
        "\(request.method) \(request.path)?\(request.query) \(request.headers) \(show(request.body))".debugDescription
    }

    static func show(_ request: DataInterfaceRequest) -> String {
        "\(request.method) \(request.path)?\(request.query) \(request.headers.map { "\($0.name): \($0.value)" }) \(show(request.body))"
            .debugDescription
    }
}
