# a comment with "quotes" and 'ticks'
import threading
@decorator.attr
def worker(self, n):
    url = "http://host/#frag"   # trailing comment
    esc = "a \" # b"
    doc = """first line
    # not a comment
    last line"""
    after = None
    lines = '''one
    two'''
    print(len(range(3)), q.print, self.lock)
    x = 0x1F + 1e-3 + 2_000 + 3j + .5
    r = rb'\d+#' + f"{n}#" + Rb"raw"
    m = a @ b
    return cls
