import OnePJSON

/// The answer to one call of a batch.
public struct CallResult: Sendable {
    public let call: Call
    public let status: CallStatus
    /// The call's `result`, absent for procedures that answer nothing.
    public let result: JSON?
    /// The call's `error` object, which the platform adds when arguments do not fit the procedure.
    public let error: JSON?

    public init(call: Call, status: CallStatus, result: JSON?, error: JSON? = nil) {
        self.call = call
        self.status = status
        self.result = result
        self.error = error
    }

    /// The result when the call succeeded.
    /// - Throws: ``OnePError`` of kind ``OnePError/Kind/callFailed`` for any other status.
    public func get() throws(OnePError) -> JSON? {
        guard status.isOK else {
            throw OnePError.callFailed(procedure: call.procedure, status: status, detail: error)
        }
        return result
    }
}
