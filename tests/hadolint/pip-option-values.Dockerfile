FROM python:3.12-slim
RUN pip install --no-cache-dir --root-user-action ignore --index-url https://pypi.example.com/simple flask==3.0.3
