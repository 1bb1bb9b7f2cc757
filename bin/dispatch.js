#!/usr/bin/env node
// The `dispatch` command. TypeScript sources run through tsx's loader, so the same tree
// works on Node 20, 22 and 24 without a build step.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
