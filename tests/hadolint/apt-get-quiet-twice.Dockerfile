FROM debian:12
RUN apt-get update && apt-get install -q -q --no-install-recommends curl=7.88.1-10+deb12u7 && rm -rf /var/lib/apt/lists/*
