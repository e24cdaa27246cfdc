// Vite's "?raw" suffix imports a file as its text; the help page imports the user guides so.
declare module "*.md?raw" {
  const text: string;
  export default text;
}
