# bash completion for onep. It asks the binary: `onep __complete -- WORD...` prints one candidate
# per line for the last word, knowing the outer flags, every command and the platform's names.
# Install: source this file from ~/.bashrc, or copy it to ~/.local/share/bash-completion/completions/onep
_onep() {
    local IFS=$'\n'
    local -a words=("${COMP_WORDS[@]:1:COMP_CWORD}")
    # An empty current word must still be passed, so the binary knows a new word starts.
    [[ ${#words[@]} -eq 0 ]] && words=("")
    COMPREPLY=($(command "${COMP_WORDS[0]}" __complete -- "${words[@]}" 2>/dev/null))
    # A client or directory ends in '/': keep typing into it instead of adding a space.
    if [[ ${#COMPREPLY[@]} -eq 1 && ${COMPREPLY[0]} == */ ]]; then
        compopt -o nospace 2>/dev/null
    fi
    return 0
}
complete -F _onep onep
