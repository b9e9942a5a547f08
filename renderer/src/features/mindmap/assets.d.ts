// Vite turns `?url` imports into the asset's URL (fonts shipped with the app for PDF export).
declare module '*?url' {
  const url: string;
  export default url;
}
