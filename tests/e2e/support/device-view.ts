// How another homeserver sees a person's devices: whether a device is listed
// there signed by its owner's self-signing key. A sender's client shares a
// room key only with such a device (the web app encrypts to cross-signed
// devices alone), and it learns of the device from its own homeserver, which
// for a remote user keeps a copy that federation's device-list updates
// refresh. For the tests that bring in a new device of an account other
// homeservers have long known (stand-in-bridge.ts).
import type { LocalHomeserver } from '../../../deploy/local/types.ts';

export interface Observer {
	readonly homeserver: Pick<LocalHomeserver, 'clientUrl'>;
	readonly accessToken: string;
}

interface KeysQuery {
	readonly device_keys?: Record<string, Record<string, { readonly signatures?: Record<string, Record<string, string>> }>>;
	readonly self_signing_keys?: Record<string, { readonly keys?: Record<string, string> }>;
}

/** Whether the observer's homeserver lists `deviceId` of `userId` signed by the user's self-signing key. */
export async function seesCrossSigned(observer: Observer, userId: string, deviceId: string): Promise<boolean> {
	const response = await fetch(`${observer.homeserver.clientUrl}/_matrix/client/v3/keys/query`, {
		method: 'POST',
		headers: { authorization: `Bearer ${observer.accessToken}`, 'content-type': 'application/json' },
		body: JSON.stringify({ device_keys: { [userId]: [] } }),
	});
	if (!response.ok) return false;
	const keys = (await response.json()) as KeysQuery;
	const selfSigning = Object.keys(keys.self_signing_keys?.[userId]?.keys ?? {});
	const signatures = Object.keys(keys.device_keys?.[userId]?.[deviceId]?.signatures?.[userId] ?? {});
	return selfSigning.length > 0 && selfSigning.every((id) => signatures.includes(id));
}

/** Resolves with how long it took until the observer's homeserver sees the device cross-signed; rejects after `timeoutMs`. */
export async function untilSeenCrossSigned(observer: Observer, userId: string, deviceId: string, timeoutMs = 60_000): Promise<number> {
	const start = Date.now();
	for (;;) {
		if (await seesCrossSigned(observer, userId, deviceId)) return Date.now() - start;
		if (Date.now() - start > timeoutMs)
			throw new Error(
				`after ${timeoutMs / 1000} s, ${observer.homeserver.clientUrl} still does not list ${userId}'s device ${deviceId} as cross-signed`,
			);
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
}
