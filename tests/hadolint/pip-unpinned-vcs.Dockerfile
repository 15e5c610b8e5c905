FROM python:3.12-slim
RUN pip install --no-cache-dir git+https://github.com/acme/tool.git#egg=tool
