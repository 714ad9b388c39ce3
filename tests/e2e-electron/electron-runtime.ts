export { findElectron } from '../../scripts/electron-runtime.mjs';

export const NO_RUNTIME =
  'no Electron runtime on this machine (it cannot be downloaded here); set ELECTRON_PATH or install electron with internet to run these';
