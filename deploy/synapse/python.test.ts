import { describe, expect, it } from 'vitest';
import { checkPython, pythonCommand } from './python.ts';

describe('checkPython', () => {
	it('says what to install when Python is missing', async () => {
		const checked = await checkPython('/nonexistent/python3');
		expect(checked.ok).toBe(false);
		if (!checked.ok) {
			expect(checked.error).toContain('was not found');
			expect(checked.error).toContain('apt-get install python3 python3-venv');
		}
	});

	it('honours ROGATORY_PYTHON', () => {
		expect(pythonCommand({ ROGATORY_PYTHON: '/opt/py/bin/python3' })).toBe('/opt/py/bin/python3');
		expect(pythonCommand({})).toBe('python3');
	});
});
