// A matrix-js-sdk logger that keeps warnings and errors and drops the SDK's
// debug chatter, so test and bench output stays readable.
import type { Logger } from 'matrix-js-sdk/lib/logger.js';

export function quietLogger(prefix = 'matrix'): Logger {
	const drop = (): void => {};
	const logger: Logger = {
		trace: drop,
		debug: drop,
		info: drop,
		warn: (...msg: unknown[]) => console.warn(`[${prefix}]`, ...msg),
		error: (...msg: unknown[]) => console.error(`[${prefix}]`, ...msg),
		getChild: (namespace: string) => quietLogger(`${prefix}${namespace}`),
	};
	return logger;
}
