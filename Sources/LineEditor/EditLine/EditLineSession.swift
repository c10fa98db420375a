#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

import CEditLine

/// One libedit editor: its C handle, the strings libedit borrows, and the state its callbacks need.
///
/// libedit calls back through plain C function pointers; they find this object again through
/// `EL_CLIENTDATA`, which holds an unretained pointer to it. The session owns the editor, so the
/// pointer cannot outlive the object.
final class EditLineSession {
    private let editLine: OpaquePointer
    private let history: HistoryStore
    /// libedit keeps borrowed pointers to these, so they live as long as the editor.
    private let programName: UnsafeMutablePointer<CChar>
    private var prompt: UnsafeMutablePointer<CChar>
    private let output: UnsafeMutablePointer<FILE>
    private let inputDescriptor: Int32
    private var interrupted = false

    var completer: (@Sendable (CompletionRequest) -> CompletionResult)?

    /// The streams libedit edits on and how it is set up; tests substitute a pseudo-terminal and
    /// fixed settings for the process's own terminal and the user's `~/.editrc`.
    struct Configuration {
        var input: UnsafeMutablePointer<FILE>
        var output: UnsafeMutablePointer<FILE>
        var error: UnsafeMutablePointer<FILE>
        /// A terminfo name overriding `TERM`.
        var terminalType: String?
        /// An editrc file to read instead of `~/.editrc` (or `$EDITRC`).
        var editrc: String?

        /// The process's terminal. libedit stops editing when its output is not a terminal, so a
        /// piped stdout sends the prompt and the echo to stderr instead.
        static func standard() -> Configuration? {
            let output = isTerminal(SystemCalls.standardOutput) ? onep_stdout() : onep_stderr()
            guard let input = onep_stdin(), let output, let error = onep_stderr() else { return nil }
            return Configuration(input: input, output: output, error: error)
        }
    }

    init(programName name: String, history: HistoryStore, configuration: Configuration) throws(LineEditorError) {
        // libedit decodes input with the C locale's character set; in the default "C" locale it
        // drops every non-ASCII byte, so adopt the user's locale (or C.UTF-8) first.
        _ = onep_use_environment_locale()
        let programName = strdup(name)
        let prompt = strdup("")
        guard let programName, let prompt,
            let editLine = el_init(programName, configuration.input, configuration.output, configuration.error)
        else {
            free(programName)
            free(prompt)
            throw .editorUnavailable
        }
        self.editLine = editLine
        self.history = history
        self.programName = programName
        self.prompt = prompt
        self.output = configuration.output
        self.inputDescriptor = fileno(configuration.input)
        configure(terminalType: configuration.terminalType, editrc: configuration.editrc)
    }

    deinit {
        el_end(editLine)
        free(programName)
        free(prompt)
    }

    private func configure(terminalType: String?, editrc: String?) {
        onep_el_set_client_data(editLine, Unmanaged.passUnretained(self).toOpaque())
        if let terminalType {
            onep_el_set_terminal(editLine, terminalType)
        }
        onep_el_set_prompt(editLine, promptCallback, CChar(PromptText.invisibleMarker.value))
        onep_el_set_editor(editLine, "emacs")
        onep_el_set_history(editLine, history.handle)
        // Ctrl-C must reach the editor as a key (see `interruptCommand`): as SIGINT it would end
        // the process, or at best interrupt libedit's read without clearing the line. Only the
        // editing phase changes; commands run with the terminal's own settings, where Ctrl-C is
        // SIGINT again for InterruptMonitor.
        onep_el_set_edit_tty_flag(editLine, "-isig")
        onep_el_add_function(editLine, "onep-complete", "Complete the word before the cursor", completeCommand)
        onep_el_add_function(editLine, "onep-interrupt", "Discard the line and start over", interruptCommand)
        // ~/.editrc may switch to vi mode, which replaces the key maps, so bind afterwards.
        el_source(editLine, editrc)
        onep_el_bind(editLine, "^I", "onep-complete", 0)
        onep_el_bind(editLine, "^C", "onep-interrupt", 0)
        onep_el_bind(editLine, "^C", "onep-interrupt", 1)
    }

    // MARK: Reading

