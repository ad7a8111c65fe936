import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Deployment } from '../policies/roster/file/index.ts';
import { writeFourthNetwork } from '../tests/support/fourth-network.ts';
import { watchRoster } from './roster-reload.ts';

const until = async (check: () => boolean): Promise<void> => {
	for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 50));
};

describe('watchRoster', () => {
	it('restarts with a new version, refuses a broken file, and ignores a rewrite of the same version', async () => {
		const paths = writeFourthNetwork();
		const restarted: number[] = [];
		const lines: string[] = [];
		const stop = watchRoster({
			paths,
			version: 7,
			restart: (d: Deployment) => {
				restarted.push(d.roster.version);
				return Promise.resolve();
			},
			log: (l) => lines.push(l),
			intervalMs: 20,
		});
		try {
			const text = readFileSync(paths.roster, 'utf8');
			writeFileSync(paths.roster, `${text}\n`);
			await new Promise((r) => setTimeout(r, 200));
			expect(restarted).toEqual([]);
			writeFileSync(paths.roster, 'version: [\n');
			await until(() => lines.length > 0);
			expect(lines[0]).toMatch(/cannot be used; nothing restarts/);
			expect(restarted).toEqual([]);
			writeFileSync(paths.roster, text.replace('version: 7\n', 'version: 8\n'));
			await until(() => restarted.length > 0);
			expect(restarted).toEqual([8]);
		} finally {
			stop();
		}
	});
});
