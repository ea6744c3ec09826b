# SPDX-License-Identifier: MIT
# socket.client, in Python: connect, send a request, read the reply until the server closes.
# Weft passes the parameters form as arguments: python3 socket_client.py request=get max_bytes=65536
import http.server
import socket
import sys
import threading

args = dict(arg.split("=", 1) for arg in sys.argv[1:])
kind = args.get("request", "get")
max_bytes = int(args.get("max_bytes", 65536))


def client(host, port, request):
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    address = socket.gethostbyname(host)
    print(f"{host} is {address}")
    s.connect((address, port))
    s.sendall(request)
    reply = b""
    while len(reply) < max_bytes:
        chunk = s.recv(min(4096, max_bytes - len(reply)))
        if not chunk:
            break  # the server closed the connection: the reply is complete
        reply += chunk
    s.close()
    print("reply:", reply.split(b"\r\n")[0])
    return reply


class Handler(http.server.BaseHTTPRequestHandler):
    default_request_version = "HTTP/1.0"  # a bad request gets a status line too

    def do_GET(self):
        if len(str(self.headers)) > 8192:
            self.send_error(413, "the request head is limited to 8 KiB")
            return
        body = b"Hello from the lesson's server\n"
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


# A stand-in server on this machine only: 127.0.0.1, on a port the system picks.
server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
threading.Thread(target=server.serve_forever, name="server").start()
requests = {
    "get": b"GET / HTTP/1.0\r\nHost: localhost\r\n\r\n",
    "garbage": b"HELLO? IS ANYBODY THERE?\r\n\r\n",
    "oversized": b"GET / HTTP/1.0\r\nX-Padding: " + b"a" * 16384 + b"\r\n\r\n",
}
try:
    client("127.0.0.1", server.server_port, requests[kind])
finally:
    server.shutdown()
    server.server_close()
