import { describe, expect, it } from 'vitest';
import { backPaginate, isReconnection, markAfter, nextStep, oldestFirst, reconcileDue, scanPage, type Page } from './backfill.ts';
import type { RawEvent } from './sync-batch.ts';

const ev = (id: string): RawEvent => ({ event_id: id, room_id: '!r:gt', type: 'm.room.encrypted' });
const ids = (events: readonly RawEvent[]): string[] => events.map((e) => e.event_id);

describe('scanPage', () => {
	it('keeps the unknown events, and is done once past the mark by `overlap` known events in a row', () => {
		const page = ['$6', '$5', '$4', '$3', '$2', '$1'].map(ev);
		const got = scanPage(page, '$4', (id) => id !== '$6', 1);
		expect(ids(got.missing)).toEqual(['$6']);
		expect(got.reachedMark).toBe(true);
		expect(got.state).toEqual({ pastMark: true, knownRun: 2 });
	});

	it('goes on past the mark while unknown events follow it: a branch the server lacked can sort below the mark', () => {
		const page = ['$9', '$8', '$g2', '$7', '$g1', '$6', '$5', '$4'].map(ev);
		const got = scanPage(page, '$8', (id) => !id.startsWith('$g'), 2);
		expect(ids(got.missing)).toEqual(['$g2', '$g1']);
		expect(got.reachedMark).toBe(true);
	});

	it('does not stop at known events without a mark, and carries its state over pages', () => {
		const first = scanPage(['$5', '$4'].map(ev), undefined, (id) => id === '$5', 1);
		expect(ids(first.missing)).toEqual(['$4']);
		expect(first.reachedMark).toBe(false);
		const second = scanPage(['$3', '$2'].map(ev), '$3', () => true, 1, { pastMark: false, knownRun: 0 });
		expect(second.reachedMark).toBe(true);
	});
});

describe('nextStep', () => {
	it('stops at the mark, at the room start, at the bound; else goes on', () => {
		expect(nextStep(true, 'e', 1, 20)).toBe('mark');
		expect(nextStep(false, undefined, 1, 20)).toBe('start');
		expect(nextStep(false, 'e', 20, 20)).toBe('bound');
		expect(nextStep(false, 'e', 19, 20)).toBeUndefined();
	});
});

describe('oldestFirst', () => {
	it('reverses, each event once', () => {
		expect(ids(oldestFirst(['$3', '$2', '$2', '$1'].map(ev)))).toEqual(['$1', '$2', '$3']);
	});
});

describe('markAfter', () => {
	it('moves to the newest covered event after a complete pass, stays after a bounded one', () => {
		expect(markAfter({ stop: 'mark', newest: '$9' }, '$1')).toBe('$9');
		expect(markAfter({ stop: 'start', newest: '$9' }, undefined, '$10')).toBe('$10');
		expect(markAfter({ stop: 'start', newest: undefined }, '$1')).toBe('$1');
		expect(markAfter({ stop: 'bound', newest: '$9' }, '$1', '$10')).toBe('$1');
	});
});

describe('backPaginate', () => {
	const pages: Record<string, Page> = {
		t3: { events: ['$9', '$8'].map(ev), end: 't2' },
		t2: { events: [], end: 't1' },
		t1: { events: ['$7', '$6', '$5'].map(ev), end: 't0' },
		t0: { events: ['$4'].map(ev), end: undefined },
	};
	const page = (from: string): Promise<Page> => Promise.resolve(pages[from]!);

	it('pages back past the mark, over pages with no message event, and returns the unknown oldest first', async () => {
		const got = await backPaginate('t3', '$7', (id) => id !== '$9', page, 20, 1);
		expect(ids(got.missing)).toEqual(['$9']);
		expect(got).toMatchObject({ newest: '$9', stop: 'mark', pages: 3 });
	});

	it('pages to the room start without a mark', async () => {
		const got = await backPaginate('t3', undefined, () => false, page, 20);
		expect(ids(got.missing)).toEqual(['$4', '$5', '$6', '$7', '$8', '$9']);
		expect(got.stop).toBe('start');
	});

	it('stops at the bound with what it found', async () => {
		const got = await backPaginate('t3', undefined, () => false, page, 2);
		expect(ids(got.missing)).toEqual(['$8', '$9']);
		expect(got).toMatchObject({ stop: 'bound', pages: 2 });
	});
});

describe('reconcileDue', () => {
	it('is due when never run, and every interval after the last start', () => {
		expect(reconcileDue(undefined, 5, 3_600_000)).toBe(true);
		expect(reconcileDue(0, 3_599_999, 3_600_000)).toBe(false);
		expect(reconcileDue(0, 3_600_000, 3_600_000)).toBe(true);
	});
});

describe('isReconnection', () => {
	it('is a sync that works again after failing', () => {
		expect(isReconnection('ERROR', 'SYNCING')).toBe(true);
		expect(isReconnection('RECONNECTING', 'CATCHUP')).toBe(true);
		expect(isReconnection('SYNCING', 'SYNCING')).toBe(false);
		expect(isReconnection(undefined, 'PREPARED')).toBe(false);
		expect(isReconnection('ERROR', 'ERROR')).toBe(false);
	});
});
