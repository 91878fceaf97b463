# syntax=docker/dockerfile:1
#
# statuspress in a container: a static binary on distroless, running as a non-root user, serving
# the content directory at /content (the sample site unless a volume is mounted there).
#
#   docker build --build-arg VERSION=1.4.0 -t statuspress .
#   docker run --rm -p 8080:8080 -v "$PWD/incidents:/content:ro" statuspress
#
# internal/deploy's tests build the binary with exactly the go build command below and check
# what the runtime stage assumes; keep them in step when changing either stage.

FROM golang:1.26-bookworm AS build
WORKDIR /src
ENV CGO_ENABLED=0
# The modules first, so that a change to the code does not download them again.
COPY go.mod go.sum ./
RUN --mount=type=cache,target=/go/pkg/mod go mod download
COPY . .
ARG VERSION=dev
RUN --mount=type=cache,target=/go/pkg/mod --mount=type=cache,target=/root/.cache/go-build \
    go build -trimpath -ldflags "-s -w -X main.version=${VERSION}" -o /out/statuspress ./cmd/statuspress
# The folder of the subscribers' database (SQLite), empty; the runtime stage has no shell to make it.
RUN mkdir -p /out/data

# Distroless static: CA certificates, time zone data (site.yaml's zones need it) and a passwd
# file with an unprivileged user; no shell, no package manager.
FROM gcr.io/distroless/static-debian12:nonroot
ARG VERSION=dev
ARG REVISION=
ARG CREATED=
LABEL org.opencontainers.image.title="statuspress" \
      org.opencontainers.image.description="Status page and incident-postmortem server: Markdown incidents in git, published in four languages with feeds and a Statuspage-compatible API" \
      org.opencontainers.image.version="${VERSION}" \
      org.opencontainers.image.revision="${REVISION}" \
      org.opencontainers.image.created="${CREATED}" \
      org.opencontainers.image.base.name="gcr.io/distroless/static-debian12:nonroot"
COPY --from=build /out/statuspress /statuspress
COPY incidents/ /content/
COPY --from=build --chown=65532:65532 /out/data /data
ENV STATUSPRESS_CONTENT=/content STATUSPRESS_DATA=/data STATUSPRESS_ADDR=:8080
# distroless's nonroot user, by number so that Kubernetes' runAsNonRoot can check it.
USER 65532:65532
# The content, and the database that subscriptions keep (used only with --smtp or --notify-config).
VOLUME /content /data
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=10s --retries=3 CMD ["/statuspress", "healthcheck"]
ENTRYPOINT ["/statuspress"]
CMD ["serve"]
