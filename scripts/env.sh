# Sourced by the scripts: export the settings of a local .env file (see .env.example) that the
# caller's environment does not already set. Lines are NAME=value, optionally quoted, with
# blank lines and "# comments" allowed.
if [ -f .env ]; then
  while IFS= read -r line || [ -n "$line" ]; do
    [[ "$line" =~ ^[[:space:]]*([A-Za-z_][A-Za-z0-9_]*)=(.*)$ ]] || continue
    name="${BASH_REMATCH[1]}" value="${BASH_REMATCH[2]}"
    value="${value%%[[:space:]]#*}"                       # a trailing "  # comment"
    value="${value%"${value##*[![:space:]]}"}"            # trailing blanks
    [[ "$value" =~ ^\"(.*)\"$|^\'(.*)\'$ ]] && value="${BASH_REMATCH[1]}${BASH_REMATCH[2]}"
    [ -n "${!name+set}" ] || export "$name=$value"
  done < .env
fi
