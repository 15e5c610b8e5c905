FROM golang:1.26.6-bookworm
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 go build -o /usr/local/bin/stock-api ./cmd/stock-api
EXPOSE 8080
ENTRYPOINT ["/usr/local/bin/stock-api"]
