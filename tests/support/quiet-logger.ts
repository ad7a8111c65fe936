// A matrix-js-sdk logger that keeps errors and drops the SDK's chatter (its
// warnings too: push-rule defaults and the like), so test and bench output
// stays readable. ROGATORY_MATRIX_LOG=warn|debug brings them back.
import type { Logger } from 'matrix-js-sdk/lib/logger.js';

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
