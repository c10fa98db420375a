/// Every command of the shell, in the order `help` lists them.
enum CommandTable {
    static let all: [CommandSpec] = {
        let commands =
            [
                SessionCommands.auth, SessionCommands.authToken, SessionCommands.whoami, SessionCommands.connect,
                KeyCommands.list, KeyCommands.add, KeyCommands.remove, KeyCommands.show, KeyCommands.clean,
                NavigationCommands.cd, NavigationCommands.pwd, NavigationCommands.ls, TreeCommand.spec,
                ReadCommand.spec, PlotCommand.spec, SparkCommand.spec, WriteCommands.write, WriteCommands.writegroup, RecordCommand.spec,
                WriteCommands.flush, WriteCommands.wait,
                CreateCommand.spec, CreateCommand.clone, ResourceCommands.info, ResourceCommands.update, ResourceCommands.drop,
                ResourceCommands.move, AliasCommands.map, AliasCommands.unmap, AliasCommands.lookup, ResourceCommands.usage,
                ShareCommands.share, ShareCommands.activate, ShareCommands.deactivate, ShareCommands.revoke, ShareCommands.grant,
                ShareCommands.tag, RPCCommand.spec,
                ScriptUploadCommand.spec, ScriptCommands.ls, ScriptCommands.status, ScriptCommands.log, ScriptCommands.restart,
                ScriptCommands.rm,
                DataCommands.write, DataCommands.read, FindCommand.spec, DumpCommand.spec, LoadCommand.spec, CopyCommand.spec, DiffCommand.spec,
                TemplateCommands.check, TemplateCommands.apply, TemplateGenerateCommand.generate, TemplateGenerateCommand.example,
                SettingCommands.set, SettingCommands.unset, MetaCommands.help, MetaCommands.history, MetaCommands.source, MetaCommands.exit,
                MetaCommands.version,
                SessionRecordCommands.start, SessionRecordCommands.stop,
            ] + provisioning
        #if DEBUG
            SpecValidator.check(commands)
        #endif
        return commands
    }()

    /// The `provision` tree, in the order its help lists it.
    static let provisioning: [CommandSpec] = [
        ProvisionVendorCommands.auth, ProvisionVendorCommands.show, ProvisionVendorCommands.register, ProvisionVendorCommands.unregister,
        ProvisionTokenCommands.list, ProvisionTokenCommands.create, ProvisionTokenCommands.show, ProvisionTokenCommands.delete,
        ProvisionModelCommands.list, ProvisionModelCommands.info, ProvisionModelCommands.create, ProvisionModelCommands.update,
        ProvisionModelCommands.delete, ProvisionModelCommands.share, ProvisionModelCommands.unshare,
        ProvisionSerialCommands.list, ProvisionSerialCommands.info, ProvisionSerialCommands.log, ProvisionSerialChanges.add,
        ProvisionSerialChanges.remove, ProvisionSerialLifecycle.enable, ProvisionSerialLifecycle.disable, ProvisionSerialLifecycle.regenerate,
        ProvisionSerialLifecycle.remap, ProvisionSerialLifecycle.activate, ProvisionSerialCommands.ranges,
        ProvisionSerialRanges.add, ProvisionSerialRanges.remove,
        ProvisionContentCommands.list, ProvisionContentCommands.info, ProvisionContentCommands.create, ProvisionContentCommands.upload,
        ProvisionContentCommands.download, ProvisionContentCommands.delete,
        ProvisionGroupCommands.list, ProvisionGroupCommands.create, ProvisionGroupCommands.info, ProvisionGroupCommands.listMembers,
        ProvisionGroupCommands.add, ProvisionGroupCommands.remove, ProvisionGroupCommands.delete,
    ]
}
