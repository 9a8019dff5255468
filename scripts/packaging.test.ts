/**
 * The packaging configuration (electron-builder.json) is checked here, because `npm run dist`
 * cannot run on machines where the Electron binary cannot be downloaded: against
 * electron-builder's own JSON schema (so a typo fails CI), by electron-builder's own validator,
 * and for what Marginalia needs — fuses, targets, file associations, the corpus, icons.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { ENTRY_FILE_EXTENSION, PROJECT_EXTENSION } from '../common/projectFile';
import { ASSOCIATED_EXTENSIONS } from '../main/openedFiles';
import { ICNS_TYPES, ICO_SIZES, LINUX_SIZES, pngDimensions, readIcns, readIco } from './icons/pack';

const ROOT = resolve(__dirname, '..');
const require = createRequire(import.meta.url);
const readJson = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as Record<string, any>;
const config = readJson(join(ROOT, 'electron-builder.json'));
const packageJson = readJson(join(ROOT, 'package.json'));
const SCHEMA_PATH = join(ROOT, 'node_modules', 'app-builder-lib', 'scheme.json');

// strict: false because the schema uses keywords of ajv-keywords ("typeof") that plain ajv does
// not know; unlike electron-builder we do not coerce types, so "true" for true is a failure too.
const validate = new Ajv({ allErrors: true, strict: false }).compile(readJson(SCHEMA_PATH));
const problems = (candidate: unknown) => (validate(candidate) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`));
const edited = (edit: (copy: Record<string, any>) => void) => {
  const copy = structuredClone(config);
  edit(copy);
  return copy;
};

describe('electron-builder.json', () => {
  it("validates against electron-builder's own JSON schema", () => {
    expect(existsSync(SCHEMA_PATH)).toBe(true);
    expect(problems(config)).toEqual([]);
  });

  it('fails that schema on a typo or a wrong type anywhere', () => {
    const typos: Array<(c: Record<string, any>) => void> = [
      (c) => (c.electronFuse = c.electronFuses),
      (c) => (c.electronFuses.runAsnode = false),
      (c) => (c.linux.targt = ['deb']),
      (c) => (c.nsis.oneclick = false),
      (c) => (c.fileAssociations[0].extension = 'qdpx'),
      (c) => (c.mac.fileAssociations[0].isPackage = 'true'),
      (c) => (c.asar = 'yes'),
      (c) => (c.electronFuses.onlyLoadAppFromAsar = 'true'),
      (c) => (c.mac.darkModeSupport = 1),
    ];
    for (const typo of typos) expect(problems(edited(typo)), typo.toString()).not.toEqual([]);
  });

  it("passes electron-builder's own configuration check, which refuses a typo", async () => {
    const { validateConfiguration } = require('app-builder-lib/out/util/config/config.js') as {
      validateConfiguration: (config: unknown, logger: unknown) => Promise<void>;
    };
    const { DebugLogger } = require('builder-util/out/DebugLogger.js') as { DebugLogger: new (enabled: boolean) => unknown };
    await expect(validateConfiguration(structuredClone(config), new DebugLogger(false))).resolves.toBeUndefined();
    await expect(validateConfiguration(edited((c) => (c.win.targte = ['nsis'])), new DebugLogger(false))).rejects.toThrow(/Invalid configuration object/);
  });

  it('sets the fuses: no running as Node, no NODE_OPTIONS, no inspector, asar only and integrity-checked, cookies encrypted', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      enableCookieEncryption: true,
      // The page comes from app://, so file:// needs none of its old extra privileges.
      grantFileProtocolExtraPrivileges: false,
    });
    expect(config.asar).toBe(true);
  });

  it('builds AppImage and .deb for Linux, a dmg for macOS and an NSIS installer for Windows', () => {
    expect([config.linux.target, config.mac.target, config.win.target]).toEqual([['AppImage', 'deb'], ['dmg'], ['nsis']]);
  });

  it('associates exactly the extensions main opens: .qdpx as an import, a project by its entry file, and its folder on macOS', () => {
    const exts = (associations: Array<{ ext: string }>) => associations.map((a) => a.ext);
    expect([...exts(config.fileAssociations), ...exts(config.mac.fileAssociations)].sort()).toEqual(Object.keys(ASSOCIATED_EXTENSIONS).sort());
    // Linux and Windows get every top-level association: each a file with a MIME type of its own (the .desktop file's MimeType).
    for (const association of config.fileAssociations) {
      expect(association.mimeType).toMatch(/^application\/[a-z0-9.+-]+$/);
      expect(association.isPackage).toBeUndefined();
    }
    expect(new Set(config.fileAssociations.map((a: { mimeType: string }) => a.mimeType)).size).toBe(config.fileAssociations.length);
    expect(config.fileAssociations.find((a: { ext: string }) => a.ext === ENTRY_FILE_EXTENSION)).toMatchObject({ mimeType: 'application/x-marginalia-project', rank: 'Owner' });
    // A folder can carry an association only as a macOS package; on Linux and Windows its entry file stands for it.
    expect(config.mac.fileAssociations).toEqual([{ ext: PROJECT_EXTENSION, name: 'Marginalia Project', role: 'Editor', rank: 'Owner', isPackage: true }]);
    for (const platform of ['linux', 'win']) expect(config[platform].fileAssociations).toBeUndefined();
    // Windows names each association's registry class after it: two of one name would share one.
    const names = [...config.fileAssociations, ...config.mac.fileAssociations].map((a: { name: string }) => a.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it('packs the built app and ships the corpus where main looks for it (resources/corpus)', () => {
    expect(config.files).toEqual(['out/main/**', 'out/preload/**', 'out/renderer/**', 'package.json']);
    expect(packageJson.main).toBe('out/main/index.js');
    expect(config.extraResources).toEqual([{ from: 'resources/corpus', to: 'corpus', filter: ['**/*'] }]);
    expect(existsSync(join(ROOT, 'resources', 'corpus', 'manifest.json'))).toBe(true);
    expect(readFileSync(join(ROOT, 'main', 'index.ts'), 'utf8')).toContain("join(process.resourcesPath, 'corpus')");
  });

  it('is what `npm run dist` uses, with electron-builder pinned exactly', () => {
    expect(packageJson.scripts.dist).toBe('electron-vite build && electron-builder --config electron-builder.json');
    expect(packageJson.devDependencies['electron-builder']).toMatch(/^\d+\.\d+\.\d+$/);
    expect(packageJson.devDependencies.ajv).toMatch(/^\d+\.\d+\.\d+$/);
  });
});

