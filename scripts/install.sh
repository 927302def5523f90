#!/usr/bin/env bash
# Installs rehearse for everyday use: the binary, the bundled question bank, the man page and the shell
# completions, under PREFIX (default ~/.local). After it, 'rehearse practice' works from any folder and
# saves transcripts under $XDG_DATA_HOME/rehearse/transcripts (default ~/.local/share/rehearse/transcripts).
#
#   scripts/install.sh                       builds a release binary (a few minutes the first time) and installs
#   scripts/install.sh --prefix /opt/rehearse
#   scripts/install.sh --binary PATH         installs an already-built binary instead of building one
#   scripts/install.sh --uninstall [--prefix DIR]
#
# Uninstalling removes exactly the files the install wrote (listed in PREFIX/share/rehearse/installed-files),
# never your transcripts.
set -euo pipefail
cd "$(dirname "$0")/.."

prefix="$HOME/.local"
binary=""
uninstall=0
while (($#)); do
  case "$1" in
    --prefix) prefix="${2:?--prefix needs a folder}"; shift 2 ;;
    --prefix=*) prefix="${1#--prefix=}"; shift ;;
    --binary) binary="${2:?--binary needs the path of a built rehearse}"; shift 2 ;;
    --binary=*) binary="${1#--binary=}"; shift ;;
    --uninstall) uninstall=1; shift ;;
    -h | --help) sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "install.sh: unknown option '$1' (try --help)" >&2; exit 64 ;;
  esac
done

share="$prefix/share/rehearse"
manifest="$share/installed-files"

if ((uninstall)); then
  if [[ ! -f "$manifest" ]]; then
    echo "install.sh: nothing to uninstall under $prefix (no $manifest)" >&2
    exit 66
  fi
  while IFS= read -r file; do rm -f -- "$file"; done <"$manifest"
  rm -rf -- "$share/Rubrics"
  rm -f -- "$manifest"
  rmdir -- "$share" 2>/dev/null || true
  echo "Removed rehearse from $prefix. Your transcripts are kept in ${XDG_DATA_HOME:-$HOME/.local/share}/rehearse."
  exit 0
fi

if [[ -z "$binary" ]]; then
  scripts/setup.sh
  echo "Building a release binary (the first build takes a few minutes)..." >&2
  swift build -c release >&2
  binary=".build/release/rehearse"
fi
[[ -x "$binary" ]] || { echo "install.sh: '$binary' is not an executable" >&2; exit 66; }

mkdir -p "$prefix/bin" "$share" "$prefix/share/man/man1" "$prefix/share/bash-completion/completions" \
  "$prefix/share/zsh/site-functions" "$prefix/share/fish/vendor_completions.d"

installed=(
  "$prefix/bin/rehearse"
  "$prefix/share/man/man1/rehearse.1"
  "$prefix/share/bash-completion/completions/rehearse"
  "$prefix/share/zsh/site-functions/_rehearse"
  "$prefix/share/fish/vendor_completions.d/rehearse.fish"
)
install -m 0755 "$binary" "$prefix/bin/rehearse.new"
mv -f "$prefix/bin/rehearse.new" "$prefix/bin/rehearse"
install -m 0644 man/rehearse.1 "$prefix/share/man/man1/rehearse.1"
"$prefix/bin/rehearse" --generate-completion-script bash >"$prefix/share/bash-completion/completions/rehearse"
"$prefix/bin/rehearse" --generate-completion-script zsh >"$prefix/share/zsh/site-functions/_rehearse"
"$prefix/bin/rehearse" --generate-completion-script fish >"$prefix/share/fish/vendor_completions.d/rehearse.fish"

# The bank, replaced whole so a rubric removed upstream does not linger.
rm -rf -- "$share/Rubrics.new"
cp -R Rubrics "$share/Rubrics.new"
rm -rf -- "$share/Rubrics"
mv "$share/Rubrics.new" "$share/Rubrics"

printf '%s\n' "${installed[@]}" >"$manifest"

echo "Installed rehearse $("$prefix/bin/rehearse" --version) in $prefix:"
echo "  $prefix/bin/rehearse, the bank in $share/Rubrics, the man page and bash/zsh/fish completions."
case ":$PATH:" in
  *":$prefix/bin:"*) ;;
  *) echo "Add $prefix/bin to your PATH, e.g.: echo 'export PATH=\"$prefix/bin:\$PATH\"' >> ~/.bashrc" ;;
esac
echo "Then, from any folder: rehearse practice"
