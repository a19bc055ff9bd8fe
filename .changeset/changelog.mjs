// The CHANGELOG lines `changeset version` (`pnpm version-packages`) writes, with or without a GitHub token.
//
// - GITHUB_TOKEN set (the real release run in CI, or a maintainer with a token): @changesets/changelog-github, which
//   links each entry to its pull request and commit and thanks its author. It reads the token from the environment
//   or from a .env file in the working directory, and so does this check.
// - No token (a developer's machine, the release dry run in CI): the plain default shipped with @changesets/cli
//   (`@changesets/cli/changelog`, i.e. @changesets/changelog-git): each changeset's summary, prefixed by the short
//   hash of the commit that added it. changelog-github would throw there as soon as a changeset has a commit.
//
// Both get the options of .changeset/config.json (`repo`); the plain one ignores them. Loaded with import() by
// @changesets/cli 3, so ESM is fine. scripts/release-dry-run.sh runs `changeset version` without a token in a scratch
// copy of the workspace and checks the CHANGELOGs this writes.
import { readFile } from "node:fs/promises";
import { parseEnv } from "node:util";

async function gitHubToken() {
  if (process.env.GITHUB_TOKEN) return process.env.GITHUB_TOKEN;
  try {
    return parseEnv(await readFile(".env", "utf8")).GITHUB_TOKEN;
  } catch {
    return undefined;
  }
}

const withGitHub = Boolean(await gitHubToken());
const generator = withGitHub ? "@changesets/changelog-github" : "@changesets/cli/changelog";
const imported = await import(generator);
const functions = imported.default?.default ?? imported.default ?? imported;

if (!withGitHub) {
  console.error(`changelog: no GITHUB_TOKEN, plain entries from ${generator} (no pull request or author links)`);
}

export default {
  getReleaseLine: functions.getReleaseLine,
  getDependencyReleaseLine: functions.getDependencyReleaseLine,
};
