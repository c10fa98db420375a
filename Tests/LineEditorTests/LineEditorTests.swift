// LineEditorTests: work in progress.
