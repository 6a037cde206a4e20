# An endless loop while the module loads.
while True:
    pass