describe('the app icon', () => {
  const packaging = (...parts: string[]) => join(ROOT, 'resources', 'packaging', ...parts);

  it('is referenced from the configuration and exists', () => {
    for (const path of [config.linux.icon, config.mac.icon, config.win.icon, config.nsis.installerIcon, config.nsis.uninstallerIcon]) {
      expect(existsSync(join(ROOT, path)), path).toBe(true);
    }
    expect(config.directories.buildResources).toBe('resources/packaging');
  });

  it('has every Linux size, each PNG as large as its name says', () => {
    for (const size of LINUX_SIZES) expect(pngDimensions(readFileSync(packaging('icons', `${size}x${size}.png`)))).toEqual({ width: size, height: size });
    expect(pngDimensions(readFileSync(packaging('icon.png')))).toEqual({ width: 1024, height: 1024 });
  });

  it('is a Windows ICO of PNG images from 16 to 256 px', () => {
    const images = readIco(readFileSync(packaging('icon.ico')));
    expect(images.map((i) => i.size)).toEqual(ICO_SIZES);
    for (const image of images) expect(pngDimensions(image.data)).toEqual({ width: image.size, height: image.size });
  });

  it('is a macOS ICNS with every PNG type up to 1024 px', () => {
    const elements = readIcns(readFileSync(packaging('icon.icns')));
    expect(elements.map((e) => e.type)).toEqual(ICNS_TYPES.map((t) => t.type));
    elements.forEach((element, i) => {
      const size = ICNS_TYPES[i]!.size;
      expect(pngDimensions(element.data), element.type).toEqual({ width: size, height: size });
    });
  });
});
