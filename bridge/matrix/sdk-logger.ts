// The SDK's logger for the bot: its errors (and warnings with
// ROGATORY_MATRIX_LOG=warn, everything with =debug) prefixed with the bot's
// user; the rest of its chatter dropped so the bot's own lines stand out.
import type { Logger } from 'matrix-js-sdk/lib/logger.js';

const level = process.env['ROGATORY_MATRIX_LOG'] ?? 'error';

export function sdkLogger(prefix: string): Logger {
	const drop = (): void => {};
	const debug = level === 'debug' ? (...msg: unknown[]) => console.debug(`[${prefix}]`, ...msg) : drop;
	return {
		trace: drop,
		debug,
		info: debug,
		warn: level === 'error' ? drop : (...msg: unknown[]) => console.warn(`[${prefix}]`, ...msg),
		error: (...msg: unknown[]) => console.error(`[${prefix}]`, ...msg),
		getChild: (namespace: string) => sdkLogger(`${prefix}${namespace}`),
	};
}
