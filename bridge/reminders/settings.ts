// The reminders' settings as the site file gives them (its `reminders`
// section, read as { offsetsHours, escalateAfterHours }, in hours; checked key
// by key so an error names the key — STYLE.md, 8); a key left out keeps the
// default (types.ts).
import { err, ok, type Result } from '../../policies/result.ts';
import { DEFAULT_SETTINGS, type ReminderSettings } from './types.ts';

const HOUR = 3_600_000;

export function parseReminderSettings(value: unknown): Result<ReminderSettings, string> {
	if (value === undefined) return ok(DEFAULT_SETTINGS);
	if (typeof value !== 'object' || value === null || Array.isArray(value)) return err('reminders: must be an object');
	const raw = value as Record<string, unknown>;
	const unknown = Object.keys(raw).filter((k) => k !== 'offsetsHours' && k !== 'escalateAfterHours');
	if (unknown.length > 0) return err(`reminders.${unknown[0]}: unknown key (have: offsetsHours, escalateAfterHours)`);
	const hours = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;
	let offsets = DEFAULT_SETTINGS.offsets;
	if (raw['offsetsHours'] !== undefined) {
		const list = raw['offsetsHours'];
		if (!Array.isArray(list) || list.length === 0 || !list.every(hours))
			return err('reminders.offsetsHours: must be a non-empty list of hours before expiry (0 = at expiry)');
		offsets = [...new Set(list.map((h) => Math.round(h * HOUR)))].sort((a, b) => b - a);
	}
	let escalateAfterMs = DEFAULT_SETTINGS.escalateAfterMs;
	if (raw['escalateAfterHours'] !== undefined) {
		const v = raw['escalateAfterHours'];
		if (!hours(v) || v === 0) return err('reminders.escalateAfterHours: must be a number of hours above 0');
		escalateAfterMs = Math.round(v * HOUR);
	}
	return ok({ ...DEFAULT_SETTINGS, offsets, escalateAfterMs });
}
