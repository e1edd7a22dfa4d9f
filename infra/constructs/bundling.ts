import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BuildOptions } from 'esbuild';
import { FONT_FILES } from '../../functions/documents/fonts.ts';

export const PROJECT_ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
export const PDFKIT_FONTS = join(PROJECT_ROOT, 'node_modules/pdfkit/js/standard-fonts');
export const DEJAVU_FONTS = join(PROJECT_ROOT, 'node_modules/dejavu-fonts-ttf/ttf');

/**
 * How every handler is bundled (CDK NodejsFunction and the bundle tests/benchmarks use the same settings):
 * CommonJS for the Node.js 24 runtime, minified with source maps, the AWS SDK v3 inside the bundle.
 * Two libraries need help: code that reads `import.meta.url` (pdfkit, for its ICC profile path) gets the
 * bundle's own file URL, and pdfkit's standard fonts — loaded through the package-internal "#standard-fonts"
 * import map — are copied next to the bundle with a package.json that maps them. The DejaVu TTFs the PDFs embed
 * go to `fonts/` next to the bundle (with their licence), where functions/documents/fonts.ts looks first.
 */
export const BUNDLE_BANNER = "const __lapkin_import_meta_url = require('url').pathToFileURL(__filename).href;";
export const BUNDLE_DEFINE = { 'import.meta.url': '__lapkin_import_meta_url' };
/**
 * Nothing is left to the runtime: the AWS SDK is bundled too, so a function runs the SDK version the tests ran,
 * not whatever the Lambda runtime ships (which changes under a deployed function, and older ones lacked the
 * default checksums an Object Lock PUT needs). The cold-start cost is measured in bench P4 (before/after).
 * SDK_EXTERNALS is the former setting, kept for that comparison.
 */
export const BUNDLE_EXTERNALS: string[] = [];
export const SDK_EXTERNALS = ['@aws-sdk/*'];
export const BUNDLE_TARGET = 'node24';
/**
 * Modules replaced in the bundle: fontkit's brotli decoder (WOFF2 only — the PDFs embed TrueType fonts) is 475 KiB
 * of every PDF-rendering bundle, more than the rest of archive's dependencies together (bench P4).
 */
export const BUNDLE_ALIAS = { 'brotli/decompress.js': join(PROJECT_ROOT, 'functions/documents/no-woff2.cjs') };

export function afterBundlingCommands(outputDir: string): string[] {
  return [
    `cp -R "${PDFKIT_FONTS}" "${outputDir}/standard-fonts"`,
    `echo '{"imports":{"#standard-fonts/*":"./standard-fonts/*.cjs"}}' > "${outputDir}/package.json"`,
    `mkdir -p "${outputDir}/fonts" && cp ${Object.values(FONT_FILES)
      .map((f) => `"${join(DEJAVU_FONTS, f)}"`)
      .join(' ')} "${outputDir}/fonts/"`,
    `cp "${join(DEJAVU_FONTS, '../LICENSE')}" "${outputDir}/fonts/LICENSE"`,
  ];
}

/**
 * The same settings as esbuild options, for building a handler outside CDK (the bundle test and bench P4), so what
 * they measure is what deploys. `external` can be overridden; run afterBundlingCommands(outDir) after the build.
 */
export function esbuildOptions(handler: string, outDir: string): BuildOptions {
  return {
    entryPoints: [join(PROJECT_ROOT, `functions/handlers/${handler}.ts`)],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: BUNDLE_TARGET,
    minify: true,
    sourcemap: true,
    external: BUNDLE_EXTERNALS,
    banner: { js: BUNDLE_BANNER },
    define: BUNDLE_DEFINE,
    alias: BUNDLE_ALIAS,
    outfile: join(outDir, 'index.js'),
    logLevel: 'error',
  };
}
