// OnePlatformTests: work in progress.
