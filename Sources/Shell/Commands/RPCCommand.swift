import OneP
import OnePJSON

/// rpc: any procedure with JSON arguments, for what no command covers.
enum RPCCommand {
    static let spec = CommandSpec(
        words: ["rpc"],
        abstract: "Call any procedure with JSON arguments and print the raw answer",
        discussion:
            "Each ARG is one JSON value; an unquoted word that is not JSON is sent as a string. Paths are not resolved: use RIDs or {\"alias\": ...}.",
        positionals: [
            PositionalSpec(name: "PROCEDURE", help: "the procedure name"),
            PositionalSpec(name: "ARG", help: "its arguments, each a JSON value", isOptional: true, isRepeating: true),
        ],
        examples: ["rpc info '{\"alias\": \"\"}' '{\"basic\": true}'", "rpc listing {\"alias\":\"\"} [\"dataport\"] {}"],
        body: { context in
            let arguments = context.arguments.values("ARG").map { text -> JSON in
                (try? JSON(parsing: text)) ?? .string(text)
            }
            let result = try await context.client().batch([Call(procedure: context.arguments.required("PROCEDURE"), arguments: arguments)])[0]
            var answer: JSONObject = ["status": .string(result.status.description)]
            if let value = result.result { answer["result"] = value }
            if let error = result.error { answer["error"] = error }
            context.services.output.writeOut(JSON.object(answer).serialized(pretty: context.session.settings.format == .text) + "\n")
            _ = try result.get()
        }
    )
}
