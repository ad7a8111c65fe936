// `npm run -s rogatory -- rules | deadline …`: the preservation law and its
// arithmetic on the command line (issue 5). Wiring only: the work is in
// rogatory-cli/commands.ts, over the pure functions of policies/preservation.
import { readFileSync } from 'node:fs';
import { BUILT_IN_RULES } from '../policies/preservation/index.ts';
import { runRogatory } from './rogatory-cli/commands.ts';

function readText(path: string): { ok: true; value: string } | { ok: false; error: string } {
	try {
		return { ok: true, value: readFileSync(path, 'utf8') };
	} catch (thrown) {
		return { ok: false, error: `${path}: ${thrown instanceof Error ? thrown.message : String(thrown)}` };
	}
}

const outcome = runRogatory(process.argv.slice(2), { rules: BUILT_IN_RULES, readText });
process.stdout.write(outcome.stdout);
process.stderr.write(outcome.stderr);
process.exitCode = outcome.code;
