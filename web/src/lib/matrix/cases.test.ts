// What a case room's timeline becomes: fold envelopes (own events only once
// the server has echoed them, with the server's timestamp) and the items the
// discussion shows (case updates, text, encrypted files, undecryptable events).
import { describe, expect, it } from 'vitest';
import { CASE_KEY } from '#policies/cases/index.ts';
import { caseEnvelopes, judgedEvents, timelineItems } from './cases.ts';
import type { MatrixEvent, Room } from './sdk.ts';

interface FakeEvent {
	id?: string;
	txnId?: string;
	sender?: string;
	ts?: number;
	type?: string;
	content?: Record<string, unknown>;
	status?: string | null;
	undecryptable?: boolean;
	failure?: string;
	/** Sent in the clear (true for none of the events unless said). */
	clear?: boolean;
	replyTo?: string;
}

function event(fake: FakeEvent): MatrixEvent {
	return {
		status: fake.status ?? null,
		getId: () => fake.id,
		getTxnId: () => fake.txnId,
		getUnsigned: () => ({}),
		getSender: () => fake.sender ?? '@ana:127.0.20.1:28448',
		getTs: () => fake.ts ?? 1,
		getType: () => fake.type ?? 'm.room.message',
		getContent: () => fake.content ?? {},
		isDecryptionFailure: () => fake.undecryptable === true,
		decryptionFailureReason: fake.failure ?? null,
		isEncrypted: () => fake.clear !== true,
		replyEventId: fake.replyTo,
		isRedacted: () => false,
	} as unknown as MatrixEvent;
}

const room = (events: MatrixEvent[]): Room => ({ getLiveTimeline: () => ({ getEvents: () => events }) }) as unknown as Room;

const caseContent = { msgtype: 'm.text', body: 'Status: Sent → Received', [CASE_KEY]: { v: 1, type: 'note', text: 'x' } };

describe('caseEnvelopes', () => {
	const events = [
		event({ id: '$a', ts: 10, content: caseContent }),
		event({ id: '~local', txnId: 't1', status: 'sending', content: caseContent }),
		event({ id: '$b', status: 'sent', content: caseContent }),
		event({ id: '$c', content: { msgtype: 'm.text', body: 'hello' } }),
		event({ id: '$d', undecryptable: true }),
		event({ id: '$e', type: 'm.room.member' }),
		event({ id: '$f', clear: true, content: caseContent }),
	];

	it('takes the case events that count, and own events only once echoed by the server', () => {
		const envelopes = caseEnvelopes(room(events), (id) => id !== '$f');
		expect(envelopes).toEqual([{ eventId: '$a', sender: '@ana:127.0.20.1:28448', originServerTs: 10, content: caseContent }]);
		// An event not judged (or judged not to count) is left out, whatever it says.
		expect(caseEnvelopes(room(events), () => false)).toEqual([]);
	});

	it('judges every message the server sent, decrypted or in the clear', () => {
		expect(judgedEvents(room(events)).map((e) => e.id)).toEqual(['$a', '$c', '$f']);
	});
});

describe('timelineItems', () => {
	it('shows case updates, text, encrypted files and undecryptable events; unsent ones as pending', () => {
		const file = {
			v: 'v2',
			url: 'mxc://127.0.20.1:28448/abc',
			key: { kty: 'oct', alg: 'A256CTR', ext: true, k: 'k', key_ops: ['encrypt', 'decrypt'] },
			iv: 'iv',
			hashes: { sha256: 'h' },
		};
		const items = timelineItems(
			room([
				event({ id: '$a', content: caseContent }),
				event({ id: '$b', content: { msgtype: 'm.text', body: 'hello' } }),
				event({ id: '$c', content: { msgtype: 'm.file', body: 'evidence.pdf', info: { size: 12 }, file } }),
				event({ id: '$d', content: { msgtype: 'm.file', body: 'plain.pdf', url: 'mxc://x/y' } }),
				event({ id: '$e', undecryptable: true }),
				event({ txnId: 't2', status: 'sending', content: { msgtype: 'm.text', body: 'on its way' } }),
				event({ id: '$f', undecryptable: true, failure: 'UNSIGNED_SENDER_DEVICE' }),
				event({ id: '$g', replyTo: '$b', content: { msgtype: 'm.text', body: 'agreed' } }),
				event({ id: '$h', clear: true, content: caseContent }),
				// The outbox shows its own messages until the server sends them back.
				event({ id: '~!room:rog-1', txnId: 'rog-1', status: 'not_sent', content: { msgtype: 'm.text', body: 'queued' } }),
			]),
			(id) =>
				id === '$h'
					? { counts: false, code: 'not-encrypted', reason: 'sent in the clear' }
					: { counts: true, verification: 'cross-signed' },
		);
		expect(items.map((i) => [i.kind, i.id])).toEqual([
			['case', '$a'],
			['text', '$b'],
			['file', '$c'],
			['undecryptable', '$e'],
			['text', 't2'],
			['undecryptable', '$f'],
			['text', '$g'],
			['case', '$h'],
		]);
		expect(items[2]).toMatchObject({ name: 'evidence.pdf', size: 12, pending: false });
		expect(items[3]).toMatchObject({ reason: 'other' });
		expect(items[4]).toMatchObject({ body: 'on its way', pending: true });
		expect(items[5]).toMatchObject({ reason: 'unsigned-device' });
		expect(items[6]).toMatchObject({ replyTo: '$b' });
		expect(items[7]).toMatchObject({ warning: 'not-encrypted' });
		expect(items[0]).not.toHaveProperty('warning');
	});

	it('keeps the user IDs a message’s m.mentions names (the notification centre’s mentions), and nothing else from it', () => {
		const items = timelineItems(
			room([
				event({ id: '$m', content: { msgtype: 'm.text', body: 'see this', 'm.mentions': { user_ids: ['@bola:ng.example', 7] } } }),
				event({ id: '$n', content: { msgtype: 'm.text', body: 'hello', 'm.mentions': {} } }),
				event({ id: '$o', content: { msgtype: 'm.text', body: 'odd', 'm.mentions': { user_ids: 'no' } } }),
			]),
			() => ({ counts: true, verification: 'cross-signed' }),
		);
		expect(items[0]).toMatchObject({ mentions: ['@bola:ng.example'] });
		expect(items[1]).not.toHaveProperty('mentions');
		expect(items[2]).not.toHaveProperty('mentions');
	});
});
