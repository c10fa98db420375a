import Logging

extension Platform {
    /// Answers one request of the HTTP Data Interface (`/onep:v1/stack/alias`, `/onep:v1/stack/record`,
    /// `/timestamp`, `/ip`).
    ///
    /// A long poll suspends until a point arrives or its `Request-Timeout` passes, holding no
    /// database connection meanwhile; `release` ends it early (expired: `304`), as does cancelling the task.
    public func processDataInterface(_ request: DataInterfaceRequest, release: WaitRelease? = nil) async -> DataInterfaceResponse {
        let engine = DataInterfaceEngine(
            database: engine.database, clock: engine.clock, changes: engine.changes, logger: Logger(label: "onep.platform.data"), release: release)
        return await engine.process(request)
    }
}
