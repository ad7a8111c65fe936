// drizzle-kit's configuration: the bridge's register schema and where its
// generated migrations live. `drizzle-kit generate` after a schema change;
// never edit a migration that has landed (STYLE.md, 7).
import { defineConfig } from 'drizzle-kit';

export default defineConfig({
	dialect: 'sqlite',
	schema: './bridge/register/schema.ts',
	out: './bridge/register/migrations',
});
