FROM debian:12
RUN aptitude update && aptitude install -y curl
