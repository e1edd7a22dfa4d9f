/*
 * Stands in for brotli's decompressor in the Lambda bundles (infra/constructs/bundling.ts, BUNDLE_ALIAS). fontkit
 * needs it only to read WOFF2 fonts; lapkin embeds its own TrueType fonts, so the 475 KiB decoder never runs.
 */
module.exports = function decompress() {
  throw new Error('WOFF2 fonts are not supported in the lapkin bundle (brotli is left out; use a TTF font)');
};
