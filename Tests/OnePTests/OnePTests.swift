// OnePTests: work in progress.
