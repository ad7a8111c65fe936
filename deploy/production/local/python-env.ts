// Synapse's environment in the local production run: this process's, without
// its Python settings, and without writing bytecode beside the venv's files.

export const pythonEnv = (): NodeJS.ProcessEnv => {
	const env: NodeJS.ProcessEnv = { ...process.env, PYTHONDONTWRITEBYTECODE: '1' };
	delete env['PYTHONPATH'];
	delete env['PYTHONHOME'];
	return env;
};
