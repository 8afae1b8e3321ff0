#!/usr/bin/env python3
"""Minimal asyncio SMTP sink: accepts every message, counts them, writes the count and the arrival time
(epoch seconds) of each message to a file. Usage: smtp_sink.py HOST PORT COUNTFILE"""
import asyncio, sys, time

HOST, PORT, OUT = sys.argv[1], int(sys.argv[2]), sys.argv[3]
count = 0
first = last = None

def record():
    with open(OUT + ".tmp", "w") as f:
        f.write(f"{count} {first or 0:.6f} {last or 0:.6f}\n")
    import os; os.replace(OUT + ".tmp", OUT)

async def handle(reader, writer):
    global count, first, last
    writer.write(b"220 bench-sink ESMTP\r\n"); await writer.drain()
    in_data = False
    while True:
        line = await reader.readline()
        if not line:
            break
        if in_data:
            if line in (b".\r\n", b".\n"):
                in_data = False
                count += 1
                now = time.time()
                first = first or now
                last = now
                record()
                writer.write(b"250 OK queued\r\n")
            continue
        cmd = line[:4].upper()
        if cmd in (b"EHLO",):
            writer.write(b"250-bench-sink\r\n250-8BITMIME\r\n250-SMTPUTF8\r\n250 SIZE 52428800\r\n")
        elif cmd == b"HELO":
            writer.write(b"250 bench-sink\r\n")
        elif cmd == b"DATA":
            in_data = True
            writer.write(b"354 End data with <CR><LF>.<CR><LF>\r\n")
        elif cmd == b"QUIT":
            writer.write(b"221 Bye\r\n"); await writer.drain(); break
        else:  # MAIL, RCPT, RSET, NOOP ...
            writer.write(b"250 OK\r\n")
        await writer.drain()
    writer.close()

async def main():
    record()
    server = await asyncio.start_server(handle, HOST, PORT)
    async with server:
        await server.serve_forever()

asyncio.run(main())
