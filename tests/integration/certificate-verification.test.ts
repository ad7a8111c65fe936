// Acceptance (foundation, 4): with certificate verification on, a homeserver
// presenting a certificate that the local CA did not sign is refused.
// Two fake peers stand side by side, identical but for the CA that signed
// their certificate; a real Synapse (the outsider, which federates openly and
// so reaches both) is asked for a user's profile on each. The one signed by
// the local CA answers; the rogue one sees Synapse abort the TLS handshake
// with "unknown CA" and never receives a request.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { MatrixClient } from 'matrix-js-sdk';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { issueCertificates, issueRogueCertificate } from '../../deploy/certs/certificates.ts';
import { ensureSynapse } from '../../deploy/synapse/install.ts';
import { freshAccount } from '../support/accounts.ts';
import { startFakePeer, type FakePeer } from '../support/fake-federation-peer.ts';
import { homeserverOf } from '../support/federation-info.ts';
import { startNodeClient } from '../support/matrix-node-client.ts';

describe('federation TLS with certificate verification on', () => {
	const federation = inject('federation');
	const port = homeserverOf(federation, 'outsider').federationPort;
	const base = homeserverOf(federation, 'outsider').address.split('.').slice(0, 3).join('.');
	let dir: string;
	let trusted: FakePeer;
	let rogue: FakePeer;
	let asker: MatrixClient;

	beforeAll(async () => {
		dir = mkdtempSync(join(tmpdir(), 'rogatory-tls-'));
		const synapse = await ensureSynapse(process.cwd());
		if (!synapse.ok) throw new Error(synapse.error);
		const good = await issueCertificates(synapse.value.python, {
			ca: { dir: dirname(federation.caCertPath), name: 'unused: the CA exists' },
			servers: [{ dir: join(dir, 'trusted'), ip: `${base}.201` }],
		});
		const bad = await issueRogueCertificate(synapse.value.python, join(dir, 'rogue'), `${base}.202`);
		if (!good.ok || !bad.ok) throw new Error(`certificates: ${good.ok ? '' : good.error} ${bad.ok ? '' : bad.error}`);
		expect(good.value.caCert).toBe(federation.caCertPath);
		trusted = await startFakePeer({ ip: `${base}.201`, port, ...good.value.servers[0]!, displayName: 'Signed by the local CA' });
		rogue = await startFakePeer({ ip: `${base}.202`, port, cert: bad.value.cert, key: bad.value.key, displayName: 'Signed by a rogue CA' });
		asker = await startNodeClient(await freshAccount(federation, 'outsider', 'asker'));
	});
	afterAll(async () => {
		asker?.stopClient();
		await trusted?.close();
		await rogue?.close();
		rmSync(dir, { recursive: true, force: true });
	});

	it('reaches a peer whose certificate the local CA signed', async () => {
		const profile = await asker.getProfileInfo(`@someone:${trusted.serverName}`);
		expect(profile.displayname).toBe('Signed by the local CA');
		expect(trusted.requests.some((r) => r.startsWith('GET /_matrix/federation/v1/query/profile'))).toBe(true);
		expect(trusted.refusedHandshakes).toEqual([]);
	});

	it('refuses a peer whose certificate another CA signed', async () => {
		await expect(asker.getProfileInfo(`@someone:${rogue.serverName}`)).rejects.toThrow();
		expect(rogue.requests).toEqual([]);
		expect(rogue.refusedHandshakes.length).toBeGreaterThan(0);
		for (const reason of rogue.refusedHandshakes) expect(reason).toMatch(/unknown ca/i);
	});
});
