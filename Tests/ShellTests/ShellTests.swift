// ShellTests: work in progress.
