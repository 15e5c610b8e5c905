FROM fedora:41
RUN --mount=type=cache,target=/var/cache/libdnf5 dnf -y install httpd-2.4.62
