# One image for both services. docker-compose.yml chooses the command:
#   node dist/apps/ingest/apps/ingest/src/main.js        (ingest, port 3000)
#   node dist/apps/projector/apps/projector/src/main.js  (projector, port 3001)
# Configuration is the environment, as in docs/API.md ("Running").

# Node 24 (LTS) is the target; 22.12 or newer runs it too (package.json "engines"), e.g.
#   docker build --build-arg NODE_IMAGE=node:22-bookworm-slim .
ARG NODE_IMAGE=node:24-bookworm-slim

# --- build: every dependency, compile both apps into dist/ ---
FROM ${NODE_IMAGE} AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build

# --- runtime: production dependencies and the compiled output only ---
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/dist ./dist
# Files stay owned by root (read-only for the app); the services run as the image's
# unprivileged "node" user.
USER node
EXPOSE 3000 3001
CMD ["node", "dist/apps/ingest/apps/ingest/src/main.js"]
