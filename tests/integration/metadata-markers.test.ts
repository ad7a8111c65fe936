// Decision 2 of ARCHITECTURE.md, checked with marker strings: case content
// sent in a case room (text and a structured payload under a namespaced key)
// reaches the other party decrypted, yet appears nowhere in any homeserver's
// database, media store or logs — the parties' or anyone else's.
// (Issue 3's acceptance 3 repeats this after the full browser flow.)
import { randomBytes } from 'node:crypto';
import type { MatrixClient } from 'matrix-js-sdk';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { freshAccount } from '../support/accounts.ts';
import { createJoinedCaseRoom } from '../support/case-room-setup.ts';
import { homeserverOf } from '../support/federation-info.ts';
import { countFiles, scanForMarkers } from '../support/marker-scan.ts';
import { decryptedMessage, startNodeClient } from '../support/matrix-node-client.ts';

describe('case content on the homeservers’ disks', () => {
	const federation = inject('federation');
	const [gt, ng] = (['gt-mp', 'ng-ca'] as const).map((id) => homeserverOf(federation, id));
	const tag = randomBytes(6).toString('hex');
	const markers = { title: `ROGMARK-title-${tag}`, reference: `ROGMARK-ref-${tag}`, offence: `ROGMARK-offence-${tag}` };
	let guatemala: MatrixClient;
	let nigeria: MatrixClient;

	beforeAll(async () => {
		guatemala = await startNodeClient(await freshAccount(federation, gt!.id, 'prosecutor'));
		nigeria = await startNodeClient(await freshAccount(federation, ng!.id, 'officer'));
	});
	afterAll(() => {
		guatemala?.stopClient();
		nigeria?.stopClient();
	});

	it('are found nowhere after a case-like exchange across the federation', async () => {
		const roomId = await createJoinedCaseRoom(guatemala, nigeria);

		const body = `Request opened: ${markers.title} (ref. ${markers.reference}), offence ${markers.offence}`;
		const arrived = decryptedMessage(nigeria, roomId, (b) => b === body);
		await guatemala.sendMessage(roomId, {
			msgtype: 'm.text',
			body,
			'org.rogatory.test': { title: markers.title, reference: markers.reference, offences: [markers.offence] },
		} as never);
		const event = await arrived;
		expect((event.getContent()['org.rogatory.test'] as { title: string }).title).toBe(markers.title);

		const roots = federation.homeservers.map((hs) => hs.dataDir);
		expect(countFiles(roots)).toBeGreaterThan(federation.homeservers.length * 3);
		expect(scanForMarkers(roots, Object.values(markers))).toEqual([]);
	});
});
