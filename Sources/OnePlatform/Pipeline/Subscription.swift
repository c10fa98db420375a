import OnePJSON

/// The resource a `subscribe` or a preprocess operand names.
enum Subscription {
    /// The resource `identifier` names, as `owner` sees it.
    ///
    /// - Throws: `restricted` when the owner cannot reach it (or it does not exist); `invalid`
    ///   when it is a client, which has no values to hand on.
    static func target(_ identifier: JSON, relativeTo owner: ResourceRecord, in context: CallContext) throws -> ResourceRecord {
        let resource = try context.resource(identifier, relativeTo: owner)
        guard resource.type.keepsPoints else { throw CallFailure.invalid }
        return resource
    }
}
