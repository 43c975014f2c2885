# syntax=docker/dockerfile:1
# storybot as one plain node process on the compiled JavaScript. Build: docker build -t storybot .
# Run: see README, "Deploying" (HTTP mode needs DISCORD_PUBLIC_KEY; the gateway needs DISCORD_TOKEN).

# 1. Compile TypeScript with the full (dev) dependencies.
FROM node:20-bookworm-slim AS build
# A native module (better-sqlite3) compiles here if no prebuilt binary fits; not in the final image.
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts --no-audit --no-fund && npm rebuild
COPY tsconfig*.json ./
COPY src src
COPY commands commands
# The build answers a few questions from the shipped knowledge to write the bundle's code cache.
COPY knowledge knowledge
RUN npm run build

# 2. Production dependencies only, installed from the same lock file.
FROM node:20-bookworm-slim AS deps
# A native module (better-sqlite3) compiles here if no prebuilt binary fits; not in the final image.
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json ./
# --ignore-scripts: the package's own `prepare` (the build) needs dev tools and is done in stage 1;
# `npm rebuild` then runs the dependencies' install scripts (native modules) that it skipped.
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npm rebuild && npm cache clean --force

# 3. The image: compiled code, production dependencies, the shipped knowledge; runs as `node`, not root.
FROM node:20-bookworm-slim
ENV NODE_ENV=production \
    HTTP_PORT=8080 \
    KNOWLEDGE_DIR=/app/knowledge \
    DATA_DIR=/app/data
WORKDIR /app
COPY --from=deps --chown=root:root /app/node_modules node_modules
COPY --from=build --chown=root:root /app/dist dist
COPY --chown=root:root package.json ./
# Knowledge is data moderators change: owned by `node` so /refresh can re-read a mounted or edited copy.
COPY --chown=node:node knowledge knowledge
# The bot's state (embedded database, salt, the history that /knowledge undo restores from): written by `node`.
RUN mkdir -p /app/data && chown node:node /app/data
VOLUME /app/data
USER node
EXPOSE 8080
# 200 when knowledge is loaded and (where configured) the database is reachable; 503 otherwise.
HEALTHCHECK --interval=15s --timeout=3s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.HTTP_PORT||8080)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# Node itself as PID 1's child-free process: SIGTERM reaches the bot, which finishes requests in flight.
STOPSIGNAL SIGTERM
CMD ["node", "dist/bundle/main.js"]
