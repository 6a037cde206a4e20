# Memory exhausted while the module loads.
_kept = []
while True:
    _kept.append(bytearray(1 << 26))
