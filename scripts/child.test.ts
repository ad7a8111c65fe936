import { describe, expect, it } from 'vitest';
import { captured } from './child.ts';

describe('a step run with its output kept', () => {
	it('keeps what it printed on either stream, and its exit code', async () => {
		expect(await captured('sh', ['-c', 'echo kept; exit 3'])).toEqual({ code: 3, output: 'kept\n' });
		expect(await captured('sh', ['-c', 'echo said >&2'])).toEqual({ code: 0, output: 'said\n' });
	});

	it('says so, as code 127, when the command cannot be run', async () => {
		const missing = await captured('/nonexistent/rogatory-tool', []);
		expect(missing.code).toBe(127);
		expect(missing.output).toContain('could not run /nonexistent/rogatory-tool');
	});
});
