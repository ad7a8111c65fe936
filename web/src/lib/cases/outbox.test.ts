import { describe, expect, it } from 'vitest';
import {
	accepted,
	caseEventPending,
	discarded,
	isCaseEventOf,
	kindOf,
	newTxnId,
	nextToSend,
	parseOutbox,
	refused,
	retried,
	settled,
	statusChangePending,
	uploaded,
	type OutboxEntry,
} from './outbox.ts';

const entry = (txnId: string, roomId: string, kind: OutboxEntry['kind'] = 'text'): OutboxEntry => ({
	txnId: `rog-${txnId}`,
	roomId,
	kind,
	content: { msgtype: 'm.text', body: txnId },
	queuedAt: 1,
});

describe('outbox', () => {
	const queue = [entry('1', '!a'), entry('2', '!a', 'transition'), entry('3', '!b')];

	it('sends the oldest unsent entry of each room, in order', () => {
		expect(nextToSend(queue).map((e) => e.txnId)).toEqual(['rog-1', 'rog-3']);
		const after = accepted(queue, 'rog-1', '$1');
		expect(nextToSend(after).map((e) => e.txnId)).toEqual(['rog-2', 'rog-3']);
	});

	it('holds a room behind a refused entry until it is retried or discarded', () => {
		const held = refused(queue, 'rog-1', { kind: 'homeserver', status: 403 });
		expect(nextToSend(held).map((e) => e.txnId)).toEqual(['rog-3']);
		expect(nextToSend(retried(held, 'rog-1')).map((e) => e.txnId)).toEqual(['rog-1', 'rog-3']);
		expect(nextToSend(discarded(held, 'rog-1')).map((e) => e.txnId)).toEqual(['rog-2', 'rog-3']);
	});

	it('never discards what the homeserver has already accepted', () => {
		expect(discarded(accepted(queue, 'rog-1', '$1'), 'rog-1')).toHaveLength(3);
	});

	it('keeps an entry until the room shows its event, and holds moves while a status change is queued', () => {
		const after = accepted(queue, 'rog-1', '$1');
		expect(settled(after, '!a', () => false)).toBe(after);
		expect(settled(after, '!a', (eventId) => eventId === '$1').map((e) => e.txnId)).toEqual(['rog-2', 'rog-3']);
		expect(statusChangePending(queue, '!a')).toBe(true);
		expect(statusChangePending(queue, '!b')).toBe(false);
	});

	it('tells the kind of a message from its case payload', () => {
		expect(kindOf({ body: 'hi' }, 'org.rogatory.case')).toBe('text');
		expect(kindOf({ 'org.rogatory.case': { type: 'transition' } }, 'org.rogatory.case')).toBe('transition');
		expect(kindOf({ 'org.rogatory.case': { type: 'amended' } }, 'org.rogatory.case')).toBe('amendment');
		expect(kindOf({ msgtype: 'm.file', body: 'a.pdf' }, 'org.rogatory.case')).toBe('file');
	});

	it('sends an attachment in its turn, once its upload has given the content its URL', () => {
		const file: OutboxEntry = {
			...entry('f', '!a', 'file'),
			content: { msgtype: 'm.file', body: 'a.pdf', file: { v: 'v2', iv: 'x' } },
			upload: true,
		};
		const list = [file, entry('after', '!a')];
		expect(nextToSend(list).map((e) => e.txnId)).toEqual(['rog-f']);
		const done = uploaded(list, 'rog-f', 'mxc://hs/abc');
		expect(done[0]).toEqual({
			...entry('f', '!a', 'file'),
			content: { msgtype: 'm.file', body: 'a.pdf', file: { v: 'v2', iv: 'x', url: 'mxc://hs/abc' } },
		});
		expect(done[1]).toBe(list[1]);
		expect(parseOutbox(JSON.stringify(list))).toEqual(list);
		// Only an attachment waits for an upload.
		expect(parseOutbox(JSON.stringify([{ ...entry('t', '!a'), upload: true }]))).toEqual([]);
		expect(parseOutbox(JSON.stringify([{ ...file, upload: 'yes' }]))).toEqual([]);
	});

	it('reads back what it stored, and leaves out whatever is malformed', () => {
		const stored = JSON.stringify([accepted(queue, 'rog-1', '$1')[0], { txnId: 'x', roomId: '!a' }, 'junk', { ...entry('9', 'no-room') }]);
		expect(parseOutbox(stored)).toEqual([{ ...queue[0], eventId: '$1' }]);
		expect(parseOutbox('{not json')).toEqual([]);
		expect(parseOutbox(null)).toEqual([]);
		expect(parseOutbox('{"a":1}')).toEqual([]);
		expect(newTxnId(() => 'abc')).toBe('rog-abc');
	});

	it('reads back why an entry was not sent: this version’s reasons, and an earlier version’s strings', () => {
		const why = [
			{ kind: 'homeserver', status: 403 },
			{ kind: 'homeserver' },
			{ kind: 'file-missing' },
			{ kind: 'moved-meanwhile', now: 'withdrawn' },
		] as const;
		const stored = why.map((refusal, i) => ({ ...entry(String(i), '!a'), refused: refusal }));
		expect(parseOutbox(JSON.stringify(stored))).toEqual(stored);
		// Earlier versions kept an HTTP status, or an English sentence for a lost attachment: never shown as such again.
		const legacy = [
			{ ...entry('s', '!a'), refused: '413' },
			{
				...entry('f', '!a', 'file'),
				refused: 'the file is no longer stored in this browser; discard this message and attach the file again',
			},
			{ ...entry('x', '!a'), refused: 'M_FORBIDDEN' },
		];
		expect(parseOutbox(JSON.stringify(legacy)).map((e) => e.refused)).toEqual([
			{ kind: 'homeserver', status: 413 },
			{ kind: 'file-missing' },
			{ kind: 'homeserver' },
		]);
		// A reason this version does not know leaves the entry out, like any malformed one.
		expect(parseOutbox(JSON.stringify([{ ...entry('y', '!a'), refused: { kind: 'guess' } }]))).toEqual([]);
		expect(parseOutbox(JSON.stringify([{ ...entry('z', '!a'), refused: { kind: 'moved-meanwhile' } }]))).toEqual([]);
	});

	it('tells a case event of a type (an acknowledgement) among the queued, and whether one waits for a room', () => {
		const ack: OutboxEntry = { ...entry('k', '!a', 'case'), content: { body: 'I have it', 'org.rogatory.case': { type: 'acknowledged' } } };
		const note: OutboxEntry = { ...entry('n', '!b', 'note'), content: { body: 'n', 'org.rogatory.case': { type: 'note' } } };
		expect(isCaseEventOf(ack, 'org.rogatory.case', 'acknowledged')).toBe(true);
		expect(isCaseEventOf(note, 'org.rogatory.case', 'acknowledged')).toBe(false);
		expect(isCaseEventOf(entry('t', '!a'), 'org.rogatory.case', 'acknowledged')).toBe(false);
		expect(isCaseEventOf({ ...ack, content: { 'org.rogatory.case': 'acknowledged' } }, 'org.rogatory.case', 'acknowledged')).toBe(false);
		expect(caseEventPending([ack, note], '!a', 'org.rogatory.case', 'acknowledged')).toBe(true);
		expect(caseEventPending([ack, note], '!b', 'org.rogatory.case', 'acknowledged')).toBe(false);
	});
});
