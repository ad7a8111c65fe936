import { describe, expect, it } from 'vitest';
import { parseReminderSettings } from './settings.ts';
import { DEFAULT_SETTINGS } from './types.ts';

describe('the reminders’ settings', () => {
	it('keeps the defaults for what is left out, and reads hours', () => {
		expect(parseReminderSettings(undefined)).toEqual({ ok: true, value: DEFAULT_SETTINGS });
		expect(parseReminderSettings({})).toEqual({ ok: true, value: DEFAULT_SETTINGS });
		const read = parseReminderSettings({ offsetsHours: [0, 72, 72, 1.5], escalateAfterHours: 12 });
		expect(read).toEqual({
			ok: true,
			value: { ...DEFAULT_SETTINGS, offsets: [72 * 3_600_000, 5_400_000, 0], escalateAfterMs: 12 * 3_600_000 },
		});
	});

	it('names the broken key', () => {
		const error = (value: unknown): string => {
			const read = parseReminderSettings(value);
			return read.ok ? 'accepted' : read.error;
		};
		expect(error([])).toBe('reminders: must be an object');
		expect(error({ offsets: [1] })).toContain('reminders.offsets: unknown key');
		expect(error({ offsetsHours: [] })).toContain('reminders.offsetsHours');
		expect(error({ offsetsHours: [-1] })).toContain('reminders.offsetsHours');
		expect(error({ escalateAfterHours: 0 })).toContain('reminders.escalateAfterHours');
	});
});
