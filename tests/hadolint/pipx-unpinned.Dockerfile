FROM python:3.12-slim
RUN pip install --no-cache-dir pipx==1.6.0 && pipx install black
