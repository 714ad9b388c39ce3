#!/usr/bin/env node
// `kiosk-content`: the staff and build tool for content packages. The code is TypeScript in
// core/cli, run through tsx so that the CLI and the kiosk share one validator.
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('../core/cli/kiosk-content.ts');
process.exitCode = await runCli(process.argv.slice(2), { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s) });
