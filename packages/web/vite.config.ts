import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// dkfds's package `exports` map blocks deep imports, so we alias its whole `dist` folder. Aliasing the folder
// (not only the CSS file) lets Vite follow the stylesheet's `url(../fonts/…)` and `url(../img/…)` references and
// bundle IBM Plex Sans and the icons into dist/assets: everything is served from our own origin, no CDN.
const dkfdsDist = decodeURIComponent(new URL('../../node_modules/dkfds/dist', import.meta.url).pathname);

export default defineConfig({
  // The staff app lives under one prefix; "/" belongs to the public site (docs/adr/0005-staff-app-under-medarbejder.md).
  base: '/medarbejder/',
  plugins: [react()],
  resolve: {
    alias: { '~dkfds': dkfdsDist },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Emit every font and icon as a file rather than a data: URL, so the strict CSP never needs widening.
    assetsInlineLimit: 0,
    sourcemap: false,
  },
  server: {
    proxy: {
      '/api': { target: 'http://localhost:3000', changeOrigin: false },
    },
  },
});
