FROM python:3.12-slim
COPY constraints.txt /tmp/
RUN pip install --no-cache-dir -c /tmp/constraints.txt flask
