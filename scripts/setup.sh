#!/usr/bin/env bash
# Installs the system libraries and tools rehearse needs, only those that are missing.
# Safe to run again: it does nothing when everything is present.
set -euo pipefail

need=()
pkg-config --exists libpcre2-8 || need+=(libpcre2-dev)
pkg-config --exists libedit || need+=(libedit-dev)
[[ -f /usr/include/libstemmer.h ]] || need+=(libstemmer-dev)
# The English word list: typo tolerance never "corrects" a real word, and drafts weigh jargon higher.
[[ -f /usr/share/dict/words ]] || need+=(wamerican)
pkg-config --exists pkg-config 2>/dev/null || command -v pkg-config >/dev/null || need+=(pkg-config)
if [[ "${1:-}" == "--test" ]]; then
  command -v tmux >/dev/null || need+=(tmux)
  command -v cmark-gfm >/dev/null || need+=(cmark-gfm)
  # For validating the rubric files against Rubrics/schema/ (scripts/validate-rubric-schemas.py).
  command -v python3 >/dev/null || need+=(python3)
fi

if ((${#need[@]})); then
  echo "Installing: ${need[*]}" >&2
  sudo_cmd=()
  [[ $(id -u) -ne 0 ]] && sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq "${need[@]}" >/dev/null
fi

if [[ "${1:-}" == "--test" ]] && ! python3 -c 'import jsonschema, yaml' 2>/dev/null; then
  echo "Installing the Python packages jsonschema and PyYAML" >&2
  python3 -m pip install --quiet jsonschema pyyaml
fi
