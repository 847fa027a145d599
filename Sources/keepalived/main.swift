print("keepalived: not built yet")
