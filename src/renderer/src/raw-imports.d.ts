// Vite (and vitest) import a file's text with ?raw; used by tests to read stylesheets.
declare module '*.css?raw' {
  const text: string;
  export default text;
}
