// `rogatory bridge verification-code [--site <site.yaml>]` (issue 12, "The
// bridge's identity … verified by that authority's administrator"): prints
// the code the bridge bot wrote for the administrator verifying it
// (bridge/matrix/bot-verification.ts), the text to paste into the web app, or
// says there is none — no verification waiting, or one older than the ten
// minutes a code lives. The site file says where the bot's secrets are
// (ROGATORY_SITE when --site is left out). A pure executor (STYLE.md 6): the
// site, the file and the clock come through the context. Exit 0 with the code
// on stdout, 2 with a one-line reason on stderr.
import { parseArgs } from 'node:util';
import type { Result } from '../../policies/result.ts';

/** The spec's verification timeout; the bot removes its code then (bot-verification.ts' CODE_LIFETIME_MS). */
const CODE_LIFETIME_MS = 10 * 60 * 1000;

export interface BridgeCliContext {
	/** The site file given, else ROGATORY_SITE's (one): its `paths.secrets`, absolute. */
	readonly secretsDir: (site: string | undefined) => Result<string>;
	/** The code file's text and when it was last written; undefined when there is no such file. */
	readonly readCode: (dir: string) => Result<{ readonly path: string; readonly text: string; readonly writtenMs: number } | undefined>;
	readonly now: () => number;
}

export interface BridgeOutcome {
	readonly code: 0 | 2;
	readonly stdout: string;
	readonly stderr: string;
}

export const BRIDGE_USAGE = 'usage: rogatory bridge verification-code [--site <site.yaml>]';

const fail = (reason: string): BridgeOutcome => ({ code: 2, stdout: '', stderr: `rogatory: ${reason.replace(/\s*\n\s*/g, '; ')}\n` });

export function runBridgeCli(argv: readonly string[], context: BridgeCliContext): BridgeOutcome {
	let parsed;
	try {
		parsed = parseArgs({ args: [...argv], allowPositionals: true, options: { site: { type: 'string' } } });
	} catch (thrown) {
		return fail(`${thrown instanceof Error ? thrown.message : String(thrown)}; ${BRIDGE_USAGE}`);
	}
	const [command, ...extra] = parsed.positionals;
	if (command !== 'verification-code')
		return fail(command === undefined ? BRIDGE_USAGE : `unknown bridge command "${command}"; ${BRIDGE_USAGE}`);
	if (extra.length > 0) return fail(BRIDGE_USAGE);
	const dir = context.secretsDir(parsed.values.site);
	if (!dir.ok) return fail(dir.error);
	const found = context.readCode(dir.value);
	if (!found.ok) return fail(found.error);
	const none = 'start "Verify our bot" in the web app, then run this again';
	if (found.value === undefined) return fail(`no verification of the bridge bot is waiting for its code (${dir.value}): ${none}`);
	const text = found.value.text.trim();
	if (context.now() - found.value.writtenMs > CODE_LIFETIME_MS || text === '')
		return fail(`the code in ${found.value.path} has expired (a code lives ten minutes): ${none}`);
	return { code: 0, stdout: `${text}\n`, stderr: '' };
}
