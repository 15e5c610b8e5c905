FROM debian:12
RUN wget -o /tmp/wget.log https://example.com/a.tgz && wget --append-output=/tmp/wget.log https://example.com/b.tgz
