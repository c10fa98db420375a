import OnePJSON
import OnePlatform
import Testing

/// The script environment holds exactly what the scripting contract lists, and nothing a
/// script does reaches past it.
@Suite("Script sandbox", .timeLimit(.minutes(1)))
struct ScriptSandboxTests {
    @Test func theGlobalsAreExactlyTheListedOnes() async throws {
        let platform = try TestPlatform.inMemory()
        let said = try await platform.said(
            """
            local names = {}
            for name in pairs(_ENV) do names[#names + 1] = name end
            debug(table.concat(names, ' '))
            debug(type(now))
            """)
        let globals = Set(try #require(said.first).split(separator: " ").map(String.init))
        #expect(
            globals == [
                "alias", "bit32", "date", "debug", "dispatch", "ipairs", "json", "manage", "math", "next", "pairs", "select",
                "setlocale", "settimezone", "string", "table", "tonumber", "tostring", "type",
            ])
        #expect(said.last == "number")
    }

    @Test func theLibrariesLackTheRemovedFunctions() async throws {
        let platform = try TestPlatform.inMemory()
        let said = try await platform.said(
            """
            for _, library in ipairs({'math', 'string', 'table', 'bit32'}) do
              local names = {}
              for name in pairs(_ENV[library]) do names[#names + 1] = name end
              debug(library .. ': ' .. table.concat(names, ' '))
            end
            """)
        let libraries = Dictionary(
            uniqueKeysWithValues: said.map { line -> (String, Set<String>) in
                let parts = line.split(separator: ":", maxSplits: 1)
                return (String(parts[0]), Set(parts[1].split(separator: " ").map(String.init)))
            })
        // The Lua 5.2 manual's lists, less what the contract removes.
        #expect(
            libraries["math"] == [
                "abs", "acos", "asin", "atan", "atan2", "ceil", "cos", "cosh", "deg", "exp", "floor", "fmod", "frexp", "huge", "ldexp",
                "log", "max", "min", "modf", "pi", "pow", "rad", "random", "sin", "sinh", "sqrt", "tan", "tanh",
            ])
        #expect(libraries["string"] == ["byte", "char", "find", "format", "gmatch", "len", "lower", "match", "rep", "reverse", "sub", "upper"])
        #expect(libraries["table"] == ["concat", "insert", "pack", "remove", "unpack"])
        #expect(
            libraries["bit32"] == ["arshift", "band", "bnot", "bor", "btest", "bxor", "extract", "replace", "lrotate", "lshift", "rrotate", "rshift"])
    }

    @Test func theListedFunctionsWorkAsInLua() async throws {
        let platform = try TestPlatform.inMemory()
        let said = try await platform.said(
            """
            debug(tostring(bit32.band(12, 10)) .. ' ' .. tostring(math.floor(2.7)) .. ' ' .. string.upper('ab'))
            local t = {3, 1} table.insert(t, 2) debug(table.concat(t, ','))
            local n = 0 for _, v in ipairs({5, 6}) do n = n + v end debug(tostring(n))
            debug(tostring(select('#', 1, 2, 3)) .. ' ' .. tostring(next({}, nil)) .. ' ' .. type(tonumber('0x10')))
            debug(('x=%d'):format(7) .. ' ' .. tostring(('abc'):find('b')))
            """)
        #expect(said == ["8 2 AB", "3,1,2", "11", "3 nil number", "x=7 2"])
    }

    /// Each way out of the sandbox stops the script with a clear error and changes nothing.
    @Test(
        arguments: [
            ("os.execute('touch /tmp/onep-escaped')", "attempt to index global 'os' (a nil value)"),
            ("io.open('/etc/passwd')", "attempt to index global 'io' (a nil value)"),
            ("require('os')", "attempt to call global 'require' (a nil value)"),
            ("load('return 1')()", "attempt to call global 'load' (a nil value)"),
            ("loadstring('return 1')()", "attempt to call global 'loadstring' (a nil value)"),
            ("dofile('/etc/passwd')", "attempt to call global 'dofile' (a nil value)"),
            ("collectgarbage()", "attempt to call global 'collectgarbage' (a nil value)"),
            ("string.dump(print)", "attempt to call field 'dump' (a nil value)"),
            ("('x'):dump()", "attempt to call method 'dump' (a nil value)"),
            ("string.gsub('a', 'a', 'b')", "attempt to call field 'gsub' (a nil value)"),
            ("table.sort({2, 1})", "attempt to call field 'sort' (a nil value)"),
            ("math.randomseed(1)", "attempt to call field 'randomseed' (a nil value)"),
            ("setmetatable(_ENV, {__index = function() return 1 end})", "attempt to call global 'setmetatable' (a nil value)"),
            ("getmetatable('').__index.dump(print)", "attempt to call global 'getmetatable' (a nil value)"),
            ("rawset(_ENV, 'x', 1)", "attempt to call global 'rawset' (a nil value)"),
            ("debug.getinfo(1)", "attempt to index global 'debug' (a function value)"),
            ("coroutine.create(print)", "attempt to index global 'coroutine' (a nil value)"),
            ("pcall(error)", "attempt to call global 'pcall' (a nil value)"),
            ("_G.os.exit()", "attempt to index global '_G' (a nil value)"),
            ("package.loaded.os.exit()", "attempt to index global 'package' (a nil value)"),
        ])
    func escapesEndTheScriptWithAClearError(source: String, message: String) async throws {
        let platform = try TestPlatform.inMemory()
        let data = try await platform.dataport("integer", alias: "data")
        try await platform.write(data, 1)
        let script = try await platform.script("alias['data'].value = 2\n" + source + "\nalias['data'].value = 3")
        #expect(try await platform.scriptStatus(script) == "error")
        #expect(try await platform.log(script) == ["error: line 2: " + message])
        // Only the line before the escape ran.
        #expect(try await platform.values(data) == [2])
    }

    @Test func bytecodeIsRefused() async throws {
        let platform = try TestPlatform.inMemory()
        let script = try await platform.script("\u{1B}Lua\u{52}\u{01}\u{04}")
        #expect(try await platform.scriptStatus(script) == "error")
        #expect(try await platform.log(script) == ["error: attempt to load a binary chunk (mode is 't')"])
        // Real bytecode holds U+0000, which no text the platform keeps may hold: refused at create.
        let withNUL = ["format": "string", "rule": ["script": "\u{1B}Lua\u{52}\u{00}\u{01}\u{04}"]] as JSON
        #expect(try await platform.status("create", ["datarule", withNUL]) == "invalid")
    }

    @Test func scriptsDoNotShareGlobalsOrLibraries() async throws {
        let platform = try TestPlatform.inMemory()
        try await platform.script("shared = 'first'\nstring.upper = function() return 'hijacked' end")
        let said = try await platform.said("debug(tostring(shared) .. ' ' .. string.upper('ok'))")
        #expect(said == ["nil OK"])
    }
}
