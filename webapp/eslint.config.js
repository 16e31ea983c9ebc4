import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

export default defineConfig(
  { ignores: ['node/', 'node_modules/', 'target/', 'dist/'] },
  js.configs.recommended,
  tseslint.configs.recommended,
);
