// Electron fuses of the packaged app: features compiled into the Electron binary that are
// switched off (or on) for good when Gloss is packaged, so that no environment variable,
// command-line flag or file next to the app can turn the app into something else.
// electron-builder.config.mjs flips them in its afterPack hook; test/packaging.test.ts checks
// every value. See SECURITY.md.
import { join } from 'node:path';
import { FuseV1Options, FuseVersion, flipFuses } from '@electron/fuses';

/** The fuse wire of every packaged Gloss. */
export const FUSES = Object.freeze({
  version: FuseVersion.V1,
  // ELECTRON_RUN_AS_NODE would make the signed binary a plain Node that runs any script.
  [FuseV1Options.RunAsNode]: false,
  // NODE_OPTIONS (--require, --inspect…) would load code into the main process.
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  // --inspect / --inspect-brk would open a debugger port into the main process.
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  // app.asar must match the hash recorded at packaging time (macOS and Windows).
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  // The app is read from app.asar only, never from a loose app/ folder dropped beside it.
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  // Cookies (the session's storage) are encrypted with the OS keychain.
  [FuseV1Options.EnableCookieEncryption]: true,
  // file:// pages get no privileges beyond those of a normal page.
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
});

/**
 * The Electron binary electron-builder has just packed, from its afterPack context:
 * the .app bundle on macOS, the .exe on Windows, the executable on Linux.
 */
export function packedBinary(context) {
  const { appOutDir, electronPlatformName, packager } = context;
  switch (electronPlatformName) {
    case 'darwin':
    case 'mas':
      return join(appOutDir, `${packager.appInfo.productFilename}.app`);
    case 'win32':
      return join(appOutDir, `${packager.appInfo.productFilename}.exe`);
    default:
      return join(appOutDir, packager.executableName);
  }
}

/**
 * electron-builder's afterPack hook: flips the fuses on the packed binary before it is signed.
 * `flip` is @electron/fuses' flipFuses (a stand-in in tests).
 */
export async function flipPackedFuses(context, flip = flipFuses) {
  const binary = packedBinary(context);
  // Flipping fuses invalidates an ad hoc signature; reset it so Apple Silicon still starts the
  // app (electron-builder signs properly afterwards when a certificate is configured).
  const darwin =
    context.electronPlatformName === 'darwin' || context.electronPlatformName === 'mas';
  await flip(binary, { ...FUSES, resetAdHocDarwinSignature: darwin });
  return binary;
}
