/// The status `info` `basic` reports for a script datarule.
///
/// The platform stores a script's Lua source (the description keeps it, `info` shows it) but has
/// no Lua runtime to run it. Rather than pretend the script runs, its status is `error`, the
/// word the API uses for something that cannot be carried out; writes to a script datarule are
/// kept in its time series as a dataport would keep them.
struct ScriptStatus {
    let word = "error"

    /// The status of `resource`, nil when it is not a script datarule.
    init?(_ resource: ResourceRecord) {
        guard resource.type == .datarule, RuleDefinition(description: resource.description)?.isScript == true else { return nil }
    }
}
