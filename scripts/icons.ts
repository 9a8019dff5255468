/**
 * `npm run icons`: renders resources/packaging/icon.svg with Chromium (the one the e2e tests use)
 * into the PNG, ICO and ICNS files electron-builder packs (electron-builder.json). The outputs
 * are committed; run this again after changing the SVG.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS } from '../playwright.config';
import { ICNS_TYPES, ICO_SIZES, LINUX_SIZES, packIcns, packIco, pngDimensions } from './icons/pack';
import type { SizedPng } from './icons/pack';

const PACKAGING = join(dirname(fileURLToPath(import.meta.url)), '..', 'resources', 'packaging');
async function render(svg: string, sizes: number[]): Promise<SizedPng[]> {
  const executablePath = process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    const source = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
    const images: SizedPng[] = [];
    for (const size of sizes) {
      await page.setViewportSize({ width: size, height: size });
      await page.setContent(`<body style="margin:0"><img src="${source}" width="${size}" height="${size}"></body>`);
      await page.locator('img').evaluate((img: HTMLImageElement) => img.decode());
      const data = await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
      const { width } = pngDimensions(data);
      if (width !== size) throw new Error(`rendered ${width} px instead of ${size}`);
      images.push({ size, data });
    }
    return images;
  } finally {
    await browser.close();
  }
}

async function main(): Promise<void> {
  const svg = readFileSync(join(PACKAGING, 'icon.svg'), 'utf8');
  const sizes = [...new Set([...LINUX_SIZES, ...ICO_SIZES, ...ICNS_TYPES.map((t) => t.size)])].sort((a, b) => a - b);
  const images = await render(svg, sizes);
  const image = (size: number) => images.find((i) => i.size === size) as SizedPng;
  mkdirSync(join(PACKAGING, 'icons'), { recursive: true });
  for (const size of LINUX_SIZES) writeFileSync(join(PACKAGING, 'icons', `${size}x${size}.png`), image(size).data);
  writeFileSync(join(PACKAGING, 'icon.png'), image(1024).data);
  writeFileSync(join(PACKAGING, 'icon.ico'), packIco(ICO_SIZES.map(image)));
  writeFileSync(join(PACKAGING, 'icon.icns'), packIcns(images));
  console.log(`icons written to ${PACKAGING}`);
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
  });
}
