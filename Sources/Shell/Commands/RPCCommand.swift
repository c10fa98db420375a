import OneP
import OnePJSON

/// rpc: any procedure with JSON arguments, for what no command covers.
enum RPCCommand {
    static let procedure = Argument<String>("PROCEDURE", "the procedure name")
    static let values = RepeatingArgument<String>("ARG", "its arguments, each a JSON value", optional: true)

    static let spec = CommandSpec(
        words: ["rpc"],
        abstract: "Call any procedure with JSON arguments and print the raw answer",
        discussion:
            "Each ARG is one JSON value; an unquoted word that is not JSON is sent as a string. Paths are not resolved: use RIDs or {\"alias\": ...}.",
        arguments: [procedure, values],
        examples: ["rpc info '{\"alias\": \"\"}' '{\"basic\": true}'", "rpc listing {\"alias\":\"\"} [\"dataport\"] {}"],
        run: { context in
            let arguments = context[values].map { text -> JSON in (try? JSON(parsing: text)) ?? .string(text) }
            let result = try await context.client().batch([Call(procedure: context[procedure], arguments: arguments)])[0]
            var answer: JSONObject = ["status": .string(result.status.description)]
            if let value = result.result { answer["result"] = value }
            if let error = result.error { answer["error"] = error }
            guard result.status.isOK else {
                // The answer is shown before the failure is reported, as it is what was asked for.
                context.emit(.value(.object(answer)))
                _ = try result.get()
                return nil
            }
            return .value(.object(answer))
        }
    )
}
