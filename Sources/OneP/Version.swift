/// The version of onep's client engine, sent in the `User-Agent` header as `onep/<version>`.
///
/// A module-level constant rather than a type named `OneP`, so that `OneP.version` reads naturally
/// and the module name stays usable for qualifying its types.
public let version = "0.1.0"
