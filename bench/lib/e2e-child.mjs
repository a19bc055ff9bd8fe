// Runs the end-to-end section in a Node process of its own (run.mjs spawns it), so what ran before in the bench's
// process (the signing loops warm and reshape the same code) cannot move its figures: `pnpm bench` and
// `pnpm bench -- e2e` measure alike. Settings come as JSON in argv[2]; the result goes out as JSON on stdout.
import { measureEndToEnd } from "./e2e.mjs";

const result = await measureEndToEnd(JSON.parse(process.argv[2]));
process.stdout.write(`${JSON.stringify(result)}\n`);
