FROM fedora:40
RUN dnf -y install httpd-2.4.62 && microdnf clean all
