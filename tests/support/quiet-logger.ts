// A matrix-js-sdk logger that keeps errors and drops the SDK's chatter (its
// warnings too: push-rule defaults and the like), so test and bench output
// stays readable. ROGATORY_MATRIX_LOG=warn|debug brings them back.
import { logger as sdkGlobalLogger, type Logger } from 'matrix-js-sdk/lib/logger.js';

const level = process.env['ROGATORY_MATRIX_LOG'] ?? 'error';

export function quietLogger(prefix = 'matrix'): Logger {
	const drop = (): void => {};
	const debug = level === 'debug' ? (...msg: unknown[]) => console.debug(`[${prefix}]`, ...msg) : drop;
	const logger: Logger = {
		trace: drop,
		debug,
		info: debug,
		warn: level === 'error' ? drop : (...msg: unknown[]) => console.warn(`[${prefix}]`, ...msg),
		error: (...msg: unknown[]) => console.error(`[${prefix}]`, ...msg),
		getChild: (namespace: string) => quietLogger(`${prefix}${namespace}`),
	};
	return logger;
}

/**
 * The SDK also logs through a global loglevel logger that no client option
 * reaches, and its child loggers (created later, each forced to DEBUG) copy
 * the parent's method factory. So the filter goes into that factory, once, at
 * import.
 */
type Factory = (method: string, level: number, name: string | symbol) => (...msg: unknown[]) => void;
const global = sdkGlobalLogger as unknown as { methodFactory: Factory; rebuild(): void };
const inherited = global.methodFactory;
const shown = new Set(
	level === 'debug' ? ['trace', 'debug', 'info', 'log', 'warn', 'error'] : level === 'warn' ? ['warn', 'error'] : ['error'],
);
global.methodFactory = (method, lvl, name) => (shown.has(method) ? inherited(method, lvl, name) : () => {});
global.rebuild();
