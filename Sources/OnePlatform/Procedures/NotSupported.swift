import OnePJSON

/// Procedures the API has that this platform does not implement yet.
///
/// They are in the table so that every name of the API dispatches somewhere and the call fails
/// on its own with a clear 501, rather than looking like an unknown procedure.
enum NotSupportedProcedures {
    static let names = [
        "wait"
    ]

    static var all: [Procedure] {
        names.map { name in
            Procedure(name: name, access: .writes) { _, _ in throw CallFailure.notSupported(name) }
        }
    }
}
