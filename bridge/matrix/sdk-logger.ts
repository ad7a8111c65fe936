// The SDK's logger for the bot: its errors (and warnings with
// ROGATORY_MATRIX_LOG=warn, everything with =debug) prefixed with the bot's
// user; the rest of its chatter dropped so the bot's own lines stand out.
import { logger as sdkGlobalLogger, type Logger } from 'matrix-js-sdk/lib/logger.js';

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

/**
 * The SDK also logs through its global loglevel logger, which no client
 * option reaches; its child loggers copy the parent's method factory, so the
 * level filter goes there, once, at import.
 */
type Factory = (method: string, level: number, name: string | symbol) => (...msg: unknown[]) => void;
const root = sdkGlobalLogger as unknown as { methodFactory: Factory; rebuild(): void };
const inherited = root.methodFactory;
const shown = new Set(
	level === 'debug' ? ['trace', 'debug', 'info', 'log', 'warn', 'error'] : level === 'warn' ? ['warn', 'error'] : ['error'],
);
root.methodFactory = (method, lvl, name) => (shown.has(method) ? inherited(method, lvl, name) : () => {});
root.rebuild();
