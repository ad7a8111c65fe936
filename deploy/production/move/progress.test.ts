import { describe, expect, it } from 'vitest';
import { failureReason, parsePortLine, progressText } from './progress.ts';

describe('synapse_port_db’s progress, as a move shows it', () => {
	it('reads a state and a table’s share', () => {
		expect(parsePortLine('Creating port tables...')).toEqual({ kind: 'state', state: 'Creating port tables' });
		expect(parsePortLine('event_json: 45% (450/1000)')).toEqual({
			kind: 'table',
			table: 'event_json',
			percent: 45,
			done: 450,
			total: 1000,
		});
		expect(parsePortLine('2026-12-05 09:00:00,000 - synapse - 10 - INFO - something')).toBeUndefined();
	});

	it('shows every state and each table once, when whole', () => {
		expect(progressText('Setting up sequence generators...')).toBe('  Setting up sequence generators');
		expect(progressText('events: 45% (450/1000)')).toBeUndefined();
		expect(progressText('events: 100% (1000/1000)')).toBe('  events: 1000 rows');
		expect(progressText('')).toBeUndefined();
	});

	it('gives its own reason for a failure, without its log lines', () => {
		const stderr = [
			'2026-12-05 09:24:29,088 - synapse.storage.prepare_database - 134 - INFO - Checking existing schema version',
			'2026-12-05 09:24:29,094 - synapse.storage.databases.main.event_push_actions - 1247 - INFO - Found stream ordering',
			'Pending background updates exist in the SQLite3 database. Please start Synapse again and wait until every update has finished before running this script.',
		].join('\n');
		expect(failureReason(stderr)).toBe(
			'Pending background updates exist in the SQLite3 database. Please start Synapse again and wait until every update has finished before running this script.',
		);
		expect(failureReason('2026-12-05 09:24:29,088 - x - 1 - INFO - only a log line\n')).toBe(
			'2026-12-05 09:24:29,088 - x - 1 - INFO - only a log line',
		);
	});
});
