// EndToEndTests: work in progress.
