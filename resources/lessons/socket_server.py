# SPDX-License-Identifier: MIT
# socket.server, in Python: bind, listen, accept, recv, reply, close; client threads connect.
# Weft passes the parameters form as arguments: python3 socket_server.py clients=2
import socket
import sys
import threading

args = dict(arg.split("=", 1) for arg in sys.argv[1:])
clients = int(args.get("clients", 2))


def client(port):
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.connect(("127.0.0.1", port))
    s.sendall(f"Hi, I am {threading.current_thread().name}".encode())
    reply = b""
    while chunk := s.recv(1024):  # until the server closes
        reply += chunk
    print(reply.decode().strip())
    s.close()


server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
server.bind(("127.0.0.1", 0))  # port 0: the system picks a free one
server.listen(10)
port = server.getsockname()[1]
print(f"listening on 127.0.0.1:{port}")
threads = [threading.Thread(target=client, args=(port,)) for _ in range(clients)]
for t in threads:
    t.start()
for _ in range(clients):
    conn, addr = server.accept()
    data = conn.recv(1024)
    conn.sendall(f"Hello {addr[0]}, you said: {data.decode()}\n".encode())
    conn.close()
for t in threads:
    t.join()
server.close()
