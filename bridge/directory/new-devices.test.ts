import { describe, expect, it } from 'vitest';
import { deviceNews, MAX_SEEN_DEVICES } from './new-devices.ts';

const ANA = '@ana:mp.gt';
const JORGE = '@jorge:fgr.sv';

describe('a member’s new signed device', () => {
	it('is news when the member was seen before with other devices', () => {
		const news = deviceNews({ [ANA]: ['A1'] }, new Map([[ANA, ['A1', 'A2']]]));
		expect(news.withNewDevices).toEqual([ANA]);
		expect(news.seen[ANA]).toEqual(['A1', 'A2']);
	});

	it('is no news for a member seen for the first time, nor for the same devices again', () => {
		const first = deviceNews({}, new Map([[ANA, ['A1']]]));
		expect(first.withNewDevices).toEqual([]);
		const again = deviceNews(first.seen, new Map([[ANA, ['A1']]]));
		expect(again.withNewDevices).toEqual([]);
	});

	it('keeps what was seen of members not asked about, and of devices since removed', () => {
		const news = deviceNews({ [ANA]: ['A1', 'A2'], [JORGE]: ['J1'] }, new Map([[ANA, ['A2']]]));
		expect(news.withNewDevices).toEqual([]);
		expect(news.seen).toEqual({ [ANA]: ['A2', 'A1'], [JORGE]: ['J1'] });
		// A device removed and seen again is not new.
		expect(deviceNews(news.seen, new Map([[ANA, ['A1', 'A2']]])).withNewDevices).toEqual([]);
	});

	it('remembers at most a bounded number of devices per member', () => {
		const many = Array.from({ length: MAX_SEEN_DEVICES + 20 }, (_, i) => `D${i}`);
		const news = deviceNews({ [ANA]: ['D0'] }, new Map([[ANA, many]]));
		expect(news.withNewDevices).toEqual([ANA]);
		expect(news.seen[ANA]).toHaveLength(MAX_SEEN_DEVICES);
	});
});
