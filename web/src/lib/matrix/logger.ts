// matrix-js-sdk logs every step at debug level to the console. In the browser
// we keep its warnings and errors and drop the chatter: it costs time on slow
// machines and buries what matters in a support session.
import type { Logger } from './sdk.ts';

export function quietLogger(prefix = 'matrix'): Logger {
	const drop = (): void => {};
	return {
		trace: drop,
		debug: drop,
		info: drop,
		warn: (...message: unknown[]) => console.warn(`[${prefix}]`, ...message),
		error: (...message: unknown[]) => console.error(`[${prefix}]`, ...message),
		getChild: (namespace: string) => quietLogger(`${prefix}${namespace}`),
	};
}

interface LoglevelRoot {
	methodFactory: (method: string, level: number, name: string | symbol) => (...message: unknown[]) => void;
	rebuild(): void;
}

let quietened = false;

/**
 * NOTE: the SDK also logs through a global loglevel logger that no client
 * option reaches, and its child loggers (each forced to DEBUG) copy the root's
 * method factory; so the filter goes into that factory, once.
 */
export function quietenGlobalLogger(root: LoglevelRoot): void {
	if (quietened) return;
	quietened = true;
	const inherited = root.methodFactory;
	root.methodFactory = (method, level, name) => (method === 'warn' || method === 'error' ? inherited(method, level, name) : () => {});
	root.rebuild();
}
