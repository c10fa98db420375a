/// Every command of the shell, in the order `help` lists them.
enum CommandTable {
    static let all: [CommandSpec] = {
        let commands = [
            SessionCommands.auth, SessionCommands.authToken, SessionCommands.whoami, SessionCommands.connect,
            KeyCommands.list, KeyCommands.add, KeyCommands.remove,
            NavigationCommands.cd, NavigationCommands.pwd, NavigationCommands.ls, TreeCommand.spec,
            ReadCommand.spec, WriteCommands.write, WriteCommands.writegroup, RecordCommand.spec, WriteCommands.flush, WriteCommands.wait,
            CreateCommand.spec, CreateCommand.clone, ResourceCommands.info, ResourceCommands.update, ResourceCommands.drop,
            ResourceCommands.move, AliasCommands.map, AliasCommands.unmap, AliasCommands.lookup, ResourceCommands.usage,
            ShareCommands.share, ShareCommands.activate, ShareCommands.deactivate, ShareCommands.revoke, ShareCommands.grant,
            ShareCommands.tag, RPCCommand.spec,
            SettingCommands.set, SettingCommands.unset, MetaCommands.help, MetaCommands.history, MetaCommands.source, MetaCommands.exit,
            SessionRecordCommands.start, SessionRecordCommands.stop,
        ]
        #if DEBUG
            SpecValidator.check(commands)
        #endif
        return commands
    }()
}
