/**
 * Stands in for jsPDF's optional html2canvas, canvg and DOMPurify (vite.config.ts aliases them
 * here). They serve only `doc.html()` and SVG images, which the app never calls, so they are
 * neither built nor precached. Calling them anyway fails loudly instead of doing nothing.
 */
function unavailable(): never {
  throw new Error('This jsPDF feature (HTML or SVG rendering) is not part of CPNI Desk.');
}

export default unavailable;
