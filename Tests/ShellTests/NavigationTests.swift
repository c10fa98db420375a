import Testing

@Suite struct NavigationTests {
    @Test func cdPwdLsAndBack() async throws {
        let shell = try ShellFixture()
        try await shell.setUp(
            "create client dev1", "create dataport dev1/temperature --format float", "create dataport dev1/humidity --format integer")
        #expect(await shell.run("pwd").out.hasPrefix("/  "))
        #expect(await shell.run("cd dev1").status == 0)
        #expect(await shell.run("pwd").out.hasPrefix("/dev1  "))
        #expect(await shell.run("ls").out == "humidity\ntemperature\n")
        let long = await shell.run("ls -l").out
        #expect(long.hasPrefix("name         type      format   alias  rid\nhumidity     dataport  integer"))
        #expect(await shell.run("cd ..").status == 0)
        #expect(await shell.run("pwd").out.hasPrefix("/  "))
        #expect(await shell.run("ls").out == "dev1/\n")
        #expect(await shell.run("cd -").status == 0)
        #expect(await shell.run("pwd").out.hasPrefix("/dev1  "))
        #expect(await shell.run("cd /").status == 0)
        #expect(await shell.run("pwd").out.hasPrefix("/  "))
        #expect(await shell.runner.prompt == "onep:/> ")
    }

    @Test func pathsInEveryForm() async throws {
        let shell = try ShellFixture()
        try await shell.setUp("create client dev1", "create dataport dev1/temperature --alias temp")
        let rid = await shell.run("lookup temp").out
        #expect(rid.isEmpty == true)
        let info = await shell.run("info dev1/temperature --include basic")
        #expect(info.status == 0)
        #expect(info.out.contains("\"dataport\""))
        try await shell.setUp("cd dev1")
        let tempRID = await shell.run("lookup temp").out.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(tempRID.count == 40)
        for path in ["temp", "temperature", tempRID, "/dev1/temperature", "../dev1/temp", "./temperature"] {
            let result = await shell.run("info \(path) --include basic")
            #expect(result.status == 0, "path \(path): \(result.err)")
        }
        try await shell.setUp("cd /")
        #expect(await shell.run("info \(tempRID) --include basic").status == 0)
    }

    @Test func badPathsSayWhatToDo() async throws {
        let shell = try ShellFixture()
        try await shell.setUp("create dataport twin", "create dataport twin", "create dataport solo")
        let missing = await shell.run("read nothere")
        #expect(missing.status == 1)
        #expect(missing.err == "error: 'nothere' not found here: 'ls' lists what is here\n")
        let ambiguous = await shell.run("read twin")
        #expect(ambiguous.status == 1)
        #expect(ambiguous.err.hasPrefix("error: 'twin' names several resources: use one of "))
        let above = await shell.run("cd ..")
        #expect(above.status == 2)
        #expect(above.err.contains("'..' would leave the client you are authenticated as"))
        #expect(await shell.run("ls solo").out == "solo\n")
        let intoDataport = await shell.run("cd solo")
        #expect(intoDataport.status == 1)
        #expect(intoDataport.err.contains("is a dataport, not a client"))
        #expect(await shell.run("cd -").status == 1)
    }

    @Test func notAuthenticatedIsClass3() async throws {
        let shell = try ShellFixture(authenticated: false)
        let result = await shell.run("ls")
        #expect(result.status == 3)
        #expect(result.err.contains("auth CIK"))
        #expect(await shell.runner.prompt == "onep> ")
        let rejected = await shell.run("auth " + String(repeating: "0", count: 40))
        #expect(rejected.status == 3)
        #expect(rejected.err.hasPrefix("error: the platform rejected the credentials"))
        #expect(await shell.run("auth \(shell.rootCIK)").status == 0)
        let whoami = await shell.run("whoami").out
        #expect(whoami.contains("auth: a CIK"))
        #expect(!whoami.contains(shell.rootCIK))
    }
}

@Suite struct AuthTests {
    @Test func actingAsADescendantClient() async throws {
        let shell = try ShellFixture()
        try await shell.setUp("create client dev --alias d", "create dataport dev/inside")
        let rid = await shell.run("lookup d").out.trimmingCharacters(in: .whitespacesAndNewlines)
        let authed = await shell.run("auth \(shell.rootCIK) --client \(rid)")
        #expect(authed.status == 0, "\(authed.err)")
        #expect(authed.out.contains(rid))
        #expect(await shell.run("ls").out == "inside\n")
    }

    @Test func keyGivenAtStart() async throws {
        let home = try ShellFixture(authenticated: false)
        try await home.setUp("keys add main \(home.rootCIK)")
        let known = try ShellFixture(authenticated: false, environment: ["HOME": home.home]) { $0.keyName = "main" }
        #expect(await known.runner.startupError == nil)
        let unknown = try ShellFixture(authenticated: false, environment: ["HOME": home.home]) { $0.keyName = "mian" }
        #expect(await unknown.runner.startupError == "no key named 'mian' (did you mean 'main'?); 'keys' lists them")
    }
}
