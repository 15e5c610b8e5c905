FROM fedora:40
RUN dnf -y in httpd-2.4.62 && dnf -y up && dnf -y rei httpd-2.4.62
