export function findElectron(env?: NodeJS.ProcessEnv): string | undefined;
export function downloadElectron(spawnSync: typeof import('node:child_process').spawnSync): void;
