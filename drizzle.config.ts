import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'sqlite',
  schema: ['./db/schema.ts', './db/schema-exchange.ts', './db/schema-control.ts'],
  out: './db/migrations',
});
