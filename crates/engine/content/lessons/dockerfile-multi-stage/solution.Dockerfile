# syntax=docker/dockerfile:1.7
FROM golang:1.26.6-bookworm AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN --mount=type=cache,target=/go/pkg/mod go mod download
COPY . .
RUN --mount=type=cache,target=/go/pkg/mod \
    --mount=type=cache,target=/root/.cache/go-build \
    CGO_ENABLED=0 go build -o /out/stock-api ./cmd/stock-api

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/stock-api /stock-api
USER 65532:65532
EXPOSE 8080
ENTRYPOINT ["/stock-api"]
