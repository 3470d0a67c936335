// The scripts `folio completion bash|zsh|fish` prints. Each only passes the words typed so far to
// `folio __complete` and hands the answer to the shell: what a word can be is worked out in one
// place (complete.ts), from the commander program, never from a list kept here. An answer of
// the one line ":files" asks for the shell's own file-name completion.

export const SHELLS = ['bash', 'zsh', 'fish'] as const;
export type Shell = (typeof SHELLS)[number];

// bash splits words at ':' and '=' (COMP_WORDBREAKS), which --covers UNIT:1.1 holds, so folio
// is given the line up to the cursor and splits it itself.
const BASH = `# folio completion for bash.
# Load it now:            source <(folio completion bash)
# Load it in every shell: folio completion bash > ~/.local/share/bash-completion/completions/folio
_folio_complete() {
  local line=\${COMP_LINE:0:COMP_POINT} reply w
  COMPREPLY=()
  reply=$(command folio __complete --shell bash --line "$line" 2>/dev/null) || return 0
  if [[ $reply == ':files' ]]; then
    compopt -o default 2>/dev/null
    return 0
  fi
  [[ -n $reply ]] || return 0
  while IFS= read -r w; do COMPREPLY+=("$w"); done <<< "$reply"
  # a unit followed by ':' or a list followed by ',' goes on without a space
  if [[ \${#COMPREPLY[@]} -eq 1 && \${COMPREPLY[0]} == *[:,] ]]; then compopt -o nospace 2>/dev/null; fi
  return 0
}
complete -F _folio_complete folio
`;

const ZSH = `#compdef folio
# folio completion for zsh.
# Load it now:            source <(folio completion zsh)
# Load it in every shell: folio completion zsh > "\${fpath[1]}/_folio" (then restart zsh)
_folio() {
  local -a reply spaced joined
  local w IFS=$'\\n'
  reply=($(command folio __complete --shell zsh -- "\${(@Q)words[2,CURRENT]}" 2>/dev/null))
  if [[ \${reply[1]} == ':files' ]]; then
    _files
    return
  fi
  for w in $reply; do
    if [[ $w == *[:,] ]]; then joined+=("$w"); else spaced+=("$w"); fi
  done
  (( \${#spaced} )) && compadd -- "\${spaced[@]}"
  (( \${#joined} )) && compadd -S '' -- "\${joined[@]}"
  return 0
}
if [[ \${zsh_eval_context[-1]} == loadautofunc ]]; then
  _folio "$@"
else
  compdef _folio folio
fi
`;

const FISH = `# folio completion for fish.
# Load it now:            folio completion fish | source
# Load it in every shell: folio completion fish > ~/.config/fish/completions/folio.fish
function __folio_complete
    set -l tokens (commandline -opc)
    set -l current (commandline -ct)
    set -l reply (command folio __complete --shell fish -- $tokens[2..-1] "$current" 2>/dev/null)
    if test "$reply[1]" = ':files'
        __fish_complete_path "$current"
        return
    end
    printf '%s\\n' $reply
end
complete -c folio -f -a '(__folio_complete)'
`;

export const SCRIPTS: Record<Shell, string> = { bash: BASH, zsh: ZSH, fish: FISH };

/** How to install each, for folio completion --help. */
export const INSTALL = `
Install, so that Tab completes commands, options, learner ids, units, evidence ids and staff:
  bash  source <(folio completion bash)     in ~/.bashrc, or save the script as
        ~/.local/share/bash-completion/completions/folio
  zsh   source <(folio completion zsh)      in ~/.zshrc after compinit, or save the script as
        _folio in a folder of $fpath
  fish  folio completion fish > ~/.config/fish/completions/folio.fish
`;
