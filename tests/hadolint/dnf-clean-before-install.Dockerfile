FROM fedora:40
RUN dnf clean all && dnf -y install httpd-2.4.62
