import CLua
import OnePJSON

/// The `dispatch` table. The embedded platform sends nothing over the network: like a dispatch
/// resource, each message is recorded (here in the script's log) and counted against the
/// client's allowance of its consumable; `http` cannot be answered without the network, so it
/// is recorded and answers `false, "undelivered"`.
extension ScriptInstance {
    func dispatch(_ function: ScriptFunction, _ stack: LuaStack) throws -> Int32 {
        let actingKey = try actingClientKey(Int(onep_lua_subject(stack.state)))
        let message: ScriptDispatchMessage
        do {
            message = try ScriptDispatchMessage(function, stack)
        } catch {
            return Self.answer(.failure(error), on: stack)
        }
        let outcome = try services.transaction(for: key, writes: true) { scope -> Result<Void, DispatchRefusal> in
            var sender = scope.owner
            if let actingKey {
                guard let client = try ResourceRecord.fetch(scope.db, id: actingKey), try ResourceRecord.isWithin(scope.db, client, of: scope.owner)
                else { return .failure(DispatchRefusal("restricted")) }
                sender = client
            }
            if Authenticator.Principal(caller: sender, keyHolder: scope.owner).isLocked { return .failure(DispatchRefusal("locked")) }
            if message.isRequest {
                try scope.log(message.logLine(sent: false))
                return .failure(DispatchRefusal(Delivery.undelivered))
            }
            if let metric = message.consumable, try !Delivery.consume(metric, for: sender, in: scope.db, now: scope.now) {
                try scope.log(message.logLine(sent: false) + " (the \(metric) allowance is used up)")
                return .failure(DispatchRefusal("limit"))
            }
            try scope.log(message.logLine(sent: true))
            return .success(())
        }
        // SMS does not wait for delivery: it always answers true.
        return Self.answer(function == .dispatchSMS ? .success(()) : outcome, on: stack)
    }

    private static func answer(_ outcome: Result<Void, DispatchRefusal>, on stack: LuaStack) -> Int32 {
        switch outcome {
        case .success:
            stack.push(true)
            return 1
        case .failure(let refusal):
            stack.push(false)
            stack.push(refusal.reason)
            return 2
        }
    }
}

/// Why a dispatch answers false.
struct DispatchRefusal: Error {
    let reason: String

    init(_ reason: String) {
        self.reason = reason
    }

    static let badarg = DispatchRefusal(CallStatus.badarg.word)
}

/// One message a script dispatches, read from its arguments.
struct ScriptDispatchMessage {
    let method: String
    let recipient: String
    let subject: String?
    let body: String
    /// The consumable it uses, if any.
    let consumable: String?
    /// Whether it is an HTTP request, which the platform cannot make without the network.
    var isRequest: Bool { method.hasPrefix("http") }

    init(_ function: ScriptFunction, _ stack: LuaStack) throws(DispatchRefusal) {
        func text(_ index: Int32) throws(DispatchRefusal) -> String {
            guard let value = stack.text(at: index) else { throw .badarg }
            return value
        }
        switch function {
        case .dispatchEmail, .dispatchHeadline:
            method = function == .dispatchEmail ? "email" : "headline"
            recipient = try text(1)
            guard recipient.contains("@") else { throw .badarg }
            subject = try text(2)
            body = try text(3)
            if function == .dispatchEmail, !stack.isNil(at: 4), stack.string(at: 4) == nil { throw .badarg }
            consumable = function == .dispatchEmail ? "email" : "xmpp"
        case .dispatchSMS:
            method = "sms"
            recipient = try text(1)
            guard recipient.count > 1, recipient.allSatisfy({ $0.isNumber || $0 == "+" || $0 == " " || $0 == "-" }) else { throw .badarg }
            subject = nil
            body = try text(2)
            consumable = "sms"
        case .dispatchTweet:
            method = "tweet"
            guard stack.type(at: 1) == LUA_TTABLE else { throw .badarg }
            for field in ["oauth_consumer_key", "oauth_consumer_secret", "oauth_token", "oauth_token_secret"] {
                stack.pushField(field, of: 1)
                let present = stack.string(at: -1) != nil
                stack.pop()
                guard present else { throw .badarg }
            }
            recipient = "twitter"
            subject = nil
            body = try text(2)
            consumable = nil
        default:
            let url = try text(1)
            guard url.hasPrefix("http://") || url.hasPrefix("https://") else { throw .badarg }
            let verb = try text(2).lowercased()
            guard ["get", "post", "put"].contains(verb) else { throw .badarg }
            if verb != "get", stack.string(at: 3) == nil || stack.string(at: 4) == nil { throw .badarg }
            method = "http " + verb
            recipient = url
            subject = nil
            body = verb == "get" ? "" : (stack.string(at: 3) ?? "")
            consumable = "http"
        }
    }

    /// The line the script's log keeps for this message.
    func logLine(sent: Bool) -> String {
        var line = "dispatch \(method) to \(recipient)"
        if let subject { line += ": " + subject }
        if !body.isEmpty { line += ": " + body }
        if isRequest { return line + " (not sent: the embedded platform makes no network requests)" }
        return sent ? line : line + " (undelivered)"
    }
}
