# want: 2:28: cannot mix bytes and nonbytes literals
msg = b"HTTP/1.1 " "200 OK"
