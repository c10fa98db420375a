/// Every platform function a script can call, by the number its Lua closure carries.
enum ScriptFunction: Int32, CaseIterable {
    case environmentIndex = 1
    case aliasTableIndex
    case aliasTableNewIndex
    case aliasIndex
    case aliasNewIndex
    case aliasText
    case wait
    case manageActivate
    case manageCreate
    case manageDeactivate
    case manageDrop
    case manageInfo
    case manageListing
    case manageLookup
    case manageMap
    case manageRevoke
    case manageShare
    case manageTag
    case manageUnmap
    case manageUpdate
    case manageUsage
    case dispatchEmail
    case dispatchHeadline
    case dispatchHTTP
    case dispatchSMS
    case dispatchTweet
    case jsonArray
    case jsonDecode
    case jsonEncode
    case jsonObject
    case jsonType
    case date
    case debug
    case setLocale
    case setTimeZone

    /// The functions of the `manage` table, by the name scripts call them.
    static let manage: [(name: String, function: ScriptFunction)] = [
        ("activate", .manageActivate), ("create", .manageCreate), ("deactivate", .manageDeactivate), ("drop", .manageDrop),
        ("info", .manageInfo), ("listing", .manageListing), ("lookup", .manageLookup), ("map", .manageMap),
        ("revoke", .manageRevoke), ("share", .manageShare), ("tag", .manageTag), ("unmap", .manageUnmap),
        ("update", .manageUpdate), ("usage", .manageUsage),
    ]

    /// The functions of the `dispatch` table.
    static let dispatch: [(name: String, function: ScriptFunction)] = [
        ("email", .dispatchEmail), ("headline", .dispatchHeadline), ("http", .dispatchHTTP), ("sms", .dispatchSMS),
        ("tweet", .dispatchTweet),
    ]

    /// The functions of the `json` table (`json.null` is a value, not a function).
    static let json: [(name: String, function: ScriptFunction)] = [
        ("array", .jsonArray), ("decode", .jsonDecode), ("encode", .jsonEncode), ("object", .jsonObject), ("type", .jsonType),
    ]

    /// The global utility functions.
    static let utilities: [(name: String, function: ScriptFunction)] = [
        ("date", .date), ("debug", .debug), ("setlocale", .setLocale), ("settimezone", .setTimeZone),
    ]

    /// The name a manage function has in the `manage` table.
    var manageName: String? {
        Self.manage.first { $0.function == self }?.name
    }

    /// The name a dispatch function has in the `dispatch` table.
    var dispatchName: String? {
        Self.dispatch.first { $0.function == self }?.name
    }
}
