// Whether a homeserver is up: its client API answers GET
// /_matrix/client/versions and its federation port completes a TLS handshake
// with a certificate that the local CA signed for its IP — the same check
// a peer homeserver makes.
import { connect } from 'node:tls';

export async function clientAnswers(clientUrl: string): Promise<boolean> {
	try {
		const response = await fetch(`${clientUrl}/_matrix/client/versions`, { signal: AbortSignal.timeout(2000) });
		await response.body?.cancel();
		return response.ok;
	} catch {
		return false;
	}
}

export function federationTlsAnswers(address: string, port: number, caPem: string): Promise<boolean> {
	return new Promise((resolve) => {
		// NOTE: no servername: SNI must not carry an IP literal, and Node then
		// checks the certificate's IP subjectAltName against `host`.
		const socket = connect({ host: address, port, ca: caPem, timeout: 2000 });
		const done = (result: boolean) => {
			socket.destroy();
			resolve(result);
		};
		socket.once('secureConnect', () => done(socket.authorized));
		socket.once('error', () => done(false));
		socket.once('timeout', () => done(false));
	});
}
