import Testing

/// Every provision subcommand refuses bad input with one line on stderr, the right exit status,
/// and a shell that keeps going.
@Suite struct ProvisionBadInputTests {
    @Test(arguments: [
        ("provision vendor show extra", 2, "error: provision vendor show: unexpected argument 'extra'"),
        ("provision vendor register", 2, "error: provision vendor register: missing NAME"),
        ("provision vendor unregister nosuch", 1, "error: POST /provision/register answered 4"),
        ("provision token list --all", 2, "error: provision token list: unknown option '--all'"),
        ("provision token create", 2, "error: provision token create: missing ID"),
        ("provision token show nosuch", 1, "error: GET /provision/admin/auth/nosuch answered 404"),
        ("provision token delete nosuch", 1, "error: DELETE /provision/admin/auth/nosuch answered 404"),
        ("provision model list extra", 2, "error: provision model list: unexpected argument 'extra'"),
        ("provision model info", 2, "error: provision model info: missing MODEL"),
        ("provision model create", 2, "error: provision model create: missing MODEL"),
        ("provision model update nosuch tmpl", 1, "error: PUT /provision/manage/model/nosuch answered 404"),
        ("provision model delete nosuch", 1, "error: DELETE /provision/manage/model/nosuch answered 404"),
        ("provision model share fleet", 2, "error: provision model share: missing VENDOR"),
        ("provision model unshare fleet nobody", 1, "error: DELETE /provision/manage/share/fleet/nobody answered 404"),
        ("provision sn list", 2, "error: provision sn list: missing MODEL"),
        ("provision sn info fleet", 2, "error: provision sn info: missing SN"),
        ("provision sn log fleet A1 --timeformat weekday", 2, "error: provision sn log: --timeformat 'weekday' is not valid"),
        ("provision sn add fleet A1 --extra", 2, "error: provision sn add: --extra needs a value"),
        ("provision sn remove fleet", 2, "error: provision sn remove: missing SN or --file"),
        ("provision sn enable fleet nosuch", 1, "error: POST /provision/manage/model/fleet/nosuch answered 404"),
        ("provision sn enable fleet A1 --owner nowhere", 1, "error: 'nowhere' not found here"),
        ("provision sn disable fleet nosuch", 1, "error: POST /provision/manage/model/fleet/nosuch answered 404"),
        ("provision sn regenerate fleet nosuch", 1, "error: POST /provision/manage/model/fleet/nosuch answered 404"),
        ("provision sn remap fleet A1 --from nosuch", 1, "error: POST /provision/manage/model/fleet/A1 answered 4"),
        ("provision sn activate fleet A1", 1, "error: POST /provision/activate answered 409"),
        ("provision sn activate fleet A1 --vendor nobody", 1, "error: POST /provision/activate answered 4"),
        ("provision sn ranges nosuch", 1, "error: GET /provision/manage/model/nosuch/ answered 404"),
        ("provision content list nosuch", 1, "error: GET /provision/manage/content/nosuch/ answered 404"),
        ("provision content info fleet", 2, "error: provision content info: missing ID"),
        ("provision content create fleet", 2, "error: provision content create: missing ID"),
        ("provision content upload fleet fw", 2, "error: provision content upload: missing FILE"),
        ("provision content download fleet nosuch /tmp/x", 1, "error: GET /provision/manage/content/fleet/nosuch answered 404"),
        ("provision content delete fleet nosuch", 1, "error: DELETE /provision/manage/content/fleet/nosuch answered 404"),
        ("provision group list fleet --limit 0", 2, "error: provision group list: --limit '0' is not valid, expected 1 or more"),
        ("provision group create fleet", 2, "error: provision group create: missing GROUP"),
        ("provision group info fleet", 2, "error: provision group info: missing GROUP"),
        ("provision group members fleet nosuch", 1, "error: GET /provision/manage/group/fleet/nosuch/ answered 404"),
        ("provision group add fleet nosuch A1", 1, "error: POST /provision/manage/group/fleet/nosuch/ answered 404"),
        ("provision group remove fleet g", 2, "error: provision group remove: missing MEMBER"),
        ("provision group delete fleet nosuch", 1, "error: DELETE /provision/manage/group/fleet/nosuch answered 404"),
        ("provision auth --vendor v --token", 2, "error: provision auth: --token needs a value"),
        (
            "provision sn activate fleet A1", 1,
            "error: POST /provision/activate answered 409 Conflict: serial number A1 is not enabled for activation: enable it"
        ),
        (
            "provision sn regenerate fleet A1", 1,
            "error: POST /provision/manage/model/fleet/A1 answered 409 Conflict: serial number A1 has no client to regenerate: enable it first"
        ),
        (
            "provision sn add fleet A1", 1,
            "error: POST /provision/manage/model/fleet/ answered 409 Conflict: serial number A1 already exists: leave it out or remove it first"
        ),
        ("provision content upload fleet fw /tmp", 1, "error: /tmp is a directory: name the file to upload"),
        ("provision content download fleet fw /tmp", 1, "error: /tmp is a directory: name the file to write, e.g. /tmp/fw"),
        (
            "provision group add fleet g A1 --expire -5", 2,
            "error: provision group add: --expire '-5' is not valid, expected a unix time, or 0 for never"
        ),
    ])
    func rejected(line: String, status: Int32, message: String) async throws {
        let shell = try ShellFixture()
        try await shell.makeFleetModel()
        try await shell.setUp("provision sn add fleet A1")
        let result = await shell.run(line)
        #expect(result.status == status, "\(result.err)")
        #expect(result.err.hasPrefix(message), "\(result.err)")
        #expect(result.out.isEmpty)
        // The shell goes on.
        #expect(await shell.run("provision model list").status == 0)
    }
}
