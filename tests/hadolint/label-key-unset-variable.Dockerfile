FROM alpine:3.20
LABEL invalid$character="foo"
