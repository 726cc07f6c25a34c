import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { FuseV1Options, FuseVersion } from '@electron/fuses';
import type { FuseConfig } from '@electron/fuses';
import { beforeAll, describe, expect, it } from 'vitest';

// The packaging configuration as the packaging step reads it: build/fuses.mjs and
// electron-builder.config.mjs, imported for real (not copied), with flipFuses stubbed.

const ROOT = resolve(__dirname, '..');

interface AfterPackContext {
  appOutDir: string;
  electronPlatformName: string;
  arch: number;
  packager: { appInfo: { productFilename: string }; executableName: string };
}
type Flip = (binary: string, config: FuseConfig) => Promise<number>;
interface FusesModule {
  FUSES: FuseConfig;
  packedBinary(context: AfterPackContext): string;
  flipPackedFuses(context: AfterPackContext, flip?: Flip): Promise<string>;
}
interface BuilderConfig {
  appId: string;
  files: string[];
  asar: boolean;
  afterPack(context: AfterPackContext): Promise<unknown>;
}

// Variable specifiers: the .mjs files are plain JavaScript, imported as the packager does.
const load = async <T>(file: string): Promise<T> =>
  (await import(pathToFileURL(join(ROOT, file)).href)) as T;

const context = (platform: string): AfterPackContext => ({
  appOutDir: '/tmp/dist/linux-unpacked',
  electronPlatformName: platform,
  arch: 1,
  packager: { appInfo: { productFilename: 'Gloss' }, executableName: 'gloss' },
});

describe('Electron fuses (build/fuses.mjs)', () => {
  let fuses: FusesModule;
  beforeAll(async () => {
    fuses = await load<FusesModule>('build/fuses.mjs');
  });

  it('sets every fuse of the security checklist', () => {
    const config = fuses.FUSES as Record<string | number, unknown>;
    expect(config['version']).toBe(FuseVersion.V1);
    expect(config[FuseV1Options.RunAsNode]).toBe(false);
    expect(config[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(false);
    expect(config[FuseV1Options.EnableNodeCliInspectArguments]).toBe(false);
    expect(config[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(true);
    expect(config[FuseV1Options.OnlyLoadAppFromAsar]).toBe(true);
    expect(config[FuseV1Options.EnableCookieEncryption]).toBe(true);
    expect(config[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(false);
    expect(Object.isFrozen(fuses.FUSES)).toBe(true);
  });

  it('finds the packed binary on each platform', () => {
    expect(fuses.packedBinary(context('linux'))).toBe('/tmp/dist/linux-unpacked/gloss');
    expect(fuses.packedBinary(context('win32'))).toBe('/tmp/dist/linux-unpacked/Gloss.exe');
    expect(fuses.packedBinary(context('darwin'))).toBe('/tmp/dist/linux-unpacked/Gloss.app');
    expect(fuses.packedBinary(context('mas'))).toBe('/tmp/dist/linux-unpacked/Gloss.app');
  });

  it('flips exactly that wire on the packed binary', async () => {
    const calls: Array<{ binary: string; config: FuseConfig }> = [];
    const flip: Flip = async (binary, config) => (calls.push({ binary, config }), 0);
    await fuses.flipPackedFuses(context('linux'), flip);
    await fuses.flipPackedFuses(context('darwin'), flip);
    expect(calls.map((c) => c.binary)).toEqual([
      '/tmp/dist/linux-unpacked/gloss',
      '/tmp/dist/linux-unpacked/Gloss.app',
    ]);
    expect(calls[0]!.config).toEqual({ ...fuses.FUSES, resetAdHocDarwinSignature: false });
    expect(calls[1]!.config).toEqual({ ...fuses.FUSES, resetAdHocDarwinSignature: true });
  });
});

describe('electron-builder.config.mjs', () => {
  let config: BuilderConfig;
  beforeAll(async () => {
    config = (await load<{ default: BuilderConfig }>('electron-builder.config.mjs')).default;
  });

  it('packs the built app into one asar archive', () => {
    expect(config.appId).toMatch(/^[a-z0-9.-]+$/);
    expect(config.asar).toBe(true);
    expect(config.files).toContain('out/**');
    expect(config.files.every((f) => !f.startsWith('src'))).toBe(true);
  });

  it('flips the fuses after packing, with @electron/fuses on the packed binary', async () => {
    // The real hook, called as electron-builder calls it: flipFuses refuses a missing binary,
    // which proves the hook reaches @electron/fuses with the packed binary's path.
    const missing = context('linux');
    missing.appOutDir = join(ROOT, '.tmp', 'no-such-pack');
    await expect(config.afterPack(missing)).rejects.toThrow(/no-such-pack/);
  });

  it('is what `npm run package` uses', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
      devDependencies: Record<string, string>;
    };
    expect(pkg.scripts['package']).toContain('electron-builder');
    expect(pkg.scripts['package']).toContain('--config electron-builder.config.mjs');
    expect(pkg.devDependencies['@electron/fuses']).toBeDefined();
  });
});
