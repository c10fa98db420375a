/// The status word a call answers with.
struct CallStatus: Sendable, Hashable {
    let word: String

    private init(_ word: String) {
        self.word = word
    }

    static let ok = CallStatus("ok")
    /// A value, option or code that is not acceptable.
    static let invalid = CallStatus("invalid")
    /// The resource is unknown or out of the caller's reach.
    static let restricted = CallStatus("restricted")
    static let noauth = CallStatus("noauth")
    /// A long poll ran out of time.
    static let expire = CallStatus("expire")
    static let error = CallStatus("error")
    /// The calling client is locked.
    static let locked = CallStatus("locked")
    static let badarg = CallStatus("badarg")
    /// The alias is already taken.
    static let inuse = CallStatus("inuse")
    static let notfound = CallStatus("notfound")
    /// A client limit would be exceeded.
    static let limit = CallStatus("limit")
    /// The call could not run at all; the answer carries an error object.
    static let fail = CallStatus("fail")
}
