// matrix-js-sdk logs every step at debug level to the console. In the browser
// we keep its warnings and errors and drop the chatter: it costs time on slow
// machines and buries what matters in a support session.
import type { Logger } from './sdk.ts';

let stopped = false;

/**
 * The client is being stopped on purpose (sign-out, a closed session): the
 * work it abandons — a /sync response half processed when the Rust crypto
 * closes, a request the logout aborts — fails, and the SDK logs each failure
 * as an error. Those are not errors of this page; from now until a client
 * opens again they go to the debug console, marked.
 */
export function clientStopping(): void {
	stopped = true;
}

/** A client opens: its warnings and errors are heard again. */
export function clientOpening(): void {
	stopped = false;
}

/** NOTE: keeps `this`: the SDK's loglevel methods read their logger's prefix from it. */
function unlessStopped(say: (this: unknown, ...message: unknown[]) => void): (this: unknown, ...message: unknown[]) => void {
	return function (this: unknown, ...message: unknown[]) {
		if (stopped) console.debug('[after stop]', ...message);
		else say.apply(this, message);
	};
}

function prefixed(prefix: string, say: (...message: unknown[]) => void): (...message: unknown[]) => void {
	return (...message) => say(`[${prefix}]`, ...message);
}

export function quietLogger(prefix = 'matrix'): Logger {
	const drop = (): void => {};
	return {
		trace: drop,
		debug: drop,
		info: drop,
		warn: prefixed(
			prefix,
			unlessStopped((...message) => console.warn(...message)),
		),
		error: prefixed(
			prefix,
			unlessStopped((...message) => console.error(...message)),
		),
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
	root.methodFactory = (method, level, name) =>
		method === 'warn' || method === 'error' ? unlessStopped(inherited(method, level, name)) : () => {};
	root.rebuild();
}
