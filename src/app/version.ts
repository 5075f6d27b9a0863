/** This build's version (package.json), stored with every signed package. */
export { version as APP_VERSION } from '../../package.json';
