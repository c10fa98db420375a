import OnePJSON
import Testing

/// clients.md "Semantics clients rely on": read windows, value formats, timestamps, flush, info,
/// activation, update, unmap, shares, preprocess, subscribe, datarules and usage.
@Suite struct SemanticsContractTests {
    private static let start = 1_600_000_000

    /// Records `values` one second apart from `start` into a new integer dataport and answers its RID.
    private func series(_ env: ContractServer, _ values: [Int], format: String = "integer") async throws -> String {
        let port = try await env.dataport("series", format: format)
        let entries = values.enumerated().map { JSON.array([.int(Self.start + $0.offset), .int($0.element)]) }
        _ = try await env.ok("record", [.string(port), .array(entries), [:]])
        return port
    }

    @Test func readWindowIncludesBothEnds() async throws {
        try await ContractServer.run { env in
            let port = try await series(env, [0, 1, 2, 3, 4])
            let options: JSON = ["starttime": .int(Self.start + 1), "endtime": .int(Self.start + 3), "limit": 10]
            #expect(
                try await env.read(.string(port), options) == [[.int(Self.start + 3), 3], [.int(Self.start + 2), 2], [.int(Self.start + 1), 1]])
        }
    }

    @Test func readDefaultsToTheNewestPointUpToNow() async throws {
        try await ContractServer.run { env in
            let port = try await series(env, [0, 1, 2])
            let later = Int(env.clock.now()) + 100
            _ = try await env.ok("record", [.string(port), [[.int(later), 99]], [:]])
            #expect(try await env.read(.string(port), [:]) == [[.int(Self.start + 2), 2]])
            #expect(try await env.ok("read", [.string(port), ["sort": "asc"]]) == [[.int(Self.start), 0]])
        }
    }

    @Test func givenwindowAnswersTheEarliestPointOfEachNonEmptySliceInSortOrder() async throws {
        try await ContractServer.run { env in
            let port = try await env.dataport("series", format: "integer")
            let times = [0, 1, 2, 3, 7, 8, 9, 10]
            _ = try await env.ok("record", [.string(port), .array(times.map { [.int(Self.start + $0), .int($0)] }), [:]])
            // [start, start+11] in 3 slices of 4 seconds holds {0,1,2,3}, {7} and {8,9,10}.
            var window: JSONObject = ["starttime": .int(Self.start), "endtime": .int(Self.start + 11), "limit": 3, "selection": "givenwindow"]
            window["sort"] = "asc"
            #expect(
                try await env.read(.string(port), .object(window)) == [
                    [.int(Self.start), 0], [.int(Self.start + 7), 7], [.int(Self.start + 8), 8],
                ])
            window["sort"] = "desc"
            #expect(
                try await env.read(.string(port), .object(window)) == [
                    [.int(Self.start + 8), 8], [.int(Self.start + 7), 7], [.int(Self.start), 0],
                ])
        }
    }

    @Test func givenwindowSkipsEmptySlices() async throws {
        try await ContractServer.run { env in
            let port = try await env.dataport("series", format: "integer")
            _ = try await env.ok("record", [.string(port), [[.int(Self.start), 1], [.int(Self.start + 1), 2], [.int(Self.start + 19), 3]], [:]])
            let options: JSON = [
                "starttime": .int(Self.start), "endtime": .int(Self.start + 19), "limit": 4, "selection": "givenwindow", "sort": "asc",
            ]
            #expect(try await env.read(.string(port), options) == [[.int(Self.start), 1], [.int(Self.start + 19), 3]])
        }
    }

    @Test func autowindowSamplesEvenlyAmongThePointsInTheWindow() async throws {
        try await ContractServer.run { env in
            let port = try await series(env, Array(0..<9))
            let options: JSON = [
                "starttime": .int(Self.start), "endtime": .int(Self.start + 8), "limit": 3, "selection": "autowindow", "sort": "asc",
            ]
            let sampled = try await env.read(.string(port), options).arrayValue ?? []
            #expect(sampled.count == 3)
            let values = sampled.compactMap { $0[1]?.intValue }
            #expect(values == values.sorted())
            #expect(values.first == 0)
            let gaps = zip(values, values.dropFirst()).map { $1 - $0 }
            #expect(gaps.allSatisfy { $0 >= 2 && $0 <= 4 }, "samples \(values) are not spread evenly")
            let few: JSON = ["starttime": .int(Self.start), "endtime": .int(Self.start + 1), "limit": 5, "selection": "autowindow"]
            #expect(try await env.read(.string(port), few).arrayValue?.count == 2)
        }
    }

    @Test func floatValuesAlwaysCarryAFractionOnTheWire() async throws {
        try await ContractServer.run { env in
            let port = try await env.dataport("temp", format: "float")
            _ = try await env.ok("write", [.string(port), 2])
            let body = #"{"auth":{"cik":"\#(env.rootCIK)"},"calls":[{"id":1,"procedure":"read","arguments":["\#(port)",{}]}]}"#
            let text = try await env.post(body).text
            #expect(text.contains("[1700000000,2.0]"), "answered \(text)")
        }
    }

    @Test func floatValuesKeepAFractionOrAnExponentAtEveryMagnitude() async throws {
        try await ContractServer.run { env in
            let port = try await env.dataport("temp", format: "float")
            let entries: [JSON] = [[1_600_000_000, 1e20], [1_600_000_001, "1e3"], [1_600_000_002, 3], [1_600_000_003, 1e-7]]
            _ = try await env.ok("record", [.string(port), .array(entries), [:]])
            let body = #"{"auth":{"cik":"\#(env.rootCIK)"},"calls":[{"id":1,"procedure":"read","arguments":["\#(port)",{"limit":10,"sort":"asc"}]}]}"#
            let text = try await env.post(body).text
            #expect(text.contains("[[1600000000,1e+20],[1600000001,1000.0],[1600000002,3.0],[1600000003,1e-07]]"), "answered \(text)")
        }
    }

    @Test func integerAndStringFormatsAnswerTheirOwnTypes() async throws {
        try await ContractServer.run { env in
            let integer = try await env.dataport("count", format: "integer")
            let string = try await env.dataport("label", format: "string")
            _ = try await env.ok("write", [.string(integer), 42])
            _ = try await env.ok("write", [.string(string), "hello"])
            #expect(try await env.read(.string(integer), [:]) == [[1_700_000_000, 42]])
            #expect(try await env.read(.string(string), [:]) == [[1_700_000_000, "hello"]])
            let text = try await env.post(#"{"auth":{"cik":"\#(env.rootCIK)"},"calls":[{"id":1,"procedure":"read","arguments":["\#(integer)",{}]}]}"#)
                .text
            #expect(text.contains("[1700000000,42]"), "answered \(text)")
        }
    }

    @Test func valuesWrittenAsStringsAreCoercedToTheFormat() async throws {
        try await ContractServer.run { env in
            let integer = try await env.dataport("count", format: "integer")
            let float = try await env.dataport("temp", format: "float")
            let string = try await env.dataport("label", format: "string")
            _ = try await env.ok("write", [.string(integer), "42"])
            _ = try await env.ok("write", [.string(float), "-0.12"])
            _ = try await env.ok("write", [.string(string), 7])
            #expect(try await env.read(.string(integer), [:]) == [[1_700_000_000, 42]])
            #expect(try await env.read(.string(float), [:]) == [[1_700_000_000, -0.12]])
            #expect(try await env.read(.string(string), [:]) == [[1_700_000_000, "7"]])
            #expect(try await env.status("write", [.string(integer), "forty-two"]) == "invalid")
            #expect(try await env.status("write", [.string(float), "warm"]) == "invalid")
        }
    }

    @Test func aSecondWriteInTheSameSecondReplacesTheFirst() async throws {
        try await ContractServer.run { env in
            let port = try await env.dataport("temp", format: "integer")
            _ = try await env.ok("write", [.string(port), 1])
            env.clock.advance(by: 0.5)
            _ = try await env.ok("write", [.string(port), 2])
            #expect(try await env.read(.string(port)) == [[1_700_000_000, 2]])
        }
    }

    @Test func negativeTimestampsCountBackFromNow() async throws {
        try await ContractServer.run { env in
            let port = try await env.dataport("temp", format: "integer")
            _ = try await env.ok("record", [.string(port), [[-10, 1]], [:]])
            _ = try await env.ok("recordbatch", [.string(port), [[-5, 2]]])
            #expect(try await env.read(.string(port)) == [[1_699_999_995, 2], [1_699_999_990, 1]])
        }
    }

    @Test func flushBoundsAreExclusive() async throws {
        try await ContractServer.run { env in
            let port = try await series(env, [0, 1, 2, 3, 4])
            _ = try await env.ok("flush", [.string(port), ["newerthan": .int(Self.start + 1), "olderthan": .int(Self.start + 3)]])
            let left = try await env.read(.string(port), ["limit": 10, "sort": "asc"])
            #expect(left == [[.int(Self.start), 0], [.int(Self.start + 1), 1], [.int(Self.start + 3), 3], [.int(Self.start + 4), 4]])
            _ = try await env.ok("flush", [.string(port), [:]])
            #expect(try await env.read(.string(port)) == [])
        }
    }

    @Test func infoWithEmptyOptionsAnswersEverythingAndOtherwiseExactlyWhatWasAsked() async throws {
        try await ContractServer.run { env in
            let device = try await env.client("device")
            let everything = try await env.ok("info", [.string(device.rid), [:]])
            #expect(everything["key"] == .string(device.cik))
            #expect(everything["basic"] != nil && everything["description"] != nil)
            let asked = try await env.ok("info", [.string(device.rid), ["basic": true, "key": true, "tags": false]])
            #expect(Set(asked.objectValue?.keys ?? []) == ["basic", "key"])
        }
    }

    @Test func infoOptionsFollowTheCallersPlaceInTheHierarchy() async throws {
        try await ContractServer.run { env in
            let device = try await env.client("device")
            let child = try await env.client("child", under: ["cik": .string(device.cik)])
            // Root is an ancestor but not the direct owner of child.
            let fromRoot = try await env.ok("info", [.string(child.rid), [:]])
            #expect(fromRoot["key"] == nil)
            #expect(fromRoot["aliases"] == nil && fromRoot["shares"] == nil && fromRoot["tagged"] == nil)
            #expect(fromRoot["basic"] != nil && fromRoot["description"] != nil)
            let fromOwner = try await env.ok("info", [.string(child.rid), [:]], auth: ["cik": .string(device.cik)])
            #expect(fromOwner["key"] == .string(child.cik))
            #expect(fromOwner["aliases"] != nil && fromOwner["shares"] != nil && fromOwner["tagged"] != nil)
            let fromItself = try await env.ok("info", [["alias": ""], [:]], auth: ["cik": .string(child.cik)])
            #expect(fromItself["key"] == nil)
            #expect(fromItself["aliases"] != nil && fromItself["shares"] != nil && fromItself["tagged"] != nil)
            let askedFromRoot = try await env.call("info", [.string(child.rid), ["key": true, "basic": true]])
            #expect(askedFromRoot["status"] == "ok")
            #expect(askedFromRoot["result"]?["key"] == nil)
        }
    }

    @Test func askingForAnOptionThatDoesNotApplyDoesNotFail() async throws {
        try await ContractServer.run { env in
            let port = try await env.dataport("temp")
            let answer = try await env.call("info", [.string(port), ["key": true, "basic": true]])
            #expect(answer["status"] == "ok")
            #expect(answer["result"]?["basic"] != nil)
            #expect(answer["result"]?["key"] == nil)
        }
    }

    @Test func infoOnADroppedRIDIsRestricted() async throws {
        try await ContractServer.run { env in
            let port = try await env.dataport("temp")
            _ = try await env.ok("drop", [.string(port)])
            #expect(try await env.status("info", [.string(port), [:]]) == "restricted")
        }
    }

    @Test func newClientsAreActivatedAndClonesWaitForTheirOwner() async throws {
        try await ContractServer.run { env in
            let device = try await env.client("device")
            #expect(try await env.ok("info", [.string(device.rid), ["basic": true]])["basic"]?["status"] == "activated")
            #expect(try await env.status("info", [["alias": ""], ["basic": true]], auth: ["cik": .string(device.cik)]) == "ok")
            let copy = try #require(try await env.ok("create", ["clone", ["rid": .string(device.rid)]]).stringValue)
            let key = try #require(try await env.ok("info", [.string(copy), ["key": true]])["key"]?.stringValue)
            #expect(try await env.ok("info", [.string(copy), ["basic": true]])["basic"]?["status"] == "notactivated")
            _ = try await env.ok("activate", [.string(env.rootRID), "client", .string(key)])
            #expect(try await env.ok("info", [.string(copy), ["basic": true]])["basic"]?["status"] == "activated")
            #expect(try await env.status("info", [["alias": ""], ["basic": true]], auth: ["cik": .string(key)]) == "ok")
        }
    }

    @Test func aResourceMayNotUpdateItselfAndFormatNeverChanges() async throws {
        try await ContractServer.run { env in
            let device = try await env.client("device")
            let status = try await env.status("update", [["alias": ""], ["limits": ["dataport": 1000]]], auth: ["cik": .string(device.cik)])
            #expect(status == "restricted")
            let port = try await env.dataport("temp", format: "integer")
            let changed = try await env.call("update", [.string(port), ["format": "string"]])
            #expect(changed == ["id": 1, "status": "invalid"])
            #expect(try await env.ok("info", [.string(port), ["description": true]])["description"]?["format"] == "integer")
        }
    }

    @Test func unmappingAnAliasThatDoesNotExistIsOK() async throws {
        try await ContractServer.run { env in
            let status = try await env.status("unmap", ["alias", "never-mapped"])
            #expect(status == "ok")
        }
    }

    @Test func aShareCodeActivatesOnceAndNotForAHolderOfTheSameResource() async throws {
        try await ContractServer.run { env in
            let port = try await env.dataport("temp")
            let first = try await env.client("first")
            let second = try await env.client("second")
            let code = try #require(try await env.ok("share", [.string(port)]).stringValue)
            _ = try await env.ok("activate", ["share", .string(code)], auth: ["cik": .string(first.cik)])
            #expect(try await env.status("activate", ["share", .string(code)], auth: ["cik": .string(second.cik)]) == "invalid")
            let another = try #require(try await env.ok("share", [.string(port)]).stringValue)
            #expect(try await env.status("activate", ["share", .string(another)], auth: ["cik": .string(first.cik)]) == "invalid")
            _ = try await env.ok("activate", ["share", .string(another)], auth: ["cik": .string(second.cik)])
        }
    }

    @Test func preprocessOperationsApplyInOrder() async throws {
        try await ContractServer.run { env in
            let port = try await env.dataport("temp", extra: ["preprocess": [["add", 4.4], ["mul", 2]]])
            _ = try await env.ok("write", [.string(port), 10])
            let value = try await env.read(.string(port))[0]?[1]?.doubleValue
            #expect(abs((value ?? 0) - 28.8) < 1e-9)
        }
    }

    @Test func aPreprocessOperandMayBeAResourcesLatestValue() async throws {
        try await ContractServer.run { env in
            let offset = try await env.dataport("offset", format: "integer")
            _ = try await env.ok("write", [.string(offset), 5])
            let port = try await env.dataport("temp", format: "integer", extra: ["preprocess": [["add", .string(offset)]]])
            _ = try await env.ok("write", [.string(port), 10])
            #expect(try await env.read(.string(port)) == [[1_700_000_000, 15]])
        }
    }

    @Test func subscribersReceiveEveryNewPointThroughTheirPreprocess() async throws {
        try await ContractServer.run { env in
            let source = try await env.dataport("source", format: "integer")
            let copy = try await env.dataport("copy", format: "integer", extra: ["subscribe": .string(source), "preprocess": [["mul", 3]]])
            _ = try await env.ok("write", [.string(source), 2])
            env.clock.advance(by: 1)
            _ = try await env.ok("write", [.string(source), 4])
            #expect(try await env.read(.string(copy)) == [[1_700_000_001, 12], [1_700_000_000, 6]])
        }
    }

    @Test func datarulesStoreOneOrZeroAndRepeatFalseStoresOnlyChanges() async throws {
        try await ContractServer.run { env in
            let source = try await env.dataport("source", format: "integer")
            let rule: JSON = ["simple": ["comparison": "gt", "constant": 5, "repeat": false]]
            let description: JSON = ["format": "float", "name": "hot", "subscribe": .string(source), "rule": rule]
            let datarule = try #require(try await env.ok("create", ["datarule", description]).stringValue)
            for value in [1, 2, 8, 9, 3] {
                _ = try await env.ok("write", [.string(source), .int(value)])
                env.clock.advance(by: 1)
            }
            let stored = try await env.read(.string(datarule), ["sort": "asc", "limit": 10])
            #expect(stored == [[1_700_000_000, 0.0], [1_700_000_002, 1.0], [1_700_000_004, 0.0]], "stored \(stored.serialized(pretty: false))")
            let body = #"{"auth":{"cik":"\#(env.rootCIK)"},"calls":[{"id":1,"procedure":"read","arguments":["\#(datarule)",{"limit":1}]}]}"#
            #expect(try await env.post(body).text.contains("[1700000004,0.0]"))
        }
    }

    @Test func entityUsageSumsExistenceOverEachSecondAndConsumablesSumTheirUse() async throws {
        try await ContractServer.run { env in
            let device = try await env.client("device")
            let auth: JSON = ["cik": .string(device.cik)]
            let now = Int(env.clock.now())
            _ = try await env.ok("create", ["dataport", ["format": "integer"]], auth: auth)
            _ = try await env.ok("create", ["dataport", ["format": "integer"]], auth: auth)
            let port = try #require(try await env.ok("create", ["dataport", ["format": "integer"]], auth: auth).stringValue)
            env.clock.advance(by: 100)
            let usage = try await env.ok("usage", [.string(device.rid), "dataport", .int(now), .int(now + 10)])
            #expect(usage == 30)
            _ = try await env.ok("share", [.string(port)], auth: auth)
            _ = try await env.ok("share", [.string(port)], auth: auth)
            let shares = try await env.ok("usage", [.string(device.rid), "share", .int(now), .int(now + 200)])
            #expect(shares == 2)
        }
    }
}
