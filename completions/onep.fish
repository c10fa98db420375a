# fish completion for onep. It asks the binary: `onep __complete -- WORD...` prints one candidate
# per line for the last word, knowing the outer flags, every command and the platform's names.
# Install: copy this file to ~/.config/fish/completions/onep.fish
function __onep_complete
    set -l tokens (commandline -opc)
    set -l current (commandline -ct)
    $tokens[1] __complete -- $tokens[2..-1] "$current" 2>/dev/null
end
complete -c onep -f -a '(__onep_complete)'
