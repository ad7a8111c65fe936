// User-interactive authentication (spec: "User-Interactive Authentication
// API") for the one request of key setup that may need it: uploading the
// cross-signing keys. Synapse lets the first upload through without it
// (MSC3967); a server that asks gets the account password, which the flow
// collects from the person only if and when it is asked for.
import type { AuthDict, UIAuthCallback } from './sdk.ts';

export interface UiaChallenge {
	readonly session: string | undefined;
	readonly flows: readonly { readonly stages: readonly string[] }[];
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/** The 401 answer of a UIA endpoint, if `error` is one (matrix-js-sdk's MatrixError carries it in `data`). */
export function uiaChallengeOf(error: unknown): UiaChallenge | undefined {
	if (!isRecord(error) || error['httpStatus'] !== 401 || !isRecord(error['data'])) return undefined;
	const { session, flows } = error['data'];
	if (!Array.isArray(flows)) return undefined;
	const parsed = flows.flatMap((flow: unknown) =>
		isRecord(flow) && Array.isArray(flow['stages']) ? [{ stages: flow['stages'].filter((s): s is string => typeof s === 'string') }] : [],
	);
	return { session: typeof session === 'string' ? session : undefined, flows: parsed };
}

/** Whether the password alone completes one of the flows. */
export function passwordCompletes(challenge: UiaChallenge): boolean {
	return challenge.flows.some((flow) => flow.stages.length === 1 && flow.stages[0] === 'm.login.password');
}

export class UiaCancelledError extends Error {
	constructor() {
		super('the password was not given');
		this.name = 'UiaCancelledError';
	}
}

/** Asks the person for their password; `wrongPassword` when the last one was refused. undefined = they gave up. */
export type AskPassword = (attempt: { readonly wrongPassword: boolean }) => Promise<string | undefined>;

export const MAX_PASSWORD_ATTEMPTS = 3;

export function passwordAuth<T>(userId: string, askPassword: AskPassword): UIAuthCallback<T> {
	return async (makeRequest) => {
		try {
			return await makeRequest(null);
		} catch (error) {
			let challenge = uiaChallengeOf(error);
			if (challenge === undefined || !passwordCompletes(challenge)) throw error;
			let lastError: unknown = error;
			for (let attempt = 0; attempt < MAX_PASSWORD_ATTEMPTS; attempt++) {
				const password = await askPassword({ wrongPassword: attempt > 0 });
				if (password === undefined) throw new UiaCancelledError();
				const auth: AuthDict = {
					type: 'm.login.password',
					identifier: { type: 'm.id.user', user: userId },
					password,
					...(challenge.session === undefined ? {} : { session: challenge.session }),
				};
				try {
					return await makeRequest(auth);
				} catch (next) {
					lastError = next;
					const again = uiaChallengeOf(next);
					if (again === undefined) throw next;
					challenge = again;
				}
			}
			throw lastError;
		}
	};
}