    func readLine(prompt text: String) -> LineReadResult {
        setPrompt(PromptText.markingEscapes(text))
        // Without libedit's own signal handling, window size changes are picked up here.
        el_resize(editLine)
        // With editing off (`edit off` in ~/.editrc) libedit reads in line mode, which must stay.
        if onep_el_editing(editLine) != 0 { SystemCalls.leaveLineMode(inputDescriptor) }
        interrupted = false
        while true {
            var count: Int32 = 0
            errno = 0
            let line = el_gets(editLine, &count)
            if interrupted {
                return .interrupted
            }
            guard let line else {
                if count < 0 && errno == EINTR {
                    continue
                }
                if count == 0 {
                    // Ctrl-D left the cursor after "^D" on the prompt line; whatever comes next
                    // (the user's own shell prompt) belongs on a line of its own.
                    fputs("\n", output)
                    fflush(output)
                }
                return .endOfFile
            }
            var text = String(cString: line)
            if text.hasSuffix("\n") {
                text.removeLast()
            }
            return .line(text)
        }
    }

    func addHistory(_ line: String, savedAs saved: String? = nil) {
        history.add(line, savedAs: saved)
    }

    func clearHistory() {
        history.clear()
    }

    private func setPrompt(_ text: String) {
        guard let copy = strdup(text) else { return }
        free(prompt)
        prompt = copy
    }

    // MARK: Callbacks

    fileprivate static func session(of editLine: OpaquePointer?) -> EditLineSession? {
        guard let editLine, let data = onep_el_get_client_data(editLine) else { return nil }
        return Unmanaged<EditLineSession>.fromOpaque(data).takeUnretainedValue()
    }

    fileprivate var currentPrompt: UnsafeMutablePointer<CChar> {
        prompt
    }

    /// The line as the user sees it, and the cursor counted in Characters.
    private func currentRequest() -> CompletionRequest? {
        guard let info = el_line(editLine)?.pointee, let buffer = info.buffer else { return nil }
        let length = info.lastchar.map { $0 - buffer } ?? 0
        let cursorOffset = info.cursor.map { $0 - buffer } ?? length
        let bytes = UnsafeRawBufferPointer(start: buffer, count: max(length, 0))
        let line = String(decoding: bytes, as: UTF8.self)
        let beforeCursor = String(decoding: bytes.prefix(max(min(cursorOffset, length), 0)), as: UTF8.self)
        return CompletionRequest(line: line, cursor: beforeCursor.count)
    }

    fileprivate func complete() -> UInt8 {
        guard let completer, let request = currentRequest() else { return UInt8(CC_REFRESH_BEEP) }
        switch CompletionAction(request: request, result: completer(request)) {
        case .none:
            return UInt8(CC_REFRESH_BEEP)
        case .replace(let word, let replacement):
            // libedit counts characters as code points, which is what unicodeScalars counts.
            let removed = Int32(word.unicodeScalars.count)
            if removed > 0 {
                el_deletestr(editLine, removed)
            }
            guard el_insertstr(editLine, replacement) == 0 else { return UInt8(CC_REFRESH_BEEP) }
            return UInt8(CC_REFRESH)
        case .list(let candidates):
            let width = TerminalSize.columns(fileDescriptor: fileno(output))
            fputs("\n" + CompletionListing.render(candidates, width: width), output)
            fflush(output)
            // Redraw prompt and line below the listing.
            return UInt8(CC_REDISPLAY)
        }
    }

    fileprivate func interrupt() -> UInt8 {
        // Rewriting the text after the cursor moves the terminal's cursor past the last character,
        // so "^C" does not land in the middle of the line; libedit is not told, as the line ends here.
        var echo = "^C\n"
        if let info = el_line(editLine)?.pointee, let cursor = info.cursor, let last = info.lastchar, cursor < last {
            echo = String(decoding: UnsafeRawBufferPointer(start: cursor, count: last - cursor), as: UTF8.self) + echo
        }
        if let info = el_wline(editLine)?.pointee, let buffer = info.buffer, let last = info.lastchar, last > buffer {
            el_cursor(editLine, Int32(last - (info.cursor ?? last)))
            el_deletestr(editLine, Int32(last - buffer))
        }
        fputs(echo, output)
        fflush(output)
        interrupted = true
        // Ends el_gets; `readLine` sees the flag and reports the interruption.
        return UInt8(CC_NEWLINE)
    }
}

private let promptCallback: @convention(c) (OpaquePointer?) -> UnsafeMutablePointer<CChar>? = { editLine in
    EditLineSession.session(of: editLine)?.currentPrompt
}

private let completeCommand: @convention(c) (OpaquePointer?, Int32) -> UInt8 = { editLine, _ in
    EditLineSession.session(of: editLine)?.complete() ?? UInt8(CC_ERROR)
}

private let interruptCommand: @convention(c) (OpaquePointer?, Int32) -> UInt8 = { editLine, _ in
    EditLineSession.session(of: editLine)?.interrupt() ?? UInt8(CC_ERROR)
}
