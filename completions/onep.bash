# bash completion for onep. It asks the binary: `onep __complete -- WORD...` prints one candidate
# per line for the last word, knowing the outer flags, every command and the platform's names.
# Install: source this file from ~/.bashrc, or copy it to ~/.local/share/bash-completion/completions/onep
_onep() {
    local IFS=$'\n'
    # bash splits words at ':' and '=' too (COMP_WORDBREAKS), so a URL such as http://h:8080 would
    # reach the binary in pieces. Join the pieces that touch in the line back into whole words
    # (as bash-completion's _get_comp_words_by_ref -n : does, without needing it).
    local -a words=("${COMP_WORDS[@]:1:COMP_CWORD}")
    if [[ -n ${COMP_LINE-} ]]; then
        words=()
        local rest=${COMP_LINE:0:COMP_POINT} word index spaced
        for ((index = 0; index <= COMP_CWORD && index < ${#COMP_WORDS[@]}; index++)); do
            word=${COMP_WORDS[index]}
            spaced=0
            if [[ $rest =~ ^[[:space:]]+ ]]; then
                rest=${rest#"${BASH_REMATCH[0]}"}
                spaced=1
            fi
            # A piece that touches the one before it in the line belongs to the same word.
            if ((index > 1 && !spaced)) && [[ -n $word && $rest == "$word"* ]]; then
                words[${#words[@]} - 1]+=$word
            elif ((index > 0)); then
                words+=("$word")
            fi
            [[ $rest == "$word"* ]] && rest=${rest#"$word"}
        done
    fi
    # An empty current word must still be passed, so the binary knows a new word starts.
    [[ ${#words[@]} -eq 0 ]] && words=("")
    local current=${words[${#words[@]} - 1]}
    COMPREPLY=($(command "${COMP_WORDS[0]}" __complete -- "${words[@]}" 2>/dev/null))
    # bash replaces only the text after the last word break in the current word: drop what comes
    # before it from each candidate, as bash-completion's __ltrim_colon_completions does.
    if [[ $current == *:* && $COMP_WORDBREAKS == *:* ]]; then
        local prefix=${current%"${current##*:}"}
        local i
        for i in "${!COMPREPLY[@]}"; do COMPREPLY[i]=${COMPREPLY[i]#"$prefix"}; done
    fi
    # A client or directory ends in '/': keep typing into it instead of adding a space.
    if [[ ${#COMPREPLY[@]} -eq 1 && ${COMPREPLY[0]} == */ ]]; then
        compopt -o nospace 2>/dev/null
    fi
    return 0
}
complete -F _onep onep
