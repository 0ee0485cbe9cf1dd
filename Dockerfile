# syntax=docker/dockerfile:1
# The bot in a container: `docker compose up -d` (see compose.yaml and deploy/README-deploy.md).
# Node 20 by default; 22 and 24 work too: docker build --build-arg NODE_VERSION=22 .
ARG NODE_VERSION=20

# --- dependencies: hnswlib-node compiles a native addon at install time (python3, make, g++) -----------
FROM node:${NODE_VERSION}-bookworm-slim AS deps
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ ca-certificates \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json ./
# npm ci runs the "prepare" script: with no sources here yet it compiles nothing, but it must exist.
COPY scripts/prepare.mjs ./scripts/prepare.mjs
# The runtime's modules only: tsx and typescript are dev dependencies (the image runs compiled JavaScript).
# onnxruntime-node and sharp fetch their prebuilt binaries here (network needed at build time only).
RUN npm ci --omit=dev --no-audit --no-fund \
 && npm cache clean --force

# --- compile: the TypeScript into dist/ (`npm run compile`), with the dev dependencies beside the runtime's ---
FROM deps AS compile
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY scripts ./scripts
RUN npm run compile

# --- runtime: no compilers and no sources, code owned by root and read-only to the bot, data in volumes ---
FROM node:${NODE_VERSION}-bookworm-slim AS runtime
ENV NODE_ENV=production \
    CORPUS_DIR=/app/corpus \
    INDEX_DIR=/app/embeddings \
    MODELS_CACHE_DIR=/app/.cache/models
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY package.json package-lock.json ./
# The compiled code (dist/scripts, dist/src, dist/.tsbuildinfo) and the launcher that child processes
# (rebuilds, reading threads) start through: with no sources beside it, it always runs dist/.
COPY --from=compile /app/dist ./dist
COPY scripts/run.mjs ./scripts/run.mjs
# The seed articles: a fresh named volume on /app/corpus starts with them; a bind mount replaces them.
COPY corpus ./corpus
# Writable by the bot (user `node`, uid 1000): the index, the downloaded model, the bot's own store.
RUN mkdir -p embeddings .cache/models data \
 && chown -R node:node embeddings .cache data
USER node
VOLUME ["/app/corpus", "/app/embeddings", "/app/.cache/models", "/app/data"]
# Webhook mode only (WEBHOOK_URL set): the port of WEBHOOK_PORT.
EXPOSE 8080
# node itself, not npm, so that SIGTERM reaches the bot's graceful shutdown (drains questions, closes the index).
CMD ["node", "dist/scripts/start.js"]
