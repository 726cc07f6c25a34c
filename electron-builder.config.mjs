// Packaging (not run by the tests or CI): `npm run package`, which needs electron-builder and
// the Electron binaries from the network (`npx electron-builder`). See SECURITY.md, "Packaging".
import { flipPackedFuses } from './build/fuses.mjs';

/** @type {import('electron-builder').Configuration} */
export default {
  appId: 'org.gloss.desk',
  productName: 'Gloss',
  directories: { output: 'dist', buildResources: 'build' },
  // The built app only: main, preload, renderer and web host, and the data they read.
  files: ['out/**', 'resources/**', 'package.json', '!**/*.map'],
  // One archive, checked against its hash at start (EnableEmbeddedAsarIntegrityValidation)
  // and the only place the app is read from (OnlyLoadAppFromAsar).
  asar: true,
  afterPack: (context) => flipPackedFuses(context),
  linux: { target: ['AppImage'], category: 'Office' },
  mac: { target: ['dmg'], category: 'public.app-category.productivity' },
  win: { target: ['nsis'] },
};
